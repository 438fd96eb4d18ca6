package dev.eksip.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

class MotoServerIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Test
    void servesEc2OnLoopbackAndResetClearsState() {
        assertThat(MOTO.endpoint().getHost()).isEqualTo("127.0.0.1");
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder())) {
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs()).hasSize(1);

            MOTO.reset();

            assertThat(ec2.describeVpcsPaginator(r -> r.filters(f -> f.name("cidr").values("10.9.0.0/16")))
                    .vpcs().stream().toList()).isEmpty();
        }
    }

    @Test
    void stopsTheChildProcessOnClose() {
        try (MotoServer other = new MotoServer().start()) {
            assertThat(other.endpoint().getPort()).isNotEqualTo(MOTO.endpoint().getPort());
            other.reset();
        }
    }
}
