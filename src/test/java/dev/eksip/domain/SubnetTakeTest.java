package dev.eksip.domain;

import static dev.eksip.testing.inventory.InventoryFixtures.eni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.Test;

/** §6(i): what an ENI takes from its subnet, the same for an observed ENI and a modelled one. */
class SubnetTakeTest {
    @Test
    void anEniTakesItsPrimaryItsSecondariesAndSixteenPerPrefix() {
        Eni observed = eni("eni-1").subnet("subnet-a").attachedTo("i-1", 1).type(InterfaceType.INTERFACE)
                .primaryIp("10.0.0.1").secondaryIps("10.0.0.2", "10.0.0.3").prefixes("10.0.1.0/28").build();
        EniHolding modelled = new EniHolding(EniRole.POD, 2, 1);

        assertThat(observed.take()).isEqualTo(new SubnetTake(3, 1)).isEqualTo(modelled.take());
        assertThat(observed.take().addresses()).isEqualTo(3 + 16);
    }

    @Test
    void aTakeIsNeverNegative() {
        assertThatThrownBy(() -> new SubnetTake(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubnetTake(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
