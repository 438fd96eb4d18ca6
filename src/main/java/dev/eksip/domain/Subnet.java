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

    /** The tag by which Kubernetes load balancers pick internet-facing subnets. */
    public static final String ELB_ROLE_TAG = "kubernetes.io/role/elb";
    /** The tag by which Kubernetes load balancers pick internal subnets. */
    public static final String INTERNAL_ELB_ROLE_TAG = "kubernetes.io/role/internal-elb";

    /**
     * Tagged {@value #ELB_ROLE_TAG} or {@value #INTERNAL_ELB_ROLE_TAG} (with a value other than {@code 0}): load
     * balancers place their nodes here and need free addresses to be created and to scale.
     */
    public boolean loadBalancerSubnet() {
        return tagged(ELB_ROLE_TAG) || tagged(INTERNAL_ELB_ROLE_TAG);
    }

    private boolean tagged(String key) {
        String value = tags.get(key);
        return value != null && !value.equals("0");
    }

    /** A subnet CIDR reservation: {@code prefix} (EC2 assigns prefixes from it) or {@code explicit}. */
    public record CidrReservation(String reservationId, String cidr, ReservationType type) {
        public CidrReservation {
            requireNonNull(cidr, "cidr");
            requireNonNull(type, "type");
        }
    }
}
