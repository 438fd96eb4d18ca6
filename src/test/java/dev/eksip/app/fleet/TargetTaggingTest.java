package dev.eksip.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class TargetTaggingTest {
    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void everyDatumGainsAccountAndRegionAndAccountLevelOnesAlsoFeedTheOrganizationSeries() {
        AuditTarget target = new AuditTarget("111122223333", "eu-west-1");
        MetricPoint subnet = new MetricPoint("AvailableIps", "Count", 12, List.of(new Dimension("SubnetId", "subnet-1"),
                new Dimension("VpcId", "vpc-1")), AT);
        MetricPoint account = new MetricPoint("SubnetsAtRisk", "Count", 2, List.of(), AT);

        List<MetricPoint> tagged = TargetTagging.points(target, List.of(subnet, account));

        assertThat(tagged).containsExactly(
                new MetricPoint("AvailableIps", "Count", 12, List.of(new Dimension("AccountId", "111122223333"),
                        new Dimension("Region", "eu-west-1"), new Dimension("SubnetId", "subnet-1"),
                        new Dimension("VpcId", "vpc-1")), AT),
                new MetricPoint("SubnetsAtRisk", "Count", 2, List.of(new Dimension("AccountId", "111122223333"),
                        new Dimension("Region", "eu-west-1")), AT),
                account);
    }
}
