package dev.eksip.bench;

import dev.eksip.app.RunForecast;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.time.Instant;
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
 * account built by {@link SyntheticAccount}: one cluster per 1,000 nodes, 10 node groups each, 9 subnets per
 * cluster from /16 to /24 over 3 zones, ENI addresses handed out with gaps, a third of the clusters in prefix
 * delegation. {@link #bareWalk} visits the same parsed objects (every subnet, group, node, ENI and address string)
 * without modelling anything: the ratio of the two, in the same run, is what the forecast costs over reading its
 * input once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuditBenchmark {
    @Param({"1000", "10000", "100000"})
    public int nodes;

    private Inventory inventory;

    @Setup
    public void buildAccount() {
        inventory = SyntheticAccount.build(nodes, 7L);
    }

    @Benchmark
    public Forecast forecastAccount() {
        return RunForecast.forecast(inventory, Instant.EPOCH);
    }

    /** The baseline: one pass over every parsed object the forecast reads, touching each string. */
    @Benchmark
    public long bareWalk() {
        long sum = 0;
        for (Subnet s : inventory.subnets()) sum += s.cidr().length() + s.availableIps();
        for (Cluster c : inventory.clusters())
            for (NodeGroup g : c.nodeGroups()) sum += g.desiredSize() + g.subnetIds().size();
        for (Node n : inventory.nodes()) {
            sum += n.cluster().length() + n.nodeGroup().length() + n.subnetId().length();
            for (Eni e : n.enis()) {
                sum += e.subnetId().length() + e.primaryIp().length() + e.deviceIndex();
                for (String ip : e.secondaryIps()) sum += ip.length();
                for (String p : e.prefixes()) sum += p.length();
            }
        }
        return sum;
    }
}
