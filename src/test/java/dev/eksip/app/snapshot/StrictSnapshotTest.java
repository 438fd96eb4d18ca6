package dev.eksip.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.snapshot.InventoryFile.InvalidInventoryFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 8 item 12: every input the format does not allow is an error naming the file, the JSON path and what was
 * expected, never a crash, a coercion, a silent override or a figure out of range. The sample is {@link
 * InventoryFileTest#sample()}: subnet-a 10.0.0.0/24 (a prefix reservation 10.0.0.128/28), subnet-b 10.0.1.0/24,
 * cluster prod with node groups ng-1 and asg-self, node i-1 with eni-1 (primary, subnet-a) and eni-2 (subnet-b,
 * prefix 10.0.1.16/28), other ENI eni-9, a gap about cluster/dev.
 */
class StrictSnapshotTest {
    private static final String JSON = InventoryFile.toJson(InventoryFileTest.sample());

    /** The sample with the first {@code good} replaced by {@code bad}. */
    private static String with(String good, String bad) {
        assertThat(JSON).as("the sample holds " + good).contains(good);
        return JSON.replaceFirst(Pattern.quote(good), Matcher.quoteReplacement(bad));
    }

    private static void rejected(String json, String message) {
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageStartingWith("snap.json: " + message);
    }

    @ParameterizedTest(name = "cidr {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0/0
            10.0.0.0/33
            10.0.0.0/15
            10.0.0.0/29
            10.0.0.0/-1
            2600:1f18:1234:5600::/64
            10.0.0.0
            10.0.0.256/24
            ten.0.0.0/24
            10.0.0.0/24/1
            10.0.0.0/x
            """)
    void aSubnetCidrThatIsNoIpv4CidrFromSlash16ToSlash28IsRejected(String cidr) {
        rejected(with("\"cidr\" : \"10.0.0.0/24\"", "\"cidr\" : \"" + cidr + "\""),
                "invalid field at $.subnets[0].cidr: expected an IPv4 CIDR from /16 to /28 such as \"10.0.0.0/24\""
                        + " (or \"\" for an IPv6-only subnet), got \"" + cidr + "\"");
    }

    @Test
    void aSubnetCidrWithHostBitsSetIsRejected() {
        rejected(with("\"cidr\" : \"10.0.0.0/24\"", "\"cidr\" : \"10.0.0.5/24\""),
                "invalid field at $.subnets[0].cidr: expected the network address 10.0.0.0/24, got \"10.0.0.5/24\"");
    }

    @Test
    void moreAvailableAddressesThanTheSubnetHoldsAreRejected() {
        rejected(with("\"availableIps\" : 240", "\"availableIps\" : 252"),
                "invalid field at $.subnets[0].availableIps: expected at most 251 (the usable addresses of a /24), "
                        + "got 252");
    }

    @Test
    void anIpv6OnlySubnetHasNoIpv4AddressesAvailable() {
        String ipv6Only = with("\"cidr\" : \"10.0.1.0/24\", \"availableIps\" : 251".replace(", ", ",\n    "),
                "\"cidr\" : \"\",\n    \"availableIps\" : 7");
        rejected(ipv6Only, "invalid field at $.subnets[1].availableIps: expected 0 for an IPv6-only subnet "
                + "(cidr \"\"), got 7");
    }

    @Test
    void aDuplicatedSubnetIsRejectedNotSilentlyOverridden() {
        rejected(with("\"subnetId\" : \"subnet-b\"", "\"subnetId\" : \"subnet-a\""),
                "invalid field at $.subnets[1].subnetId: expected a subnet id not used before, got \"subnet-a\" "
                        + "again (first at $.subnets[0])");
    }

    @Test
    void aDuplicatedClusterIsRejectedNotCountedTwice() {
        int from = JSON.indexOf("\"clusters\" : [ {") + "\"clusters\" : [ ".length();
        int to = JSON.indexOf("\"nodes\" : [");
        // the sample holds two clusters (prod, auto): both are repeated, so the first repeat is the third
        String cluster = JSON.substring(from, JSON.lastIndexOf("}", JSON.lastIndexOf("]", to)) + 1);
        String twice = JSON.substring(0, from) + cluster + ", " + cluster + JSON.substring(from + cluster.length());
        rejected(twice, "invalid field at $.clusters[2].name: expected a cluster name not used before, got \"prod\" "
                + "again (first at $.clusters[0])");
    }

    @Test
    void aDuplicatedNodeGroupEniAndNodeAreRejected() {
        rejected(with("\"name\" : \"asg-self\"", "\"name\" : \"ng-1\""),
                "invalid field at $.clusters[0].nodeGroups[1].name: expected a node group name not used before in "
                        + "cluster prod, got \"ng-1\" again (first at $.clusters[0].nodeGroups[0])");
        rejected(with("\"eniId\" : \"eni-9\"", "\"eniId\" : \"eni-1\""),
                "invalid field at $.otherEnis[0].eniId: expected an ENI id not used before, got \"eni-1\" again "
                        + "(first at $.nodes[0].enis[0])");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "availableIps" : 240         | "availableIps" : "12"          | invalid field at $.subnets[0].availableIps: expected a whole number, got the string "12"
            "prefixDelegation" : true    | "prefixDelegation" : 1         | invalid field at $.clusters[0].cni.prefixDelegation: expected true or false, got the number 1
            "managed" : true             | "managed" : "true"             | invalid field at $.clusters[0].nodeGroups[0].managed: expected true or false, got the string "true"
            "region" : "us-east-1"       | "region" : 5                   | invalid field at $.region: expected a string, got the number 5
            "primaryIp" : "10.0.0.10"    | "primaryIp" : false            | invalid field at $.nodes[0].enis[0].primaryIp: expected a string, got false
            "capturedAt" : "2026-11-25T13:00:00Z" | "capturedAt" : 1795611600 | invalid field at $.capturedAt: expected an ISO-8601 instant like "2026-11-25T13:00:00Z", got the number 1795611600
            "maxSize" : 5                | "maxSize" : 5.0                | invalid field at $.clusters[0].nodeGroups[0].maxSize: expected a whole number, got the number 5.0
            "subnetIds" : [ "subnet-a", "subnet-b" ] | "subnetIds" : "subnet-a" | invalid field at $.clusters[0].nodeGroups[0].subnetIds: expected an array, got the string "subnet-a"
            "Name" : "a"                 | "Name" : 1                     | invalid field at $.subnets[0].tags.Name: expected a string, got the number 1
            """)
    void noScalarIsCoercedToAnotherType(String good, String bad, String message) {
        rejected(with(good, bad), message);
    }

    @Test
    void aNodeWithoutEnisIsRejected() {
        int from = JSON.indexOf("\"enis\" : [ {");
        int to = JSON.indexOf("} ]", from) + 3;
        rejected(JSON.substring(0, from) + "\"enis\" : [ ]" + JSON.substring(to),
                "invalid field at $.nodes[0].enis: expected the node's primary ENI (deviceIndex 0), got none");
    }

    @Test
    void aNodeWhosePrimaryEniIsMissingIsRejected() {
        rejected(with("\"deviceIndex\" : 0", "\"deviceIndex\" : 2"),
                "invalid field at $.nodes[0].enis: expected the node's primary ENI (deviceIndex 0), got none");
    }

    @Test
    void anEniOfAnotherInstanceInsideANodeIsRejected() {
        rejected(with("\"instanceId\" : \"i-1\",\n      \"interfaceType\"", "\"instanceId\" : \"i-2\",\n      \"interfaceType\""),
                "invalid field at $.nodes[0].enis[0].instanceId: expected \"i-1\" (the node's instance) or \"\", "
                        + "got \"i-2\"");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "subnetIds" : [ "subnet-a", "subnet-b" ] | "subnetIds" : [ "subnet-a", "subnet-x" ] | invalid field at $.clusters[0].nodeGroups[0].subnetIds[1]: expected a subnet of $.subnets, got "subnet-x"
            "us-east-1a" : "subnet-b"                | "us-east-1a" : "subnet-x"                 | invalid field at $.clusters[0].podSubnets.us-east-1a: expected a subnet of $.subnets, got "subnet-x"
            "cluster" : "prod"                       | "cluster" : "dev"                         | invalid field at $.nodes[0].cluster: expected a cluster of $.clusters, got "dev"
            "nodeGroup" : "ng-1"                     | "nodeGroup" : "ng-9"                      | invalid field at $.nodes[0].nodeGroup: expected "" or a node group of cluster prod, got "ng-9"
            "instanceType" : "m5.large",\\n    "subnetId" : "subnet-a" | "instanceType" : "m5.large",\\n    "subnetId" : "subnet-x" | invalid field at $.nodes[0].subnetId: expected a subnet of $.subnets, got "subnet-x"
            "eniId" : "eni-9",\\n    "subnetId" : "subnet-a" | "eniId" : "eni-9",\\n    "subnetId" : "subnet-x" | invalid field at $.otherEnis[0].subnetId: expected a subnet of $.subnets, got "subnet-x"
            """)
    void aDanglingReferenceIsRejected(String good, String bad, String message) {
        rejected(with(good.replace("\\n", "\n"), bad.replace("\\n", "\n")), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "prefixes" : [ "10.0.1.16/28" ] | "prefixes" : [ "10.0.1.16" ]    | invalid field at $.nodes[0].enis[1].prefixes[0]: expected an aligned /28 inside subnet-b (10.0.1.0/24) such as "10.0.1.16/28", got "10.0.1.16"
            "prefixes" : [ "10.0.1.16/28" ] | "prefixes" : [ "10.0.1.16/27" ] | invalid field at $.nodes[0].enis[1].prefixes[0]: expected an aligned /28 inside subnet-b (10.0.1.0/24) such as "10.0.1.16/28", got "10.0.1.16/27"
            "prefixes" : [ "10.0.1.16/28" ] | "prefixes" : [ "10.0.1.17/28" ] | invalid field at $.nodes[0].enis[1].prefixes[0]: expected an aligned /28 inside subnet-b (10.0.1.0/24) such as "10.0.1.16/28", got "10.0.1.17/28"
            "prefixes" : [ "10.0.1.16/28" ] | "prefixes" : [ "10.0.9.16/28" ] | invalid field at $.nodes[0].enis[1].prefixes[0]: expected an aligned /28 inside subnet-b (10.0.1.0/24) such as "10.0.1.16/28", got "10.0.9.16/28"
            "prefixes" : [ "10.0.1.16/28" ] | "prefixes" : [ "x/28" ]         | invalid field at $.nodes[0].enis[1].prefixes[0]: expected an aligned /28 inside subnet-b (10.0.1.0/24) such as "10.0.1.16/28", got "x/28"
            """)
    void aBadPrefixIsRejectedNotACrash(String good, String bad, String message) {
        rejected(with(good, bad), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "primaryIp" : "10.0.0.10"   | "primaryIp" : "10.0.1.10"   | invalid field at $.nodes[0].enis[0].primaryIp: expected an IPv4 address inside subnet-a (10.0.0.0/24), got "10.0.1.10"
            "primaryIp" : "10.0.0.10"   | "primaryIp" : ""            | invalid field at $.nodes[0].enis[0].primaryIp: expected an IPv4 address inside subnet-a (10.0.0.0/24), got ""
            "10.0.0.11"                 | "fe80::1"                   | invalid field at $.nodes[0].enis[0].secondaryIps[0]: expected an IPv4 address inside subnet-a (10.0.0.0/24), got "fe80::1"
            "cidr" : "10.0.0.128/28"    | "cidr" : "10.0.7.128/28"    | invalid field at $.subnets[0].reservations[0].cidr: expected an IPv4 CIDR inside subnet-a (10.0.0.0/24), got "10.0.7.128/28"
            "cidr" : "10.0.0.128/28"    | "cidr" : "10.0.0.128"       | invalid field at $.subnets[0].reservations[0].cidr: expected an IPv4 CIDR inside subnet-a (10.0.0.0/24), got "10.0.0.128"
            """)
    void anAddressOutsideItsSubnetIsRejected(String good, String bad, String message) {
        rejected(with(good, bad), message);
    }

    @Test
    void theSampleItselfIsValid() {
        assertThat(InventoryFile.parse(JSON, "snap.json")).isEqualTo(InventoryFileTest.sample());
    }
}
