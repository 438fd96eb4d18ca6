package dev.eksip.bench;

import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.CniSource;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import dev.eksip.app.RunForecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole audit forecast ({@link RunForecast#forecast}: the simulation's figures, then their assessment) of an
 * account: 10 clusters x 10 node groups, 10,000 nodes with observed ENIs (secondary IPs, or prefixes in the
 * prefix-delegation clusters), 3 zones, one /19 per cluster and zone; every group grows to desired (+10%) and max
 * (+50%).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuditBenchmark {
    private static final List<String> TYPES = List.of("m5.large", "m5.xlarge", "c5.2xlarge", "r5.2xlarge",
            "m6i.4xlarge");
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

    @Param("10000")
    public int nodes;

    private Inventory inventory;

    @Setup
    public void buildAccount() {
        SplittableRandom random = new SplittableRandom(7L);
        List<Subnet> subnets = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        List<Node> nodeList = new ArrayList<>();
        int perGroup = nodes / 100;
        int eni = 0;
        for (int c = 0; c < 10; c++) {
            boolean pd = c % 3 == 2;
            CniSettings cni = CniSettings.DEFAULTS.withPrefixDelegation(pd);
            List<String> ids = new ArrayList<>();
            for (int z = 0; z < 3; z++) {
                String id = "subnet-%02d%d".formatted(c, z);
                ids.add(id);
                subnets.add(new Subnet(id, "vpc-1", ZONES[z], "10.%d.%d.0/19".formatted(c, z * 32), 8187 - 4 * perGroup * 10 / 3,
                        Map.of(), List.of()));
            }
            List<NodeGroup> groups = new ArrayList<>();
            for (int g = 0; g < 10; g++) {
                String type = TYPES.get(random.nextInt(TYPES.size()));
                String name = "ng-" + g;
                groups.add(new NodeGroup(name, true, false, List.of(type), 0, perGroup + perGroup / 10,
                        perGroup + perGroup / 2, ids, "", 0));
                for (int n = 0; n < perGroup; n++) {
                    int z = n % 3;
                    String instance = "i-%06d".formatted(nodeList.size());
                    List<Eni> enis = new ArrayList<>();
                    int count = 1 + random.nextInt(3);
                    for (int k = 0; k < count; k++) {
                        List<String> ips = new ArrayList<>();
                        List<String> prefixes = new ArrayList<>();
                        if (pd && k == 0) for (int p = 0; p < 1 + random.nextInt(6); p++) prefixes.add("10.%d.%d.%d/28".formatted(c, z * 32 + 16, p * 16));
                        if (!pd) for (int p = 0; p < 9; p++) ips.add("10.%d.%d.%d".formatted(c, z * 32 + 1, p));
                        enis.add(new Eni("eni-" + eni++, ids.get(z), instance, InterfaceType.INTERFACE, k, "10.%d.%d.%d".formatted(c, z * 32 + 2, k),
                                ips, prefixes, false));
                        if (pd) break;
                    }
                    nodeList.add(new Node(instance, "c" + c, name, type, ids.get(z), ZONES[z], enis));
                }
            }
            clusters.add(new Cluster("c" + c, "vpc-1", IpFamily.IPV4, cni, CniSource.ADDON, Map.of(), groups));
        }
        inventory = new Inventory("123456789012", "us-east-1", Instant.EPOCH, subnets, clusters, nodeList, List.of(),
                List.of(), List.of());
    }

    @Benchmark
    public Forecast forecastAccount() {
        return RunForecast.forecast(inventory, Instant.EPOCH);
    }
}
