package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.InventoryFile;
import dev.eksip.domain.Inventory;
import dev.eksip.testing.MotoServer;
import dev.eksip.testing.SeededAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.util.List;
import java.util.Map;

class AwsInventoryIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static SeededAccount account;
    static Ec2Client ec2;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ec2 = MOTO.client(Ec2Client.builder());
        account = SeededAccount.seed(ec2, MOTO.client(EksClient.builder()), MOTO.client(AutoScalingClient.builder()));
    }

    @Test
    void explore() {
        ApiCallCounter counter = new ApiCallCounter();
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MOTO.endpoint().toString()), counter)) {
            Inventory inv = AwsInventorySource.using(clients, Map.of(), System.err::println).load(List.of());
            System.out.println(InventoryFile.toJson(inv));
            System.out.println(counter.counts());
            assertThat(inv.clusters()).hasSize(1);
        }
    }
}
