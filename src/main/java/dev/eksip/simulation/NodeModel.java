package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;

/**
 * What ipamd converges to on one node on scale-up (vpc-cni-model.md §4–§6). STUB: being implemented.
 */
public final class NodeModel {
    private NodeModel() {
    }

    /**
     * @param limits     the instance type's limits
     * @param cni        the CNI settings
     * @param maxPods    kubelet max pods
     * @param pods       IP-consuming pods (not hostNetwork, not security-group branch pods)
     * @param branchPods security-group pods (one branch ENI each; count against max pods)
     */
    public static NodeAllocation converge(InstanceLimits limits, CniSettings cni, int maxPods, int pods,
                                          int branchPods) {
        throw new UnsupportedOperationException("NodeModel.converge is not implemented yet");
    }
}
