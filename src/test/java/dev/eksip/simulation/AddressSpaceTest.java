package dev.eksip.simulation;

import dev.eksip.domain.ReservationType;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Subnet;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** vpc-cni-model.md §10: five reserved addresses per subnet, prefixes need free aligned /28 blocks. */
class AddressSpaceTest {

    @ParameterizedTest(name = "/{0}: usable {1}, free /28 blocks when empty {2}")
    @CsvSource({
            "16, 65531, 4094",
            "24, 251, 14",
            "26, 59, 2",
            "27, 27, 0",
            "28, 11, 0"})
    void emptySubnetsLoseTheFirstFourAndTheLastAddressAndTheBlocksHoldingThem(int len, int usable, int blocks) {
        String cidr = "10.0.0.0/" + len;
        AddressSpace space = AddressSpace.of(cidr);

        assertThat(AddressSpace.usable(len)).isEqualTo(usable);
        assertThat(space.freeAddresses()).isEqualTo(usable);
        assertThat(space.freeBlocks()).isEqualTo(blocks);
    }

    @Test
    void oneUsedAddressSpoilsItsWholeBlockAndPrefixesAndAddressesOutsideTheSubnetAreIgnored() {
        Subnet s = new Subnet("subnet-1", "vpc-1", "us-east-1a", "10.0.1.0/24", 200, Map.of(), List.of());

        assertThat(AddressSpace.freeBlocks(s, List.of("10.0.1.17", "10.0.2.40", "not-an-ip"),
                List.of("10.0.1.32/28", "10.0.3.0/28"))).isEqualTo(14 - 2);
    }

    @Test
    void explicitReservationsAreUnavailableToPrefixesAndPrefixReservationsServeThem() {
        Subnet s = new Subnet("subnet-1", "vpc-1", "us-east-1a", "10.0.1.0/24", 251, Map.of(), List.of(
                new Subnet.CidrReservation("r1", "10.0.1.64/27", ReservationType.EXPLICIT),
                new Subnet.CidrReservation("r2", "10.0.1.128/26", ReservationType.PREFIX)));

        assertThat(AddressSpace.freeBlocks(s, List.of(), List.of())).isEqualTo(14 - 2);
    }

    @Test
    void anUnalignedCidrIsAlignedToItsNetwork() {
        assertThat(AddressSpace.of("10.0.1.77/24").freeBlocks()).isEqualTo(14);
    }
}
