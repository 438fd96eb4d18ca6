package dev.eksip.simulation;

import dev.eksip.domain.InstanceLimits;

/**
 * Kubelet max pods for an instance type (vpc-cni-model.md §8).
 */
public final class MaxPods {
    /** §8 managed node groups: 110 up to 30 vCPUs, 250 above. */
    public static final int MANAGED_CAP_SMALL = 110;
    public static final int MANAGED_CAP_LARGE = 250;
    public static final int MANAGED_CAP_VCPU_THRESHOLD = 30;
    /** §8: the +2 is for the host-network aws-node and kube-proxy pods. */
    private static final int HOST_NETWORK_PODS = 2;

    private MaxPods() {
    }

    /**
     * How max pods is computed.
     *
     * @param prefixDelegation use the prefix formula (only where the type supports prefixes, §1 fallback)
     * @param customNetworking one ENI fewer: the primary ENI holds no pod IPs (§8 calculator)
     * @param maxEni           {@code MAX_ENI} / {@code --cni-max-eni}; below 1 = not set
     * @param managedCap       apply the managed-node-group cap (110 up to 30 vCPUs, else 250)
     */
    public record Options(boolean prefixDelegation, boolean customNetworking, int maxEni, boolean managedCap) {
        public static final Options STANDARD = new Options(false, false, 0, false);
    }

    /** §8 standard formula {@code E_type × (L − 1) + 2}: what {@code eni-max-pods.txt} lists. */
    public static int standard(InstanceLimits limits) {
        return compute(limits, Options.STANDARD);
    }

    /**
     * §8 {@code max-pods-calculator.sh}: {@code enis = min(MAX_ENI, E_type)}, minus one with custom networking;
     * prefix delegation (Nitro) {@code enis × (L − 1) × 16 + 2}, else {@code enis × (L − 1) + 2}; then the
     * managed-node-group cap when asked for. Nitro means the hypervisor {@code nitro}: the calculator takes the
     * prefix formula only when {@code IS_NITRO && CNI_PREFIX_DELEGATION_ENABLED && PREFIX_DELEGATION_SUPPORTED}
     * (amazon-eks-ami {@code templates/al2/runtime/max-pods-calculator.sh} at 0ab8428, lines 121–143), and a
     * bare-metal type reports no hypervisor, so it gets the secondary-IP formula although ipamd assigns it prefixes
     * (vpc-cni-model.md, "Beyond the original: smaller model corrections").
     */
    public static int compute(InstanceLimits limits, Options options) {
        int enis = options.maxEni() >= 1 ? Math.min(options.maxEni(), limits.maxEnis()) : limits.maxEnis();
        if (options.customNetworking()) enis -= 1;
        int perEni = limits.slotsPerEni();
        if (options.prefixDelegation() && limits.prefixDelegationSupported() && limits.nitro()) perEni *= 16;
        int pods = Math.max(0, enis) * perEni + HOST_NETWORK_PODS;
        return options.managedCap() ? Math.min(pods, managedCap(limits)) : pods;
    }

    /** §8: the managed-node-group cap for this type's vCPUs (unknown vCPUs count as small). */
    public static int managedCap(InstanceLimits limits) {
        return limits.vcpus() > MANAGED_CAP_VCPU_THRESHOLD ? MANAGED_CAP_LARGE : MANAGED_CAP_SMALL;
    }
}
