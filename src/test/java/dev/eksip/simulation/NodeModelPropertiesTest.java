package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


/** Invariants of the node model over random instance types, CNI settings and pod counts. */
class NodeModelPropertiesTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.embedded();
    private static final List<String> TYPES = CATALOG.types();

    /**
     * Seeded random cases (fixed seed: reproducible; a failure names its case): every instance type of the
     * table is drawn, CNI targets include 0 half of the time, max pods from small kubelet values to 737.
     */
    static List<Arguments> cases() {
        Random random = new Random(20261125L);
        int[] maxPods = {11, 29, 58, 110, 250, 737};
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            InstanceLimits type = CATALOG.require(TYPES.get(random.nextInt(TYPES.size())));
            // the steps draw in the record's component order, as the seeded cases always have
            CniSettings cni = cni().warmEniTarget(random.nextInt(4)).warmIpTarget(target(random))
                    .minimumIpTarget(target(random)).prefixDelegation(random.nextBoolean())
                    .warmPrefixTarget(random.nextInt(4)).maxEni(random.nextInt(7))
                    .customNetworking(random.nextBoolean()).podEni(random.nextBoolean()).build();
            out.add(Arguments.of(type, cni, maxPods[random.nextInt(maxPods.length)], random.nextInt(301),
                    random.nextInt(21)));
        }
        return out;
    }

    private static int target(Random random) {
        return random.nextBoolean() ? 0 : random.nextInt(41);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void subnetAddressesAreEniPrimariesPlusSecondaryIpsPlusSixteenPerPrefix(InstanceLimits type, CniSettings cni, int maxPods, int pods, int branch) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, branch);

        int expected = a.attachedEnis() + a.branchEnis() + a.secondaryIps() + 16 * a.prefixes();
        assertThat(a.subnetIps()).isEqualTo(expected);
        assertThat(a.podsWithIp() + a.podsWithoutIp() + a.podsUnschedulable()
                   - (branch - a.branchEnis())).isEqualTo(pods);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void neverMoreEnisThanTheUsableSlots(InstanceLimits type, CniSettings cni, int maxPods, int pods, int branch) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, 0);

        int e = cni.maxEni() >= 1 ? Math.min(cni.maxEni(), type.maxEnis()) : type.maxEnis();
        assertThat(a.attachedEnis()).isBetween(1, e);
        for (EniHolding eni : a.enis()) {
            assertThat(eni.secondaryIps()).isLessThanOrEqualTo(type.slotsPerEni());
            assertThat(eni.prefixes()).isLessThanOrEqualTo(type.slotsPerEni());
            if (eni.role() == EniRole.PRIMARY && cni.customNetworking()) assertThat(eni.podAddresses()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void monotoneInPods(InstanceLimits type, CniSettings cni, int maxPods, int pods, int branch) {
        NodeAllocation fewer = NodeModel.converge(type, cni, maxPods, pods, 0);
        NodeAllocation more = NodeModel.converge(type, cni, maxPods, pods + 1, 0);

        assertThat(more.subnetIps()).isGreaterThanOrEqualTo(fewer.subnetIps());
        assertThat(more.attachedEnis()).isGreaterThanOrEqualTo(fewer.attachedEnis());
        assertThat(more.podsWithIp()).isGreaterThanOrEqualTo(fewer.podsWithIp());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void podsGoWithoutAnIpOnlyWhenTheNodeIsFullOrALoneMinimumIpTargetCapsIt(InstanceLimits type, CniSettings cni, int maxPods, int pods, int branch) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, 0);
        if (a.podsWithoutIp() == 0) return;

        int e = cni.maxEni() >= 1 ? Math.min(cni.maxEni(), type.maxEnis()) : type.maxEnis();
        // a type the resource controller does not list: ipamd reserves the trunk's slot, no trunk ever comes
        int unlistedTrunk = cni.podEni() && type.trunkingCompatible() && type.branchInterfaces() == 0 && e >= 2
                ? 1 : 0;
        boolean everySlotFull = a.attachedEnis() + unlistedTrunk == e
                && a.enis().stream().filter(x -> x.role() == EniRole.POD
                                                  || (x.role() == EniRole.PRIMARY && !cni.customNetworking()))
                        .allMatch(x -> x.secondaryIps() + x.prefixes() == type.slotsPerEni());
        boolean loneMinimum = cni.warmIpTarget() == 0 && cni.minimumIpTarget() > 0
                              && a.podAddresses() >= cni.minimumIpTarget();
        assertThat(everySlotFull || loneMinimum)
                .as("pods without IP %d but node not full and no lone MINIMUM_IP_TARGET: %s", a.podsWithoutIp(), a)
                .isTrue();
        assertThat(a.warmAddresses()).isZero();
    }

    /**
     * The §6 closed forms, (a)–(f), checked against the replay: pod ENIs {@code k} and secondary IPs / prefixes
     * {@code n}, with {@code U = E − trunk − (custom networking ? 1 : 0)}, {@code p} = the schedulable pods. Warm-IP
     * cases whose target is above max pods are skipped (there the last batch may overshoot, §6(c)); for
     * {@code WARM_PREFIX_TARGET ≥ 2} the formula is a lower bound with up to {@code K − 1} more (§6(d)).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void convergesToTheSection6Formulas(InstanceLimits type, CniSettings cni, int maxPods, int pods, int branch) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, 0);

        int e = cni.maxEni() >= 1 ? Math.min(cni.maxEni(), type.maxEnis()) : type.maxEnis();
        boolean trunk = cni.podEni() && type.trunkingCompatible() && e >= 2;
        int u = e - (trunk ? 1 : 0) - (cni.customNetworking() ? 1 : 0);
        int slots = type.slotsPerEni();
        int p = Math.min(pods, Math.max(0, maxPods - NodeModel.HOST_NETWORK_PODS));
        boolean pd = cni.prefixDelegation() && type.prefixDelegationSupported();
        int unit = pd ? 16 : 1;
        int perEniAddresses = slots * unit;
        int capCidrs = ceil(maxPods, unit);                                  // §4.1: TotalIPs >= maxPods stops growth
        int held = pd ? a.prefixes() : a.secondaryIps();
        int podEnisHolding = (int) a.enis().stream()
                .filter(x -> x.role() == EniRole.POD || x.role() == EniRole.PRIMARY)
                .filter(x -> x.podAddresses() > 0).count();

        if (cni.warmIpMode()) {
            // §6(c) T = max(p + W, Min); MINIMUM_IP_TARGET alone is a hard ceiling: T = Min.
            int target = cni.warmIpTarget() == 0 ? cni.minimumIpTarget()
                    : Math.max(p + cni.warmIpTarget(), cni.minimumIpTarget());
            if (target > maxPods) return;
            int n = Math.min(ceil(target, unit), u * slots);                 // §6(d): in PD rounded up to /28s
            assertThat(held).as("§6(c)/(d) warm-IP CIDRs").isEqualTo(n);
            assertThat(podEnisHolding).as("fill-first pod ENIs").isEqualTo(ceil(n, slots));
            assertThat(a.podsWithIp()).isEqualTo(Math.min(p, n * unit));
            return;
        }
        int warm = pd ? cni.warmPrefixTarget() : cni.warmEniTarget();
        if (!pd) {
            // §6(a)/(b): whole ENIs; N = 0 adds one when the last free IP is taken.
            int wanted = warm == 0 ? p / slots + 1 : ceil(p, slots) + warm;
            int k = Math.min(u, Math.min(wanted, ceil(capCidrs, slots)));
            assertThat(podEnisHolding).as("§6(a)/(b) k").isEqualTo(k);
            assertThat(held).as("every ENI full").isEqualTo(k * slots);
            return;
        }
        // §6(d): K = 1 exact, K = 0 floor(p/16) + 1, K >= 2 lower bound plus up to K − 1.
        int wanted = warm == 0 ? p / 16 + 1 : ceil(p, 16) + warm;
        int lower = Math.min(u * slots, Math.min(wanted, capCidrs));
        int upper = warm <= 1 ? lower : Math.min(u * slots, Math.min(wanted + warm - 1, capCidrs + warm - 1));
        assertThat(held).as("§6(d) prefixes").isBetween(lower, upper);
        assertThat(podEnisHolding).as("§6(d) k = ceil(n / P)").isEqualTo(ceil(held, slots));
        assertThat(a.podsWithIp()).isEqualTo(Math.min(p, u * perEniAddresses));
    }

    private static int ceil(int a, int b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
