package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cluster as its Kubernetes API showed it (exact mode, README "Exact mode"). Only the parts in {@link #read}
 * are facts; the others could not be read (their gaps say why) and the forecast estimates them from AWS as without
 * exact mode.
 *
 * @param read             the parts read
 * @param nodes            every Node (empty unless {@link KubePart#NODES} was read; pod counts only with PODS)
 * @param awsNodeEnv       the {@code aws-node} container's literal env (empty unless AWS_NODE was read)
 * @param eniConfigSubnets ENIConfig name → {@code spec.subnet}
 * @param nodePools        Karpenter and Auto Mode pools
 */
public record KubeView(String cluster, Set<KubePart> read, List<KubeNode> nodes, Map<String, String> awsNodeEnv,
                       Map<String, String> eniConfigSubnets, List<KubeNodePool> nodePools) {
    /** A figure of the report that exact mode can make exact. */
    public enum Figure implements WireName {
        WARM_IPS("warmIps"), MAX_PODS("maxPods"), CNI("cni"), POD_SUBNETS("podSubnets"), NODE_POOLS("nodePools");

        private final String id;

        Figure(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    public KubeView {
        requireNonNull(cluster, "cluster");
        read = read.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(read));
        nodes = List.copyOf(nodes);
        awsNodeEnv = Map.copyOf(awsNodeEnv);
        eniConfigSubnets = Map.copyOf(eniConfigSubnets);
        nodePools = List.copyOf(nodePools);
    }

    /** Nothing was read (the API was unreachable or denied everything). */
    public static KubeView unread(String cluster) {
        return new KubeView(cluster, Set.of(), List.of(), Map.of(), Map.of(), List.of());
    }

    /** The figures this view makes exact, in {@link Figure} order. */
    public List<Figure> exact() {
        List<Figure> out = new ArrayList<>();
        if (read.contains(KubePart.NODES) && read.contains(KubePart.PODS)) out.add(Figure.WARM_IPS);
        if (read.contains(KubePart.NODES)) out.add(Figure.MAX_PODS);
        if (read.contains(KubePart.AWS_NODE)) out.add(Figure.CNI);
        if (read.contains(KubePart.ENI_CONFIGS)) out.add(Figure.POD_SUBNETS);
        if (read.contains(KubePart.NODE_POOLS)) out.add(Figure.NODE_POOLS);
        return out;
    }

    /** The figures that stay estimated from AWS, in {@link Figure} order. */
    public List<Figure> estimated() {
        List<Figure> exact = exact();
        return EnumSet.allOf(Figure.class).stream().filter(f -> !exact.contains(f)).toList();
    }
}
