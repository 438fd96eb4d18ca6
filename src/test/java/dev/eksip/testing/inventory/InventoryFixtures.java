package dev.eksip.testing.inventory;

/**
 * Where the inventory builders start, one per aggregate (import these statically): {@link #nodeGroup},
 * {@link #cluster}, {@link #cni}, {@link #eni}, {@link #limits}, and {@link #node} for {@link InventoryBuilder},
 * which builds a whole account with consistent addresses.
 */
public final class InventoryFixtures {
    private InventoryFixtures() {
    }

    public static NodeGroupBuilder nodeGroup(String name) {
        return new NodeGroupBuilder(name);
    }

    public static ClusterBuilder cluster(String name) {
        return new ClusterBuilder(name);
    }

    /** ipamd's default settings, to change step by step. */
    public static CniBuilder cni() {
        return new CniBuilder();
    }

    public static EniBuilder eni(String id) {
        return new EniBuilder(id);
    }

    public static InstanceLimitsBuilder limits(String instanceType) {
        return new InstanceLimitsBuilder(instanceType);
    }

    /** A node of a cluster, for {@link InventoryBuilder#node(NodeSpec)}. */
    public static NodeSpec node(String cluster) {
        return new NodeSpec(cluster);
    }
}
