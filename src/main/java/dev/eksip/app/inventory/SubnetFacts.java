package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Subnet;

import java.util.List;

/**
 * A subnet as {@code DescribeSubnets} (and {@code GetSubnetCidrReservations}) show it.
 *
 * @param ownerId the account that owns it ("" when EC2 names none): the inventory's account
 */
public record SubnetFacts(Subnet subnet, String ownerId) {
    /**
     * Subnet discovery ({@code ENABLE_SUBNET_DISCOVERY}) also places ENIs in subnets carrying this tag
     * (vpc-cni-model.md §5, "Where the new ENI's addresses come from").
     */
    public static final String CNI_ROLE_TAG = "kubernetes.io/role/cni";

    public SubnetFacts {
        requireNonNull(subnet, "subnet");
        requireNonNull(ownerId, "ownerId");
    }

    public String subnetId() {
        return subnet.subnetId();
    }

    /** Tagged {@code kubernetes.io/role/cni} with a value other than {@code 0}: a subnet-discovery candidate. */
    public boolean cniCandidate() {
        String role = subnet.tags().get(CNI_ROLE_TAG);
        return role != null && !role.equals("0");
    }

    /**
     * Tagged for load balancers ({@code kubernetes.io/role/elb} or {@code kubernetes.io/role/internal-elb}): read
     * with the subnet-discovery candidates, since load balancers need free addresses there too.
     */
    public boolean loadBalancerSubnet() {
        return subnet.loadBalancerSubnet();
    }

    /** The same subnet with its CIDR reservations. */
    public SubnetFacts withReservations(List<Subnet.CidrReservation> reservations) {
        Subnet s = subnet;
        return new SubnetFacts(new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), s.availableIps(),
                s.tags(), reservations), ownerId);
    }
}
