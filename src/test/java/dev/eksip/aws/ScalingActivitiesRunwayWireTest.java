package dev.eksip.aws;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eksip.app.ReadRunway;
import dev.eksip.app.port.ScalingHistory;
import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.ScalingActivitiesStandIn;
import dev.eksip.testing.forecast.Forecasts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runway from Auto Scaling's scaling activities (the stand-in at the wire; moto 5.2.1 always answers an empty
 * list) when CloudWatch holds no history yet (the CBOR stand-in, empty), through {@link ReadRunway}.
 */
class ScalingActivitiesRunwayWireTest {
    private static final String SUBNET = "subnet-0a1b2c3d4e5f60001";
    private static final String OTHER = "subnet-0a1b2c3d4e5f60002";
    private static final Instant AS_OF = Forecasts.AS_OF;
    private final ScalingActivitiesStandIn activities = new ScalingActivitiesStandIn();
    private final CloudWatchWireRecorder cloudWatch = new CloudWatchWireRecorder();
    private final AutoScalingClient autoScaling = AutoScalingClient.builder()
            .endpointOverride(activities.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create()).build();
    private final CloudWatchClient cw = CloudWatchClient.builder()
            .endpointOverride(cloudWatch.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create()).build();

    @AfterEach
    void stop() {
        autoScaling.close();
        cw.close();
        activities.close();
        cloudWatch.close();
    }

    private static Inventory inventory() {
        return new Inventory("123456789012", "us-east-1", AS_OF, List.of(), List.of(cluster("prod")
                .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 5, 20).subnets(SUBNET, OTHER)
                        .autoScalingGroup("eks-ng-1")).build()), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aNodeADayAtTenAddressesWithAHundredLeftIsTenDays() {
        for (int day = 30; day >= 1; day--) {
            activities.launch("eks-ng-1", AS_OF.minus(Duration.ofDays(day)).minusSeconds(3600), SUBNET);
            // the other subnet scales up and down every day: no trend there
            activities.launch("eks-ng-1", AS_OF.minus(Duration.ofDays(day)).plusSeconds(600), OTHER);
            activities.terminate("eks-ng-1", AS_OF.minus(Duration.ofDays(day)).plusSeconds(7200), OTHER);
        }
        Forecast forecast = Forecasts.forecast(
                Forecasts.subnet(SUBNET).available(100).nodesUntilExhaustion(10).build(),
                Forecasts.subnet(OTHER).available(400).nodesUntilExhaustion(40).build());

        Map<String, SubnetRunway> runway = new ReadRunway(new CloudWatchMetricHistory(cw, "EksIpForecast"),
                new AutoScalingScalingHistory(autoScaling)).read(inventory(), forecast, ReadRunway.DEFAULT_DAYS);

        SubnetRunway s = runway.get(SUBNET);
        assertThat(s.source()).isEqualTo(HistorySource.SCALING_ACTIVITIES);
        assertThat(s.historyDays()).isEqualTo(14);
        Runway.Declining d = (Runway.Declining) s.runway();
        assertThat(d.days()).isCloseTo(10, within(1e-9));
        assertThat(d.daysLow()).isLessThanOrEqualTo(10);
        assertThat(d.daysHigh()).isGreaterThanOrEqualTo(10);
        System.out.printf(Locale.ROOT, "scaling-activities source: 100 free, -10/day → runway %s%n", d.describe());
        assertThat(runway.get(OTHER).runway()).isInstanceOf(Runway.NoTrend.class);
        assertThat(cloudWatch.getMetricDataCalls()).hasSize(1);
        // one group: its activities newest first, stopping on the page that reaches past the window
        assertThat(activities.calls()).allSatisfy(c -> {
            assertThat(c).containsEntry("Action", "DescribeScalingActivities").containsEntry("MaxRecords", "100");
            assertThat(c).containsEntry("AutoScalingGroupName", "eks-ng-1");
        });
    }

    @Test
    void pagesAreFollowedUntilTheWindowAndOnlySuccessfulLaunchesAndTerminationsCount() {
        for (int i = 0; i < 250; i++)
            activities.launch("eks-ng-1", AS_OF.minus(Duration.ofHours(i + 1)), SUBNET);
        activities.add(new ScalingActivitiesStandIn.Seeded("eks-ng-1", AS_OF.minusSeconds(100), AS_OF.minusSeconds(50),
                "Failed", "Launching a new EC2 instance. Status Reason: InsufficientInstanceCapacity", "{}"));

        List<ScalingHistory.Activity> found = new AutoScalingScalingHistory(autoScaling)
                .activities(List.of("eks-ng-1"), AS_OF.minus(Duration.ofDays(5)));

        assertThat(found).hasSize(5 * 24);
        assertThat(found).allSatisfy(a -> {
            assertThat(a.delta()).isEqualTo(1);
            assertThat(a.subnetId()).isEqualTo(SUBNET);
        });
        assertThat(found).isSortedAccordingTo(java.util.Comparator.comparing(ScalingHistory.Activity::at));
        // 100 a page: the second page reaches past five days, the third is never asked for
        assertThat(activities.calls()).hasSize(2);
        assertThat(activities.calls().get(1)).containsEntry("NextToken", "page-100");
    }

    @Test
    void descriptionsAndDetailsAreReadAsAutoScalingWritesThem() {
        assertThat(AutoScalingScalingHistory.delta("Launching a new EC2 instance: i-0abc")).isEqualTo(1);
        assertThat(AutoScalingScalingHistory.delta("Terminating EC2 instance: i-0abc")).isEqualTo(-1);
        assertThat(AutoScalingScalingHistory.delta("Updating load balancers/target groups")).isZero();
        assertThat(AutoScalingScalingHistory.subnet("{\"Subnet ID\":\"subnet-0abc12\",\"Availability Zone\":\"eu-west-1a\"}"))
                .isEqualTo("subnet-0abc12");
        assertThat(AutoScalingScalingHistory.subnet("{}")).isEmpty();
    }
}
