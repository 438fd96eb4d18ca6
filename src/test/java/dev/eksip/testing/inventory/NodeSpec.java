package dev.eksip.testing.inventory;

/**
 * A node for {@link InventoryBuilder#node}, in named steps: {@code node("c1").inGroup("ng").type("m5.large")
 * .subnet("subnet-a").secondaryIpsPerEni(9, 9)}. ENI i holds the i-th count of secondary IPs (or, with
 * {@link #prefixesPerEni}, /28 prefixes); ENI 0 is the primary in {@link #subnet}, the others go to
 * {@link #podSubnet} (custom networking, subnet discovery) or, without one, to the node's subnet too.
 * The builder hands out the addresses.
 */
public final class NodeSpec {
    final String cluster;
    String group = "";
    String type;
    String subnet;
    String podSubnet;
    boolean prefixes;
    int[] perEni = {};

    NodeSpec(String cluster) {
        this.cluster = cluster;
    }

    /** The node group it belongs to (none when not said). */
    public NodeSpec inGroup(String nodeGroup) {
        group = nodeGroup;
        return this;
    }

    public NodeSpec type(String instanceType) {
        type = instanceType;
        return this;
    }

    /** The subnet of its primary ENI. */
    public NodeSpec subnet(String subnetId) {
        subnet = subnetId;
        return this;
    }

    /** Where its secondary ENIs sit. */
    public NodeSpec podSubnet(String subnetId) {
        podSubnet = subnetId;
        return this;
    }

    /** One ENI per count, holding that many secondary IPs. */
    public NodeSpec secondaryIpsPerEni(int... counts) {
        prefixes = false;
        perEni = counts.clone();
        return this;
    }

    /** Prefix delegation: one ENI per count, holding that many /28 prefixes. */
    public NodeSpec prefixesPerEni(int... counts) {
        prefixes = true;
        perEni = counts.clone();
        return this;
    }
}
