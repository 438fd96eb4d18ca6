package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.FaultRule;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.SeededAccount;
import dev.eksip.testing.aws.TwoClusterAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Duration;

/**
 * The seeded account (managed and self-managed groups, launch template, reservations, pod subnet) audited live
 * through the delaying proxy one call at a time and at the default bound: the same report byte for byte, from the
 * same calls, healthy and with a gap.
 */
class ConcurrentReadsIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @BeforeAll
    static void seed() {
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder());
             AutoScalingClient autoScaling = MOTO.client(AutoScalingClient.builder())) {
            SeededAccount.seed(ec2, eks, autoScaling);
            TwoClusterAccount.seed(ec2, eks, autoScaling);
        }
    }

    @Test
    void oneAtATimeAndSixteenAtATimeGiveTheSameReportFromTheSameCalls() {
        try (FaultProxy proxy = new FaultProxy(MOTO.endpoint(), Duration.ofMinutes(1))) {
            proxy.latency(Duration.ofMillis(20));
            LiveAudit serial = LiveAudit.run(proxy.endpoint(), 1);
            LiveAudit concurrent = LiveAudit.run(proxy.endpoint(), 16);

            assertThat(concurrent.report()).isEqualTo(serial.report()).contains("\"subnets\"");
            assertThat(concurrent.callsByOperation()).isEqualTo(serial.callsByOperation());
            assertThat(serial.callsByOperation()).containsKeys("Eks:DescribeNodegroup", "Ec2:DescribeInstances",
                    "Ec2:GetSubnetCidrReservations", "Ec2:DescribeLaunchTemplateVersions",
                    "AutoScaling:DescribeLaunchConfigurations", "Ec2:DescribeInstanceTypes");
        }
    }

    @Test
    void aGapIsReportedTheSameWayWhateverTheBound() {
        try (FaultProxy proxy = new FaultProxy(MOTO.endpoint(), Duration.ofMinutes(1))) {
            proxy.rules(new FaultRule("eks:DescribeNodegroup", FaultRule.Fault.ACCESS_DENIED, SeededAccount.NG_BATCH),
                    FaultRule.on("ec2:GetSubnetCidrReservations", FaultRule.Fault.SERVER_ERROR));
            LiveAudit serial = LiveAudit.run(proxy.endpoint(), 1);
            LiveAudit concurrent = LiveAudit.run(proxy.endpoint(), 16);

            assertThat(concurrent.report()).isEqualTo(serial.report())
                    .contains("eks:DescribeNodegroup", "ec2:GetSubnetCidrReservations");
        }
    }
}
