package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;

import java.util.ArrayList;
import java.util.List;

/**
 * What ipamd converges to on one node on scale-up (vpc-cni-model.md §4–§6).
 *
 * <p>Rather than closed-form formulas, this replays ipamd's own control loop: pods arrive one at a time and,
 * between two pods, the pool decision of §2 runs until the pool is no longer "too low" (§4), each round making at
 * most one allocation the way {@code increaseDatastorePool} does (§5). The §6 formulas are asserted against it in
 * the tests. Deterministic choices where ipamd iterates Go maps: ENIs are filled in attach order (growth depends
 * only on counts, §5) and a pod takes an address in the prefix with the most free addresses, i.e. pods spread over
 * prefixes as random placement does (§5 "pods spread"), which keeps {@code freePrefixes} at its lower bound and so
 * gives the upper bound of §6(d) for {@code WARM_PREFIX_TARGET ≥ 2}.
 */
public final class NodeModel {
    /** §8: the aws-node and kube-proxy host-network pods count against max pods but take no pod IP. */
    public static final int HOST_NETWORK_PODS = 2;
    private static final int PREFIX = EniHolding.PREFIX_SIZE;

    private NodeModel() {
    }

    /**
     * @param limits     the instance type's limits
     * @param cni        the CNI settings
     * @param maxPods    kubelet max pods (every pod counts against it, host-network and branch pods too)
     * @param pods       IP-consuming pods wanted on the node (not hostNetwork, not security-group branch pods)
     * @param branchPods security-group pods wanted (one branch ENI each, §6(g))
     */
    public static NodeAllocation converge(InstanceLimits limits, CniSettings cni, int maxPods, int pods,
                                          int branchPods) {
        if (pods < 0 || branchPods < 0 || maxPods < 0)
            throw new IllegalArgumentException("pods, branchPods and maxPods must be >= 0");
        Pool pool = new Pool(limits, cni, maxPods);

        // §8: kubelet admits at most maxPods pods in all; host-network daemon pods first, then branch pods.
        int podRoom = Math.max(0, maxPods - HOST_NETWORK_PODS);
        // §6(g): branch ENIs exist only on a trunk, at most BranchInterface per instance; branch pods count
        // against kubelet max pods too (BPG sgpp.adoc), so no more branch ENIs than max pods leaves room for.
        int branchEnis = pool.trunk ? Math.min(Math.min(branchPods, limits.branchInterfaces()), podRoom) : 0;
        int room = podRoom - branchEnis;
        int schedulable = Math.min(pods, room);
        int unschedulable = (pods - schedulable) + (branchPods - branchEnis);

        if (cni.ipv6()) {
            // §6(h): no IPv4 warm pool; every pod takes an address from the primary ENI's IPv6 /80.
            return pool.result(limits, cni, maxPods, pods, branchPods, branchEnis, schedulable, 0, unschedulable);
        }

        int waiting = 0;
        pool.reconcile();
        for (int i = 0; i < schedulable; i++) {
            if (pool.settled()) {
                // The pool can never change again: the remaining pods take what is left, the others wait. This
                // keeps the loop within the node's capacity whatever max pods says (2e9 would loop 2e9 times).
                waiting += schedulable - i;
                waiting -= pool.assign(waiting);
                break;
            }
            waiting++;                      // §2: the pod ADD path never allocates; the pod waits for the loop
            waiting -= pool.assign(waiting);
            pool.reconcile();               // §2: one pool decision per loop until the pool is not too low
            waiting -= pool.assign(waiting);
        }
        return pool.result(limits, cni, maxPods, pods, branchPods, branchEnis, schedulable - waiting, waiting,
                unschedulable);
    }

    /** The ipamd datastore of network card 0, counts only (§3). */
    private static final class Pool {
        private final CniSettings cni;
        private final boolean prefixMode;
        private final int slots;          // M (secondary IPs per ENI) or P (prefixes per ENI): L − 1 (§1)
        private final int maxPods;
        private final int podEniSlots;    // ENIs that may hold pod addresses, primary included unless custom networking
        private final boolean trunk;
        private final int[] cidrs;        // per pod-capable ENI, in attach order: secondary IPs or prefixes
        private int enis;                 // pod-capable ENIs in use (index 0 = primary ENI)
        private int totalCidrs;
        private int assigned;             // pod addresses in use (§3 AssignedIPs)

        Pool(InstanceLimits limits, CniSettings cni, int maxPods) {
            this.cni = cni;
            // §1: prefix delegation only on Nitro / bare metal; otherwise silently secondary-IP mode.
            this.prefixMode = cni.prefixDelegation() && limits.prefixDelegationSupported();
            this.slots = limits.slotsPerEni();
            this.maxPods = maxPods;
            // §1 / §6(f): E = min(MAX_ENI, E_type) when MAX_ENI >= 1; it counts the primary and the trunk ENI.
            int e = cni.maxEni() >= 1 ? Math.min(cni.maxEni(), limits.maxEnis()) : limits.maxEnis();
            // §6(g): ipamd asks for a trunk only if a slot is free beyond the primary; hasRoomForEni reserves it.
            this.trunk = cni.podEni() && limits.trunkingCompatible() && e >= 2;
            int usable = e - (trunk ? 1 : 0);
            // §6(e): with custom networking the primary ENI holds no pod addresses (GetAllocatableENIs skipPrimary).
            this.podEniSlots = cni.ipv6() ? 1 : usable;
            this.cidrs = new int[Math.max(1, usable)];
            this.enis = 1;
        }

        private int unit() {
            return prefixMode ? PREFIX : 1;
        }

        /** §3 TotalIPs: 1 per secondary /32, 16 per prefix. */
        int totalIps() {
            return totalCidrs * unit();
        }

        /** §3 available = TotalIPs − AssignedIPs. */
        int available() {
            return totalIps() - assigned;
        }

        /** Prefixes with no assigned address: pods spread, so each new pod opened an empty prefix first. */
        int freePrefixes() {
            return Math.max(0, totalCidrs - assigned);
        }

        int assign(int waiting) {
            int n = Math.min(waiting, available());
            assigned += n;
            return n;
        }

        /** §4.2 datastoreTargetState: addresses short of WARM_IP_TARGET / MINIMUM_IP_TARGET. */
        int shortIps() {
            int s = Math.max(cni.warmIpTarget() - available(), 0);
            return Math.max(s, cni.minimumIpTarget() - totalIps());
        }

        /** §4 isDatastorePoolTooLow, in its order. */
        boolean tooLow() {
            if (totalIps() >= maxPods) return false;                       // §4.1 max-pods cap (v1.16.3+)
            if (cni.warmIpMode()) return shortIps() > 0;                   // §4.2 warm-IP mode
            int warm = prefixMode ? cni.warmPrefixTarget() : cni.warmEniTarget();   // §4.3; PD ignores N
            int unit = prefixMode ? PREFIX : slots;
            // warm == 0 (WARM_ENI_TARGET=0 / WARM_PREFIX_TARGET=0): grow only when the pool is empty. The ENI that
            // ipamd then frees and re-creates in a loop (§6(b) known churn) is kept: a forecaster assumes it present.
            return available() < unit * warm || (warm == 0 && available() == 0);
        }

        /**
         * §5 getPrefixesNeeded / the secondary-IP batch: how many CIDRs one allocation asks for. Never trimmed to
         * max pods: the §4.1 cap only stops the next decision, so the last batch can overshoot (§6(c)).
         */
        int batch() {
            if (prefixMode) {
                if (cni.warmIpMode()) return Math.max(1, ceilDiv(shortIps(), PREFIX));
                return Math.max(1, cni.warmPrefixTarget() - freePrefixes());
            }
            return cni.warmIpMode() ? shortIps() : slots;                   // warm-ENI mode fills the ENI (§5.1)
        }

        /** §5 increaseDatastorePool: at most one successful allocation; false when nothing could be added. */
        boolean increase() {
            int want = batch();
            if (want <= 0) return false;
            int first = cni.customNetworking() ? 1 : 0;                      // §5.1 skip primary with custom networking
            for (int i = first; i < enis; i++) {                            // §5.1 fill existing ENIs first
                if (cidrs[i] < slots) {
                    int n = Math.min(slots - cidrs[i], want);
                    cidrs[i] += n;
                    totalCidrs += n;
                    return true;
                }
            }
            if (enis >= podEniSlots) return false;                          // §5.3 hasRoomForEni
            int n = Math.min(want, slots);                                  // §5.2 GetENIResourcesToAllocate
            cidrs[enis++] = n;
            totalCidrs += n;
            return true;
        }

        /**
         * Whether no decision can ever add to the pool: the §4.1 cap is reached (TotalIPs never shrinks) or every
         * pod-capable ENI is full with no room for another.
         */
        boolean settled() {
            if (totalIps() >= maxPods) return true;
            int first = cni.customNetworking() ? 1 : 0;
            for (int i = first; i < enis; i++) if (cidrs[i] < slots) return false;
            return enis >= podEniSlots;
        }

        void reconcile() {
            // Each round adds at least one CIDR and the ENIs are bounded, so this terminates.
            while (tooLow() && increase()) {
                // one pool decision per ipamd loop (§2)
            }
        }

        NodeAllocation result(InstanceLimits limits, CniSettings cni, int maxPods, int pods, int branchPods,
                              int branchEnis, int withIp, int withoutIp, int unschedulable) {
            List<EniHolding> out = new ArrayList<>(enis + (trunk ? 1 : 0) + branchEnis);
            for (int i = 0; i < enis; i++) {
                EniRole role = i == 0 ? EniRole.PRIMARY : EniRole.POD;
                out.add(prefixMode ? new EniHolding(role, 0, cidrs[i]) : new EniHolding(role, cidrs[i], 0));
            }
            // §6(g): 1 IP, never pod IPs; the VPC resource controller creates it only for types its limits table
            // lists as trunking compatible (BranchInterface > 0); ipamd reserves the slot for unlisted types too
            // (awsutils IsTrunkingCompatible: true when missing), see "Beyond the original: smaller model corrections"
            if (trunk && limits.branchInterfaces() > 0) out.add(new EniHolding(EniRole.TRUNK, 0, 0));
            for (int i = 0; i < branchEnis; i++) out.add(new EniHolding(EniRole.BRANCH, 0, 0));
            return new NodeAllocation(limits.instanceType(), prefixMode && !cni.ipv6(), cni.ipv6(),
                    cni.customNetworking(), maxPods, pods, branchPods, out, withIp, withoutIp, unschedulable);
        }
    }

    private static int ceilDiv(int a, int b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
