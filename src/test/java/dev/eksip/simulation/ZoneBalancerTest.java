package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ZoneBalancerTest {
    private static Subnet subnet(String id, String zone, int available) {
        return new Subnet(id, "vpc-1", zone, "10.0.0.0/24", available, Map.of(), List.of());
    }

    @Test
    void theZoneWithTheFewestNodesGetsTheNextNodeTheFirstByNameOnATie() {
        ZoneBalancer zones = new ZoneBalancer(Map.of("us-east-1b", 1, "us-east-1a", 1, "us-east-1c", 0));
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 5; i++) next.add(zones.nextZone());
        assertThat(next).containsExactly("us-east-1c", "us-east-1a", "us-east-1b", "us-east-1c", "us-east-1a");
    }

    @Test
    void theNodeGoesToTheZonesSubnetWithTheMostRoomTheFirstListedOnATie() {
        Subnet a1 = subnet("subnet-a1", "us-east-1a", 100);
        Subnet a2 = subnet("subnet-a2", "us-east-1a", 200);
        Subnet a3 = subnet("subnet-a3", "us-east-1a", 200);
        Subnet b = subnet("subnet-b", "us-east-1b", 900);
        Map<String, SubnetSpace> state = new HashMap<>();
        for (Subnet s : List.of(a1, a2, a3, b)) state.put(s.subnetId(), SubnetSpace.now(s, false, List.of(), List.of()));

        assertThat(ZoneBalancer.nodeSubnet(List.of(a1, a2, a3, b), "us-east-1a", state)).isEqualTo(a2);
    }
}
