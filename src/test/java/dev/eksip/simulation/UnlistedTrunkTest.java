package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 9: the trunk ENI (one address) is created by the VPC resource controller, only for types its limits
 * table lists as {@code IsTrunkingCompatible} (with {@code BranchInterface} > 0). ipamd's {@code hasRoomForEni}
 * still reserves the slot for a type missing from that table ({@code IsTrunkingCompatible} returns true when the
 * type is not in {@code vpcControllerVpc.Limits}, awsutils.go v1.23.0), so such a node keeps one ENI slot free for
 * a trunk that never comes, and holds no trunk address.
 */
class UnlistedTrunkTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.embedded();
    private static final CniSettings POD_ENI = new CniSettings(1, 0, 0, false, 1, 0, false, true, true, false);

    private static long trunks(NodeAllocation a) {
        return a.enis().stream().map(EniHolding::role).filter(r -> r == EniRole.TRUNK).count();
    }

    @Test
    void aTypeTheControllerDoesNotListGetsNoTrunkButKeepsTheSlotReserved() {
        InstanceLimits unlisted = CATALOG.require("c5a.metal");    // blank trunking_compatible / branch_interfaces
        assertThat(unlisted.trunkingCompatible()).isTrue();        // ipamd's default for a missing type
        assertThat(unlisted.branchInterfaces()).isZero();

        NodeAllocation full = NodeModel.converge(unlisted, POD_ENI, 10_000, 10_000, 0);

        assertThat(trunks(full)).isZero();
        // 15 ENIs, one slot reserved for the trunk: 14 attached at most
        assertThat(full.attachedEnis()).isEqualTo(unlisted.maxEnis() - 1);
    }

    @Test
    void aListedTypeGetsItsOneAddressTrunk() {
        InstanceLimits listed = CATALOG.require("m5.large");
        assertThat(listed.branchInterfaces()).isPositive();

        assertThat(trunks(NodeModel.converge(listed, POD_ENI, 29, 5, 0))).isEqualTo(1);
    }
}
