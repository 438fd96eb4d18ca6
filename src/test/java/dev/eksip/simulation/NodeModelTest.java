package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven examples for every rule of vpc-cni-model.md §6 (a)–(i), including the worked examples quoted there.
 * Columns: type, CNI settings ("KEY=V;KEY=V", empty = defaults), max pods, IP pods, branch pods → attached ENIs,
 * secondary IPs per ENI ("3,3" in attach order, pod ENIs only), prefixes per ENI, subnet IPs, pods without an IP.
 */
class NodeModelTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.embedded();

    @ParameterizedTest(name = "§6{0}: {1} [{2}] maxPods={3} pods={4}")
    @CsvSource(delimiter = '|', textBlock = """
            # rule | type        | cni                              | maxPods | pods | branch | enis | ips per ENI  | prefixes per ENI | subnet IPs | without IP
            (a)    | t3.small    |                                  | 11      | 0    | 0      | 1    | 3            | 0                | 4          | 0
            (a)    | t3.small    |                                  | 11      | 5    | 0      | 3    | 3,3,3        | 0,0,0            | 12         | 0
            (a)    | t3.small    |                                  | 11      | 9    | 0      | 3    | 3,3,3        | 0,0,0            | 12         | 0
            (a)    | m5.large    |                                  | 29      | 0    | 0      | 1    | 9            | 0                | 10         | 0
            (a)    | m5.large    |                                  | 29      | 1    | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (a)    | m5.large    |                                  | 29      | 9    | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (a)    | m5.large    |                                  | 29      | 10   | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            (a)    | m5.large    |                                  | 29      | 27   | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            (a)    | m5.4xlarge  |                                  | 110     | 100  | 0      | 4    | 29,29,29,29  | 0,0,0,0          | 120        | 0
            (b)    | m5.large    | WARM_ENI_TARGET=0                | 29      | 0    | 0      | 1    | 9            | 0                | 10         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=0                | 29      | 8    | 0      | 1    | 9            | 0                | 10         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=0                | 29      | 9    | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=2                | 29      | 0    | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=2                | 29      | 10   | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            (c)    | t3.small    | WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 11  | 0    | 0      | 1    | 1            | 0                | 2          | 0
            (c)    | t3.small    | WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 11  | 5    | 0      | 2    | 3,3          | 0,0              | 8          | 0
            (c)    | t3.small    | WARM_IP_TARGET=2;MINIMUM_IP_TARGET=5 | 11  | 0    | 0      | 2    | 3,2          | 0,0              | 7          | 0
            (c)    | t3.small    | WARM_IP_TARGET=2;MINIMUM_IP_TARGET=5 | 11  | 5    | 0      | 3    | 3,3,1        | 0,0,0            | 10         | 0
            (c)    | p3dn.24xlarge | WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 45 | 0     | 2    | 49,1         | 0,0              | 52         | 0
            (c)    | t3.small    | MINIMUM_IP_TARGET=5              | 11      | 8    | 0      | 2    | 3,2          | 0,0              | 7          | 3
            (c)    | m5.large    | WARM_IP_TARGET=5                 | 29      | 0    | 0      | 1    | 5            | 0                | 6          | 0
            (c)    | m5.large    | WARM_IP_TARGET=5                 | 29      | 15   | 0      | 3    | 9,9,2        | 0,0,0            | 23         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true    | 110     | 0    | 0      | 1    | 0            | 1                | 17         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true    | 110     | 5    | 0      | 1    | 0            | 2                | 33         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true    | 110     | 16   | 0      | 1    | 0            | 2                | 33         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true    | 110     | 17   | 0      | 1    | 0            | 3                | 49         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true    | 110     | 58   | 0      | 2    | 0,0          | 3,2              | 82         | 0
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true    | 110     | 108  | 0      | 1    | 0            | 7                | 113        | 0
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=0 | 110 | 16 | 0 | 1 | 0          | 2                | 33         | 0
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=0 | 110 | 15 | 0 | 1 | 0          | 1                | 17         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=7;MINIMUM_IP_TARGET=20 | 110 | 0 | 0 | 1 | 0 | 2      | 33         | 0
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=5   | 110 | 20 | 0 | 1 | 0          | 2                | 33         | 0
            (d)    | m4.large    | ENABLE_PREFIX_DELEGATION=true    | 20      | 10   | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (e)    | m5.large    | AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 20 | 0  | 0      | 2    | 0,9          | 0,0              | 11         | 0
            (e)    | m5.large    | AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 20 | 10 | 0      | 3    | 0,9,9        | 0,0,0            | 21         | 0
            (e)    | m5.large    | AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 29 | 20 | 0      | 3    | 0,9,9        | 0,0,0            | 21         | 2
            (f)    | m5.large    | MAX_ENI=2                        | 29      | 10   | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (f)    | m5.large    | MAX_ENI=7                        | 29      | 27   | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            (g)    | m5.large    | ENABLE_POD_ENI=true              | 29      | 20   | 5      | 3    | 9,9          | 0,0              | 26         | 2
            (g)    | m5.large    | ENABLE_POD_ENI=true              | 29      | 0    | 0      | 2    | 9            | 0                | 11         | 0
            (h)    | m5.large    | ENABLE_IPv6=true;ENABLE_PREFIX_DELEGATION=true | 110 | 50 | 0 | 1 | 0            | 0                | 1          | 0
            (h)    | m5.large    | ENABLE_IPv6=true;ENABLE_PREFIX_DELEGATION=true;ENABLE_POD_ENI=true | 110 | 50 | 3 | 2 | 0 | 0      | 5          | 0
            # upstream amazon-vpc-cni-k8s docs/eni-and-ip-target.md (tables quoted by §6(c), all rows match the code per §12)
            (c)    | t3.small    | WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 11  | 9    | 0      | 3    | 3,3,3        | 0,0,0            | 12         | 0
            (c)    | t3.small    | WARM_IP_TARGET=2;MINIMUM_IP_TARGET=5 | 11  | 9    | 0      | 3    | 3,3,3        | 0,0,0            | 12         | 0
            (a)    | p3dn.24xlarge |                                | 737     | 0    | 0      | 1    | 49           | 0                | 50         | 0
            (a)    | p3dn.24xlarge |                                | 737     | 3    | 0      | 2    | 49,49        | 0,0              | 100        | 0
            (a)    | p3dn.24xlarge |                                | 737     | 95   | 0      | 3    | 49,49,49     | 0,0,0            | 150        | 0
            (c)    | p3dn.24xlarge | WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 0  | 0      | 1    | 10           | 0                | 11         | 0
            (c)    | p3dn.24xlarge | WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 7  | 0      | 1    | 12           | 0                | 13         | 0
            (c)    | p3dn.24xlarge | WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 15 | 0      | 1    | 20           | 0                | 21         | 0
            # upstream amazon-vpc-cni-k8s docs/prefix-and-ip-target.md (§6(d)); p3dn K=1 p=3/95 and W=5/Min=10 p=45 as corrected in §12: one ENI
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 110 | 0 | 0 | 1 | 0 | 1       | 17         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 110 | 5 | 0 | 1 | 0 | 1       | 17         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 110 | 17 | 0 | 1 | 0 | 2      | 33         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=1;MINIMUM_IP_TARGET=1 | 110 | 58 | 0 | 2 | 0,0 | 3,1  | 66         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=7;MINIMUM_IP_TARGET=20 | 110 | 5 | 0 | 1 | 0 | 2      | 33         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=7;MINIMUM_IP_TARGET=20 | 110 | 17 | 0 | 1 | 0 | 2     | 33         | 0
            (d)    | t3.small    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=7;MINIMUM_IP_TARGET=20 | 110 | 58 | 0 | 2 | 0,0 | 3,2 | 82         | 0
            (d)    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true  | 737     | 0    | 0      | 1    | 0            | 1                | 17         | 0
            §12    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true  | 737     | 3    | 0      | 1    | 0            | 2                | 33         | 0
            §12    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true  | 737     | 95   | 0      | 1    | 0            | 7                | 113        | 0
            (d)    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 0 | 0 | 1 | 0 | 1     | 17         | 0
            (d)    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 7 | 0 | 1 | 0 | 1     | 17         | 0
            (d)    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 15 | 0 | 1 | 0 | 2    | 33         | 0
            §12    | p3dn.24xlarge | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=5;MINIMUM_IP_TARGET=10 | 737 | 45 | 0 | 1 | 0 | 4    | 65         | 0
            # §4.1 max-pods cap: checked before the targets; the last batch is not trimmed (§6(c))
            §4.1   | m5.large    |                                  | 1       | 0    | 0      | 1    | 9            | 0                | 10         | 0
            §4.1   | m5.large    |                                  | 0       | 0    | 0      | 1    | 0            | 0                | 1          | 0
            (c)    | p3dn.24xlarge | WARM_IP_TARGET=10              | 5       | 0    | 0      | 1    | 10           | 0                | 11         | 0
            (c)    | p3dn.24xlarge | MINIMUM_IP_TARGET=30           | 20      | 0    | 0      | 1    | 30           | 0                | 31         | 0
            (d)    | t3.nano     | ENABLE_PREFIX_DELEGATION=true    | 4       | 2    | 0      | 1    | 0            | 1                | 17         | 0
            # §6(b) WARM_ENI_TARGET=0: the churning extra ENI is assumed present (k = floor(p/M) + 1)
            (b)    | m5.large    | WARM_ENI_TARGET=0                | 29      | 17   | 0      | 2    | 9,9          | 0,0              | 20         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=0                | 29      | 18   | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=0;AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 20 | 0 | 0 | 2 | 0,9      | 0,0              | 11         | 0
            (b)    | m5.large    | WARM_ENI_TARGET=3                | 29      | 0    | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            # §6(d) K=0: one prefix when the pool is empty, n = floor(p/16) + 1
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=0 | 110 | 0 | 0 | 1 | 0           | 1                | 17         | 0
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=0 | 110 | 32 | 0 | 1 | 0          | 3                | 49         | 0
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=0;AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 110 | 0 | 0 | 2 | 0,0 | 0,1 | 18 | 0
            # §4.2 warm-IP mode in PD: shortP = ceil(short/16), asked for in one batch
            (d)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;WARM_IP_TARGET=17  | 110 | 0 | 0 | 1 | 0           | 2                | 33         | 0
            # §6(e) custom networking + PD: pod ENIs from the first secondary ENI on
            (e)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 110 | 0 | 0 | 2 | 0,0 | 0,1 | 18 | 0
            (e)    | m5.large    | ENABLE_PREFIX_DELEGATION=true;AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 250 | 150 | 0 | 3 | 0,0,0 | 0,9,2 | 179 | 0
            # E = 1 (per-card ENI limit): custom networking leaves no pod ENI at all
            (e)    | hpc6id.32xlarge | AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 51 | 10 | 0   | 1    | 0            | 0                | 1          | 10
            (a)    | hpc6id.32xlarge |                              | 51      | 10   | 0      | 1    | 49           | 0                | 50         | 0
            # t3.nano: L=2, M=1, E=2
            (a)    | t3.nano     |                                  | 4       | 0    | 0      | 1    | 1            | 0                | 2          | 0
            (a)    | t3.nano     |                                  | 4       | 1    | 0      | 2    | 1,1          | 0,0              | 4          | 0
            (a)    | t3.nano     |                                  | 4       | 2    | 0      | 2    | 1,1          | 0,0              | 4          | 0
            # §6(f) MAX_ENI: lowers E, counts the primary and the trunk; 0 = unset
            (f)    | m5.large    | MAX_ENI=1                        | 29      | 20   | 0      | 1    | 9            | 0                | 10         | 11
            (f)    | m5.large    | MAX_ENI=0                        | 29      | 27   | 0      | 3    | 9,9,9        | 0,0,0            | 30         | 0
            (f)    | m5.large    | MAX_ENI=2;ENABLE_POD_ENI=true    | 29      | 10   | 1      | 2    | 9            | 0                | 12         | 1
            (f)    | m5.large    | MAX_ENI=1;ENABLE_POD_ENI=true    | 29      | 5    | 2      | 1    | 9            | 0                | 10         | 0
            # §6(g) SGP: no trunk on a type that is not trunking-compatible; BranchInterface limit; branch pods count against max pods
            (g)    | t3.small    | ENABLE_POD_ENI=true              | 11      | 9    | 2      | 3    | 3,3,3        | 0,0,0            | 12         | 0
            (g)    | m5.large    | ENABLE_POD_ENI=true              | 29      | 0    | 12     | 2    | 9            | 0                | 20         | 0
            (g)    | m5.large    | ENABLE_POD_ENI=true              | 5       | 0    | 9      | 2    | 9            | 0                | 14         | 0
            (g)    | m5.large    | ENABLE_POD_ENI=true;AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true | 29 | 5 | 1 | 3 | 0,9     | 0,0              | 13         | 0
            """)
    void convergesAsTheRuleSays(String rule, String type, String cni, int maxPods, int pods, int branch,
                                int enis, String ipsPerEni, String prefixesPerEni, int subnetIps, int withoutIp) {
        NodeAllocation a = NodeModel.converge(CATALOG.require(type), settings(cni), maxPods, pods, branch);

        assertThat(a.attachedEnis()).as("attached ENIs").isEqualTo(enis);
        List<EniHolding> podCapable = a.enis().stream()
                .filter(e -> e.role() == EniRole.PRIMARY || e.role() == EniRole.POD).toList();
        assertThat(podCapable.stream().map(e -> String.valueOf(e.secondaryIps())).toList())
                .as("secondary IPs per ENI").containsExactly(ipsPerEni.split(","));
        assertThat(podCapable.stream().map(e -> String.valueOf(e.prefixes())).toList())
                .as("prefixes per ENI").containsExactly(prefixesPerEni.split(","));
        assertThat(a.subnetIps()).as("subnet IPs").isEqualTo(subnetIps);
        assertThat(a.podsWithoutIp()).as("pods without IP").isEqualTo(withoutIp);
    }

    @Test
    void bestPracticesExampleThreeC5LargeNodesWithTwoCoreDnsPodsHoldFiftyAddressesFortyThreeWarm() {
        InstanceLimits c5large = CATALOG.require("c5.large");
        List<NodeAllocation> nodes = List.of(
                NodeModel.converge(c5large, CniSettings.DEFAULTS, 29, 1, 0),
                NodeModel.converge(c5large, CniSettings.DEFAULTS, 29, 1, 0),
                NodeModel.converge(c5large, CniSettings.DEFAULTS, 29, 0, 0));

        assertThat(nodes.stream().mapToInt(NodeAllocation::subnetIps).sum()).isEqualTo(50);
        assertThat(nodes.stream().mapToInt(NodeAllocation::warmAddresses).sum()).isEqualTo(43);
    }

    @Test
    void maxPodsCapStopsAManagedM5FourXlargeAtFourEnis() {
        NodeAllocation a = NodeModel.converge(CATALOG.require("m5.4xlarge"), CniSettings.DEFAULTS, 110, 108, 0);

        assertThat(a.podEnis()).isEqualTo(4);
        assertThat(a.secondaryIps()).isEqualTo(116);
        assertThat(a.podsWithoutIp()).isZero();
    }

    @Test
    void warmPrefixTargetTwoAddsUpToOneExtraPrefixWhenPodsSpread() {
        CniSettings k2 = settings("ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=2");
        InstanceLimits m5 = CATALOG.require("m5.xlarge");
        // §6(d): n = ceil(p/16) + K is a lower bound for K >= 2; spread pods give up to K − 1 more.
        for (int p : new int[] {1, 17, 40, 80}) {
            int n = NodeModel.converge(m5, k2, 250, p, 0).prefixes();
            int lower = Math.min((p + 15) / 16 + 2, (250 + 15) / 16);
            assertThat(n).as("prefixes at p=%d", p).isBetween(lower, lower + 1);
        }
    }

    @Test
    void prefixDelegationOnANonNitroTypeFallsBackToSecondaryIps() {
        NodeAllocation a = NodeModel.converge(CATALOG.require("m4.large"),
                settings("ENABLE_PREFIX_DELEGATION=true"), 20, 3, 0);

        assertThat(a.prefixMode()).isFalse();
        assertThat(a.prefixes()).isZero();
        assertThat(a.secondaryIps()).isEqualTo(18);
    }

    @Test
    void customNetworkingPutsOnlyThePrimaryIpInTheNodeSubnet() {
        NodeAllocation a = NodeModel.converge(CATALOG.require("m5.large"),
                settings("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true"), 20, 5, 0);

        // §6(i): 1 in the node subnet (primary ENI), k·(M + 1) in the ENIConfig subnet.
        assertThat(a.primaryEniSubnetIps()).isEqualTo(1);
        assertThat(a.secondaryEniSubnetIps()).isEqualTo(2 * 10);
    }

    @Test
    void ipv6NodesHoldNoWarmPoolAndGiveEveryPodAnAddress() {
        NodeAllocation a = NodeModel.converge(CATALOG.require("m5.large"),
                settings("ENABLE_IPv6=true;ENABLE_PREFIX_DELEGATION=true"), 110, 100, 0);

        assertThat(a.warmAddresses()).isZero();
        assertThat(a.podsWithIp()).isEqualTo(100);
        assertThat(a.subnetIps()).isEqualTo(1);
    }

    @Test
    void podsAboveMaxPodsAreUnschedulableNotWithoutIp() {
        NodeAllocation a = NodeModel.converge(CATALOG.require("m5.large"), CniSettings.DEFAULTS, 29, 40, 0);

        assertThat(a.podsWithIp()).isEqualTo(27);
        assertThat(a.podsUnschedulable()).isEqualTo(13);
        assertThat(a.podsWithoutIp()).isZero();
    }

    @Test
    void bestPracticesWarmIpTargetExampleAsCorrectedBySection12() {
        // §12: on a 20-address ENI (M = 19) with WARM_IP_TARGET=5 the 2nd ENI is needed when p + W > 19, i.e. at the
        // 15th pod, and it is created with min(short, M) IPs, not with 20 "possible addresses".
        InstanceLimits l20 = limits("test.l20").maxEnis(4).ipv4PerEni(20).networkCards(1).totalEnis(4).nitro()
                .prefixDelegation().trunking().vcpus(8).build();
        CniSettings w5 = settings("WARM_IP_TARGET=5");

        assertThat(NodeModel.converge(l20, w5, 110, 0, 0).secondaryIps()).isEqualTo(5);
        NodeAllocation p14 = NodeModel.converge(l20, w5, 110, 14, 0);
        assertThat(p14.podEnis()).isEqualTo(1);
        assertThat(p14.secondaryIps()).isEqualTo(19);
        NodeAllocation p15 = NodeModel.converge(l20, w5, 110, 15, 0);
        assertThat(p15.podEnis()).isEqualTo(2);
        assertThat(p15.enis().get(1).secondaryIps()).isEqualTo(1);
        assertThat(p15.subnetIps()).isEqualTo(2 + 20);
    }

    @Test
    void bestPracticesMinimumIpTargetExampleCountsNineIpsPerTenAddressEni() {
        // §12: with MINIMUM_IP_TARGET=100 each 10-address ENI gives 9 pod IPs (the primary is not a pod IP):
        // 12 ENIs, 100 secondary IPs, 112 subnet addresses at p = 0.
        InstanceLimits l10 = limits("test.l10").maxEnis(15).ipv4PerEni(10).networkCards(1).totalEnis(15).nitro()
                .prefixDelegation().trunking().vcpus(64).build();
        NodeAllocation a = NodeModel.converge(l10, settings("MINIMUM_IP_TARGET=100"), 250, 0, 0);

        assertThat(a.podEnis()).isEqualTo(12);
        assertThat(a.secondaryIps()).isEqualTo(100);
        assertThat(a.subnetIps()).isEqualTo(112);
    }

    /** Test shorthand: "KEY=V;KEY=V" with the aws-node variable names; omitted keys take ipamd's defaults. */
    static CniSettings settings(String spec) {
        Map<String, String> env = new HashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String kv : spec.split(";")) {
                String[] p = kv.trim().split("=");
                if (!CniEnv.VARIABLES.contains(p[0])) throw new IllegalArgumentException("unknown key " + p[0]);
                env.put(p[0], p[1]);
            }
        }
        return CniEnv.parse(env);
    }
}
