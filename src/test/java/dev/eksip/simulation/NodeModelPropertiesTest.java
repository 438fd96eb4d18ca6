package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the node model over random instance types, CNI settings and pod counts. */
class NodeModelPropertiesTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.embedded();
    private static final List<String> TYPES = CATALOG.types();

    @Provide
    Arbitrary<InstanceLimits> types() {
        return Arbitraries.of(TYPES).map(CATALOG::require);
    }

    @Provide
    Arbitrary<CniSettings> settings() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> target = Arbitraries.integers().between(0, 40).injectDuplicates(0.5)
                .edgeCases(c -> c.add(0));
        return Combinators.combine(small, target, target, Arbitraries.of(true, false), small,
                        Arbitraries.integers().between(0, 6), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((n, w, min, pd, k, maxEni, custom, podEni) ->
                        new CniSettings(n, w, min, pd, k, maxEni, custom, podEni, true, false));
    }

    @Provide
    Arbitrary<Integer> maxPods() {
        return Arbitraries.of(11, 29, 58, 110, 250, 737);
    }

    @Property(tries = 400)
    void subnetAddressesAreEniPrimariesPlusSecondaryIpsPlusSixteenPerPrefix(
            @ForAll("types") InstanceLimits type, @ForAll("settings") CniSettings cni, @ForAll("maxPods") int maxPods,
            @ForAll @IntRange(max = 300) int pods, @ForAll @IntRange(max = 20) int branch) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, branch);

        int expected = a.attachedEnis() + a.branchEnis() + a.secondaryIps() + 16 * a.prefixes();
        assertThat(a.subnetIps()).isEqualTo(expected);
        assertThat(a.podsWithIp() + a.podsWithoutIp() + a.podsUnschedulable()
                   - (branch - a.branchEnis())).isEqualTo(pods);
    }

    @Property(tries = 400)
    void neverMoreEnisThanTheUsableSlots(
            @ForAll("types") InstanceLimits type, @ForAll("settings") CniSettings cni, @ForAll("maxPods") int maxPods,
            @ForAll @IntRange(max = 300) int pods) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, 0);

        int e = cni.maxEni() >= 1 ? Math.min(cni.maxEni(), type.maxEnis()) : type.maxEnis();
        assertThat(a.attachedEnis()).isBetween(1, e);
        for (EniHolding eni : a.enis()) {
            assertThat(eni.secondaryIps()).isLessThanOrEqualTo(type.slotsPerEni());
            assertThat(eni.prefixes()).isLessThanOrEqualTo(type.slotsPerEni());
            if (eni.role() == EniRole.PRIMARY && cni.customNetworking()) assertThat(eni.podAddresses()).isZero();
        }
    }

    @Property(tries = 300)
    void monotoneInPods(@ForAll("types") InstanceLimits type, @ForAll("settings") CniSettings cni,
                        @ForAll("maxPods") int maxPods, @ForAll @IntRange(max = 299) int pods) {
        NodeAllocation fewer = NodeModel.converge(type, cni, maxPods, pods, 0);
        NodeAllocation more = NodeModel.converge(type, cni, maxPods, pods + 1, 0);

        assertThat(more.subnetIps()).isGreaterThanOrEqualTo(fewer.subnetIps());
        assertThat(more.attachedEnis()).isGreaterThanOrEqualTo(fewer.attachedEnis());
        assertThat(more.podsWithIp()).isGreaterThanOrEqualTo(fewer.podsWithIp());
    }

    @Property(tries = 400)
    void podsGoWithoutAnIpOnlyWhenTheNodeIsFullOrALoneMinimumIpTargetCapsIt(
            @ForAll("types") InstanceLimits type, @ForAll("settings") CniSettings cni, @ForAll("maxPods") int maxPods,
            @ForAll @IntRange(max = 300) int pods) {
        NodeAllocation a = NodeModel.converge(type, cni, maxPods, pods, 0);
        if (a.podsWithoutIp() == 0) return;

        int e = cni.maxEni() >= 1 ? Math.min(cni.maxEni(), type.maxEnis()) : type.maxEnis();
        boolean everySlotFull = a.attachedEnis() == e
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
}
