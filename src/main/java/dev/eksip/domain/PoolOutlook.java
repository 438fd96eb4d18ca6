package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How far a Karpenter or EKS Auto Mode node pool can grow in its subnets. Without the pool's limits (AWS APIs alone)
 * its max is unbounded: the outlook then says how many more nodes of its observed instance types each candidate
 * subnet still holds.
 *
 * @param pool          the pool, named in its cluster
 * @param nodes         its running nodes
 * @param instanceTypes the types its nodes were seen with (new nodes are forecast with the costliest)
 * @param maxNodes      the most nodes its CPU limit allows (running ones included); -1 when unbounded
 * @param subnets       per candidate subnet (those its nodes were seen in, else its NodeClass's)
 */
public record PoolOutlook(NodeGroupRef pool, Provisioner provisioner, int nodes, List<String> instanceTypes,
                          int maxNodes, List<SubnetRoom> subnets) {
    public PoolOutlook {
        requireNonNull(pool, "pool");
        requireNonNull(provisioner, "provisioner");
        instanceTypes = List.copyOf(instanceTypes);
        subnets = List.copyOf(subnets);
    }

    /**
     * One candidate subnet of a pool.
     *
     * @param freeNow       the subnet's forecast value now (available addresses, or addresses in free /28 blocks)
     * @param nodeCost      what one new node of the pool (median holding) takes there, in the same unit
     * @param nodesThatFit  new nodes of the pool the subnet still holds ({@code freeNow / nodeCost}; -1 when no cost)
     */
    public record SubnetRoom(String subnetId, int freeNow, int nodeCost, int nodesThatFit) {
        public SubnetRoom {
            requireNonNull(subnetId, "subnetId");
        }
    }

    public boolean unbounded() {
        return maxNodes < 0;
    }
}
