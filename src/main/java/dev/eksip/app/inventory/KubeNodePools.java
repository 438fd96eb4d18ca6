package dev.eksip.app.inventory;

import dev.eksip.domain.KubeNodePool;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.NodePoolLimits;
import dev.eksip.domain.Provisioner;
import dev.eksip.domain.Subnet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact mode's completion of a Karpenter / Auto Mode node pool group (built from instance tags, {@link NodePools}):
 * its NodePool's {@code spec.limits} (karpenter.sh/v1 NodePool; CPU and memory as Kubernetes quantities, which
 * bound its growth: {@link NodePoolLimits#maxNodes}) and its node class's subnets (EC2NodeClass
 * {@code spec.subnetSelectorTerms}: Karpenter launches only there, aws/karpenter-provider-aws
 * {@code pkg/providers/subnet/subnet.go} {@code List}), selected among the subnets read: {@code id=subnet-…} by id,
 * {@code tag:KEY=VALUE} by tag in the cluster's VPC ({@code VALUE} {@code *}: any value). A node class that selects
 * none of the subnets read leaves the observed ones. For an EKS Auto Mode pool also its NodeClass's networking: the
 * pod subnet per zone ({@code podSubnetSelectorTerms}) and secondary-IP mode ({@code advancedNetworking.ipv4PrefixSize:
 * "32"}); AWS EKS user guide, "Create a Node Class for Amazon EKS".
 */
final class KubeNodePools {
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z]*)");
    private static final long MIB = 1024L * 1024;

    private KubeNodePools() {
    }

    static List<NodeGroup> apply(List<NodeGroup> groups, List<KubeNodePool> pools, Map<String, Subnet> subnets,
                                 String vpcId) {
        List<NodeGroup> out = new ArrayList<>(groups.size());
        for (NodeGroup g : groups) {
            KubeNodePool pool = g.isNodePool() ? pools.stream().filter(p -> p.name().equals(g.name())).findFirst()
                    .orElse(null) : null;
            if (pool == null) {
                out.add(g);
                continue;
            }
            List<String> selected = select(pool.subnetSelectors(), subnets, vpcId);
            NodePool known = g.nodePool().withLimits(limits(pool.limits()));
            if (known.provisioner() == Provisioner.AUTO_MODE)   // the NodeClass's networking (AWS: create-node-class)
                known = new NodePool(known.provisioner(), known.nodeClass(), known.limits(), pool.secondaryIpMode(),
                        podSubnets(select(pool.podSubnetSelectors(), subnets, vpcId), subnets));
            out.add(new NodeGroup(g.name(), g.managed(), g.customAmi(), g.instanceTypes(), g.minSize(),
                    g.desiredSize(), g.maxSize(), selected.isEmpty() ? g.subnetIds() : selected,
                    g.autoScalingGroup(), g.maxPods(), known, g.maxUnavailable(), g.maxUnavailablePercentage()));
        }
        return out;
    }

    /** Zone → the first selected subnet in it: where Auto Mode puts the pods of a node in that zone. */
    static Map<String, String> podSubnets(List<String> selected, Map<String, Subnet> subnets) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String id : selected) out.putIfAbsent(subnets.get(id).availabilityZone(), id);
        return out;
    }

    static List<String> select(List<String> selectors, Map<String, Subnet> subnets, String vpcId) {
        Set<String> out = new LinkedHashSet<>();
        for (String selector : selectors) {
            if (selector.startsWith("id=")) {
                String id = selector.substring(3);
                if (subnets.containsKey(id)) out.add(id);
            } else if (selector.startsWith("tag:") && selector.contains("=")) {
                String key = selector.substring(4, selector.indexOf('='));
                String value = selector.substring(selector.indexOf('=') + 1);
                subnets.values().stream().filter(s -> s.vpcId().equals(vpcId))
                        .filter(s -> s.tags().containsKey(key) && (value.equals("*") || value.equals(s.tags().get(key))))
                        .map(Subnet::subnetId).sorted().forEach(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** {@code spec.limits} as {@link NodePoolLimits}: CPU in millicores, memory in MiB (rounded down); absent = -1. */
    static NodePoolLimits limits(Map<String, String> limits) {
        long cpu = limits.containsKey("cpu") ? millicores(limits.get("cpu")) : -1;
        long memory = limits.containsKey("memory") ? bytes(limits.get("memory")) / MIB : -1;
        return new NodePoolLimits(cpu, memory);
    }

    /** A CPU quantity ({@code 16}, {@code 1500m}, {@code 0.5}) in millicores; unreadable = -1 (not limited). */
    static long millicores(String quantity) {
        Matcher m = QUANTITY.matcher(quantity.trim());
        if (!m.matches()) return -1;
        BigDecimal n = new BigDecimal(m.group(1));
        return switch (m.group(2)) {
            case "" -> n.movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact();
            case "m" -> n.setScale(0, RoundingMode.DOWN).longValueExact();
            default -> -1;
        };
    }

    /** A memory quantity (Kubernetes suffixes: Ki Mi Gi Ti Pi, k M G T P, none) in bytes; unreadable = -1 MiB. */
    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity.trim());
        if (!m.matches()) return -MIB;
        long unit = switch (m.group(2)) {
            case "" -> 1;
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "Pi" -> 1L << 50;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            case "P" -> 1_000_000_000_000_000L;
            default -> -1;
        };
        if (unit < 0) return -MIB;
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }
}
