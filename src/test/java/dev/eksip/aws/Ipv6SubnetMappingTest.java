package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Subnet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

import java.util.List;

/**
 * Issue 8 item 7, the reading side: EC2 describes an IPv6-only subnet without a {@code CidrBlock}; the inventory
 * keeps it with cidr "" and no available IPv4 address, whatever count EC2 reports (moto reports the IPv6 block's
 * 2^64 − 5, which does not even fit the SDK's integer), and its ENIs without an IPv4 address.
 */
class Ipv6SubnetMappingTest {
    @Test
    void anIpv6OnlySubnetHasNoCidrAndNoAvailableIpv4Address() {
        var s = software.amazon.awssdk.services.ec2.model.Subnet.builder().subnetId("subnet-v6").vpcId("vpc-1")
                .availabilityZone("us-east-1a").ipv6Native(true).availableIpAddressCount(1000)
                .ipv6CidrBlockAssociationSet(SubnetIpv6CidrBlockAssociation.builder()
                        .ipv6CidrBlock("2600:1f18:1234:5600::/64").build()).build();

        Subnet mapped = Ec2Mapping.subnet(s, List.of());

        assertThat(mapped.cidr()).isEmpty();
        assertThat(mapped.availableIps()).isZero();
    }

    @Test
    void aDualStackSubnetKeepsItsIpv4Figures() {
        var s = software.amazon.awssdk.services.ec2.model.Subnet.builder().subnetId("subnet-ds").vpcId("vpc-1")
                .availabilityZone("us-east-1a").cidrBlock("10.0.0.0/24").availableIpAddressCount(200)
                .ipv6CidrBlockAssociationSet(SubnetIpv6CidrBlockAssociation.builder()
                        .ipv6CidrBlock("2600:1f18:1234:5601::/64").build()).build();

        assertThat(Ec2Mapping.subnet(s, List.of()).cidr()).isEqualTo("10.0.0.0/24");
        assertThat(Ec2Mapping.subnet(s, List.of()).availableIps()).isEqualTo(200);
    }

    @Test
    void anEniInAnIpv6OnlySubnetHoldsNoIpv4Address() {
        NetworkInterface n = NetworkInterface.builder().networkInterfaceId("eni-6").subnetId("subnet-v6")
                .interfaceType("interface").attachment(a -> a.instanceId("i-1").deviceIndex(0))
                .ipv6Address("2600:1f18:1234:5600::10").build();

        assertThat(Ec2Mapping.eni(n).primaryIp()).isEmpty();
        assertThat(Ec2Mapping.eni(n).secondaryIps()).isEmpty();
    }
}
