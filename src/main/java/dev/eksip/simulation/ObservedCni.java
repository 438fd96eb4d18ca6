package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Observations win over declarations (vpc-cni-model.md, "Beyond the original: what the nodes show"): settings
 * changed with {@code kubectl set env daemonset aws-node} (the EKS user guide's own procedure for prefix delegation
 * and custom networking) are in no add-on configuration value, but the nodes show them. A node holding a /28 prefix
 * proves {@code ENABLE_PREFIX_DELEGATION} (ipamd assigns prefixes only then: {@code pkg/ipamd/ipamd.go}
 * {@code tryAssignPrefixes}, v1.23.1); a pod ENI (secondary, ipamd-managed, type {@code interface}) in a subnet
 * that is neither the node's nor a subnet-discovery candidate proves {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG}
 * (ipamd creates pod ENIs in the node's subnet or a discovered one otherwise: {@code tryAllocateENI}); a trunk ENI
 * proves {@code ENABLE_POD_ENI} (the VPC resource controller attaches one only to nodes labelled by ipamd under
 * that setting). Each disagreement is a sentence on the cluster, its source becomes {@link CniSource#OBSERVED}, and
 * the forecast uses what the nodes show. The custom-networking pod subnet of a zone, when not declared, is the
 * subnet holding most such pod ENIs there. Observation only ever switches a setting on: a node without prefixes
 * proves nothing (a type without prefix support falls back to secondary IPs).
 */
public final class ObservedCni {
    private ObservedCni() {
    }

    /** {@code inventory} with each cluster's settings as its nodes show them. */
    public static Inventory apply(Inventory inventory) {
        Map<String, Subnet> subnets = new HashMap<>();
        inventory.subnets().forEach(s -> subnets.put(s.subnetId(), s));
        List<Subnet> ordered = inventory.subnets().stream().sorted(Comparator.comparing(Subnet::subnetId)).toList();
        SubnetDiscovery discovery = new SubnetDiscovery(ordered);
        Map<String, List<Node>> byCluster = new HashMap<>();
        List<Node> run = null;          // nodes come grouped by cluster: one lookup per run
        String runCluster = null;
        for (Node n : inventory.nodes()) {
            if (!n.cluster().equals(runCluster)) {
                runCluster = n.cluster();
                run = byCluster.computeIfAbsent(runCluster, k -> new ArrayList<>());
            }
            run.add(n);
        }
        List<Cluster> clusters = new ArrayList<>();
        boolean changed = false;
        for (Cluster c : inventory.clusters()) {
            Cluster seen = observe(c, byCluster.getOrDefault(c.name(), List.of()), subnets, discovery);
            changed |= seen != c;
            clusters.add(seen);
        }
        if (!changed) return inventory;
        return new Inventory(inventory.accountId(), inventory.region(), inventory.capturedAt(), inventory.subnets(),
                clusters, inventory.nodes(), inventory.otherEnis(), inventory.instanceLimits(), inventory.gaps());
    }

    private static Cluster observe(Cluster c, List<Node> nodes, Map<String, Subnet> subnets,
                                   SubnetDiscovery discovery) {
        CniSettings cni = c.cni();
        List<String> notes = new ArrayList<>();
        String declared = c.cniSource().id();
        int total = nodes.size();

        // One pass over the nodes' ENIs: the nodes holding /28 prefixes and those with a trunk ENI (a count and the
        // first of each), and the pod ENIs outside their node's subnet and its discovery candidates, per zone.
        int withPrefixes = 0;
        int withTrunk = 0;
        Node firstWithPrefixes = null;
        Node firstWithTrunk = null;
        Map<String, Map<String, Integer>> podEnis = new TreeMap<>();
        int nodesWithPodEnis = 0;
        String example = "";
        for (Node n : nodes) {
            boolean prefixes = false;
            boolean trunk = false;
            boolean any = false;
            for (Eni e : n.enis()) {
                prefixes |= !e.prefixes().isEmpty();
                trunk |= e.interfaceType() == InterfaceType.TRUNK;
                if (podEniElsewhere(c, n, e, subnets, discovery)) {
                    podEnis.computeIfAbsent(n.availabilityZone(), z -> new TreeMap<>()).merge(e.subnetId(), 1,
                            Integer::sum);
                    any = true;
                }
            }
            if (prefixes && withPrefixes++ == 0) firstWithPrefixes = n;
            if (trunk && withTrunk++ == 0) firstWithTrunk = n;
            if (any && nodesWithPodEnis++ == 0) example = n.instanceId();
        }
        if (!cni.prefixDelegation() && !cni.ipv6() && withPrefixes > 0) {
            cni = cni.withPrefixDelegation(true);
            notes.add(note(declared, "ENABLE_PREFIX_DELEGATION", "%d of %d nodes hold /28 prefixes (e.g. %s)"
                    .formatted(withPrefixes, total, firstWithPrefixes.instanceId())));
        }

        Map<String, String> podSubnets = new TreeMap<>(c.podSubnets());
        boolean custom = cni.customNetworking();
        if (!podEnis.isEmpty()) {
            podEnis.forEach((zone, counts) -> podSubnets.putIfAbsent(zone, mostUsed(counts)));
            if (!custom) {
                TreeSet<String> where = new TreeSet<>();
                podEnis.values().forEach(m -> where.addAll(m.keySet()));
                notes.add(note(declared, "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG",
                        "%d of %d nodes have pod ENIs outside their subnet and its discovery candidates (e.g. %s, in %s)"
                                .formatted(nodesWithPodEnis, total, example, String.join(", ", where))));
                custom = true;
            }
        }
        if (custom != cni.customNetworking())
            cni = new CniSettings(cni.warmEniTarget(), cni.warmIpTarget(), cni.minimumIpTarget(),
                    cni.prefixDelegation(), cni.warmPrefixTarget(), cni.maxEni(), true, cni.podEni(),
                    cni.subnetDiscovery(), cni.ipv6(), cni.clusterName());

        if (!cni.podEni() && withTrunk > 0) {
            cni = new CniSettings(cni.warmEniTarget(), cni.warmIpTarget(), cni.minimumIpTarget(),
                    cni.prefixDelegation(), cni.warmPrefixTarget(), cni.maxEni(), cni.customNetworking(), true,
                    cni.subnetDiscovery(), cni.ipv6(), cni.clusterName());
            notes.add(note(declared, "ENABLE_POD_ENI", "%d of %d nodes have a trunk ENI (e.g. %s)"
                    .formatted(withTrunk, total, firstWithTrunk.instanceId())));
        }

        boolean podSubnetsGrew = custom && !podSubnets.equals(c.podSubnets());
        if (notes.isEmpty() && !podSubnetsGrew) return c;
        CniSource source = notes.isEmpty() ? c.cniSource() : CniSource.OBSERVED;
        List<String> observed = new ArrayList<>(c.cniObserved());
        observed.addAll(notes);
        return new Cluster(c.name(), c.vpcId(), c.ipFamily(), cni, source, custom ? podSubnets : c.podSubnets(),
                c.nodeGroups(), c.autoMode(), observed, c.subnetIds());
    }

    /**
     * A pod ENI of node {@code n} in a read subnet other than the node's, which is not one of its subnet discovery
     * candidates (the node's subnet read and its zone known): what only custom networking explains.
     */
    private static boolean podEniElsewhere(Cluster c, Node n, Eni e, Map<String, Subnet> subnets,
                                           SubnetDiscovery discovery) {
        if (!podEni(e) || e.subnetId().equals(n.subnetId()) || !subnets.containsKey(e.subnetId())) return false;
        Subnet nodeSubnet = subnets.get(n.subnetId());
        if (nodeSubnet == null || n.availabilityZone().isEmpty()) return false;
        // withPrefixDelegation (above) leaves subnet discovery as declared
        return !(c.cni().subnetDiscovery() && discovery.candidates(c, nodeSubnet).stream()
                .anyMatch(s -> s.subnetId().equals(e.subnetId())));
    }

    /** A secondary ENI ipamd manages for pods: not the primary, not trunk/branch/EFA, not {@code no_manage}. */
    private static boolean podEni(Eni e) {
        return e.deviceIndex() >= 1 && !e.noManage() && e.interfaceType() == InterfaceType.INTERFACE;
    }

    /** The subnet with most pod ENIs; ties go to the lowest id (the map is sorted). */
    private static String mostUsed(Map<String, Integer> counts) {
        String best = null;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static String note(String declared, String variable, String evidence) {
        return ("CNI settings disagree with what the nodes show: %s declares %s=false, but %s; forecast with "
                + "%s=true. A setting changed with kubectl set env on aws-node is in no add-on configuration "
                + "value: declare it (add-on configuration values, or CNI_SETTINGS).")
                .formatted(declared, variable, evidence, variable);
    }
}
