package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A VPC subnet as EC2 describes it.
 *
 * @param availableIps EC2 {@code AvailableIpAddressCount}: unused addresses, counted one by one (§10)
 * @param tags         all tags, e.g. {@code kubernetes.io/role/cni}, {@code kubernetes.io/cluster/NAME}
 * @param reservations subnet CIDR reservations
 */
public record Subnet(String subnetId, String vpcId, String availabilityZone, String cidr, int availableIps,
                     Map<String, String> tags, List<CidrReservation> reservations) {
    public Subnet {
        requireNonNull(subnetId, "subnetId");
        requireNonNull(vpcId, "vpcId");
        requireNonNull(availabilityZone, "availabilityZone");
        requireNonNull(cidr, "cidr");
        if (availableIps < 0) throw new IllegalArgumentException("availableIps must be >= 0 for " + subnetId);
        tags = Map.copyOf(tags);
        reservations = List.copyOf(reservations);
    }

    /** A subnet CIDR reservation: {@code prefix} (EC2 assigns prefixes from it) or {@code explicit}. */
    public record CidrReservation(String reservationId, String cidr, ReservationType type) {
        public CidrReservation {
            requireNonNull(cidr, "cidr");
            requireNonNull(type, "type");
        }
    }
}
