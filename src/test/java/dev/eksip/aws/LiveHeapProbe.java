package dev.eksip.aws;

import dev.eksip.app.RunForecast;
import dev.eksip.app.report.ReportJson;
import dev.eksip.domain.Inventory;
import dev.eksip.testing.HeapFigures;
import dev.eksip.testing.aws.GeneratedEc2;
import dev.eksip.testing.aws.SdkFakes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@code SnapshotHeapIT} (with the function's heap): a live audit of {@code args[0]} subnets ×
 * {@code args[1]} nodes through {@link AwsInventorySource} at the default read bound, with EC2 the page-generating
 * {@link GeneratedEc2} (EKS and Auto Scaling the SDK fakes), forecast and rendered as the JSON report; prints
 * {@code nodes=N enis=N} and the {@link HeapFigures} with the inventory and report still held.
 */
public final class LiveHeapProbe {
    private LiveHeapProbe() {
    }

    public static void main(String[] args) {
        GeneratedEc2 ec2 = new GeneratedEc2(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        SdkFakes.Eks eks = new SdkFakes.Eks();
        ec2.seedEks(eks);
        Instant asOf = Instant.parse("2026-12-01T00:00:00Z");
        long start = System.nanoTime();
        Inventory inventory = new AwsInventorySource(ec2, eks, new SdkFakes.AutoScaling(), "us-east-1", Map.of(),
                Clock.fixed(asOf, ZoneOffset.UTC), m -> { }).load(List.of());
        double readSeconds = (System.nanoTime() - start) / 1e9;
        String report = ReportJson.render(RunForecast.forecast(inventory, asOf), "live");
        double seconds = (System.nanoTime() - start) / 1e9;
        long enis = inventory.nodes().stream().mapToLong(n -> n.enis().size()).sum();
        HeapFigures figures = HeapFigures.now();
        System.out.printf("nodes=%d enis=%d %s reportBytes=%d readSeconds=%.1f seconds=%.1f%n",
                inventory.nodes().size(), enis, figures, report.length(), readSeconds, seconds);
    }
}
