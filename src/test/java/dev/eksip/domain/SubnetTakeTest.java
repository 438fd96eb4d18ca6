package dev.eksip.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** §6(i): what an ENI takes from its subnet, the same for an observed ENI and a modelled one. */
class SubnetTakeTest {
    @Test
    void anEniTakesItsPrimaryItsSecondariesAndSixteenPerPrefix() {
        Eni observed = new Eni("eni-1", "subnet-a", "i-1", InterfaceType.INTERFACE, 1, "10.0.0.1",
                List.of("10.0.0.2", "10.0.0.3"), List.of("10.0.1.0/28"), false);
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
