package dev.eksip.bench;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.simulation.InstanceCatalog;
import dev.eksip.simulation.MaxPods;
import dev.eksip.simulation.NodeModel;

import java.util.List;
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
 * Forecasts a fleet of nodes of mixed instance types, CNI configurations and pod counts: one
 * {@link NodeModel#converge} per node, summing the subnet addresses. Goal (issue 2): under 10 ms per 10,000-node
 * fleet on one core. Run: {@code ./mvnw -Pbench -DskipTests package && java -jar target/benchmarks.jar -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FleetForecastBenchmark {
    private static final List<String> TYPES = List.of("t3.medium", "t3.large", "m4.large", "m5.large", "m5.xlarge",
            "m5.2xlarge", "m5.4xlarge", "m5.24xlarge", "c5.large", "c5.4xlarge", "r5.2xlarge", "m6i.8xlarge",
            "c6g.2xlarge", "p3dn.24xlarge");
    /** default, WARM_ENI_TARGET=0, WARM_ENI_TARGET=2, WARM_IP_TARGET+MINIMUM_IP_TARGET, PD, custom networking, SGP. */
    private static final List<CniSettings> CONFIGS = List.of(
            CniSettings.DEFAULTS,
            new CniSettings(0, 0, 0, false, 1, 0, false, false, true, false),
            new CniSettings(2, 0, 0, false, 1, 0, false, false, true, false),
            new CniSettings(1, 5, 10, false, 1, 0, false, false, true, false),
            CniSettings.DEFAULTS.withPrefixDelegation(true),
            new CniSettings(1, 0, 0, false, 1, 0, true, false, false, false),
            new CniSettings(1, 0, 0, false, 1, 0, false, true, true, false));
    private static final int SGP = CONFIGS.size() - 1;

    @Param("10000")
    public int nodes;

    private InstanceLimits[] limits;
    private CniSettings[] cni;
    private int[] maxPods;
    private int[] pods;
    private int[] branchPods;

    @Setup
    public void buildFleet() {
        SplittableRandom random = new SplittableRandom(20261125L);
        limits = new InstanceLimits[nodes];
        cni = new CniSettings[nodes];
        maxPods = new int[nodes];
        pods = new int[nodes];
        branchPods = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            InstanceLimits l = InstanceCatalog.embedded().require(TYPES.get(random.nextInt(TYPES.size())));
            int config = random.nextInt(CONFIGS.size());
            CniSettings c = CONFIGS.get(config);
            int max = MaxPods.compute(l, new MaxPods.Options(c.prefixDelegation(), c.customNetworking(), c.maxEni(),
                    true));
            limits[i] = l;
            cni[i] = c;
            maxPods[i] = max;
            pods[i] = random.nextInt(max + 1);             // 0 .. max pods: idle to full nodes
            branchPods[i] = config == SGP ? random.nextInt(6) : 0;
        }
    }

    /**
     * Baseline in the same run: the same loop over the same fleet arrays with no simulation (one multiply-add per
     * node), so the report can give the model's cost as a ratio to touching the fleet at all.
     */
    @Benchmark
    public long baselineFleetWalk() {
        long sum = 0;
        for (int i = 0; i < nodes; i++) sum += (long) limits[i].slotsPerEni() * pods[i] + maxPods[i] + branchPods[i];
        return sum;
    }

    /** Subnet addresses the whole fleet takes (§6(i)), summed so the work cannot be eliminated. */
    @Benchmark
    public long forecastFleet() {
        long subnetIps = 0;
        for (int i = 0; i < nodes; i++)
            subnetIps += NodeModel.converge(limits[i], cni[i], maxPods[i], pods[i], branchPods[i]).subnetIps();
        return subnetIps;
    }
}
