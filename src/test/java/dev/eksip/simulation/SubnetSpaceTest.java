package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** §10: in prefix mode a subnet is counted in free aligned /28 blocks; a /32 uses a loose address first. */
class SubnetSpaceTest {
    private static SubnetSpace space(boolean prefixMode) {
        // a /24 with nothing in use: 251 available, 15 whole free blocks (the first and last hold reserved addresses)
        Subnet s = new Subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24", 251, Map.of(), List.of());
        return SubnetSpace.now(s, prefixMode, List.of(), List.of());
    }

    @Test
    void addressModeCountsAddresses() {
        SubnetSpace s = space(false);
        s.take(new SubnetTake(3, 1));
        assertThat(s.value()).isEqualTo(251 - 3 - 16);
    }

    @Test
    void prefixModeCountsFreeBlocksAndBreaksABlockOnlyWhenNoLooseAddressIsLeft() {
        SubnetSpace s = space(true);
        assertThat(s.blocks()).isEqualTo(14);
        assertThat(s.value()).isEqualTo(16 * 14);
        SubnetTake primary = new SubnetTake(1, 2);
        SubnetSpace copy = s.copy();
        s.take(primary);              // 2 blocks for the prefixes, the /32 from the 27 loose addresses
        assertThat(s.blocks()).isEqualTo(12);
        assertThat(s.free()).isEqualTo(251 - 33);
        for (int i = 0; i < 26; i++) s.take(new SubnetTake(1, 0));
        assertThat(s.blocks()).as("the loose addresses are used up").isEqualTo(12);
        s.take(new SubnetTake(1, 0));
        assertThat(s.blocks()).as("the next /32 breaks a block").isEqualTo(11);
        assertThat(copy.blocks()).as("a copy is independent").isEqualTo(14);
    }

    @Test
    void anEniFitsWhenItsAddressesAndInPrefixModeItsPrefixesFit() {
        assertThat(space(true).fits(new SubnetTake(1, 14))).isTrue();
        assertThat(space(true).fits(new SubnetTake(1, 15))).isFalse();
        assertThat(space(false).fits(new SubnetTake(11, 15))).isTrue();
        assertThat(space(false).fits(new SubnetTake(12, 15))).isFalse();
    }
}
