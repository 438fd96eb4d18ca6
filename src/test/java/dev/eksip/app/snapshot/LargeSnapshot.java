package dev.eksip.app.snapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large valid snapshot straight to a file (never holding it in memory): one cluster with a node group per
 * /16 subnet, each group's m5.4xlarge nodes fully attached (8 ENIs of 30 addresses), the shape that makes
 * snapshots big: ENI address lists. About 5.6 KB per node.
 */
final class LargeSnapshot {
    static final int ENIS = 8;
    static final int IPS_PER_ENI = 30;

    private LargeSnapshot() {
    }

    /** {@code FILE SUBNETS NODES_PER_SUBNET ENIS IPS_PER_ENI TYPE}: writes one (for measurements by hand). */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), args[5]);
    }

    /** Writes {@code subnets × nodesPerSubnet} nodes (nodesPerSubnet ≤ 270) to {@code file}. */
    static void write(Path file, int subnets, int nodesPerSubnet) throws IOException {
        write(file, subnets, nodesPerSubnet, ENIS, IPS_PER_ENI, "m5.4xlarge");
    }

    /**
     * As {@link #write(Path, int, int)} with {@code enis} ENIs of {@code ipsPerEni} addresses per node of
     * {@code type} ({@code nodesPerSubnet × enis × ipsPerEni} ≤ 65,000).
     */
    static void write(Path file, int subnets, int nodesPerSubnet, int enis, int ipsPerEni, String type)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"formatVersion\":1,\"accountId\":\"123456789012\",\"region\":\"us-east-1\","
                    + "\"capturedAt\":\"2026-11-25T13:00:00Z\",\"subnets\":[");
            int used = nodesPerSubnet * enis * ipsPerEni;
            for (int s = 0; s < subnets; s++) {
                if (s > 0) w.write(',');
                w.write("{\"subnetId\":\"subnet-%05d\",\"vpcId\":\"vpc-1\",\"availabilityZone\":\"us-east-1%c\",\"cidr\":\"10.%d.0.0/16\",\"availableIps\":%d,\"tags\":{},\"reservations\":[]}"
                        .formatted(s, (char) ('a' + s % 3), s, 65536 - 5 - used - 16));
            }
            w.write("],\"clusters\":[{\"name\":\"big\",\"vpcId\":\"vpc-1\",\"ipFamily\":\"ipv4\",\"cni\":{\"warmEniTarget\":1,"
                    + "\"warmIpTarget\":0,\"minimumIpTarget\":0,\"prefixDelegation\":false,\"warmPrefixTarget\":1,"
                    + "\"maxEni\":0,\"customNetworking\":false,\"podEni\":false,\"subnetDiscovery\":true,\"ipv6\":false},"
                    + "\"cniSource\":\"default\",\"podSubnets\":{},\"nodeGroups\":[");
            for (int s = 0; s < subnets; s++) {
                if (s > 0) w.write(',');
                w.write("{\"name\":\"ng-%05d\",\"managed\":true,\"customAmi\":false,\"instanceTypes\":[\"%s\"],\"minSize\":%d,\"desiredSize\":%d,\"maxSize\":%d,\"subnetIds\":[\"subnet-%05d\"],\"autoScalingGroup\":\"eks-ng-%05d\",\"maxPods\":0}"
                        .formatted(s, type, nodesPerSubnet, nodesPerSubnet, nodesPerSubnet, s, s));
            }
            w.write("]}],\"nodes\":[");
            for (int s = 0; s < subnets; s++)
                for (int n = 0; n < nodesPerSubnet; n++) {
                    if (s + n > 0) w.write(',');
                    node(w, s, n, enis, ipsPerEni, type);
                }
            w.write("],\"otherEnis\":[],\"instanceLimits\":[],\"gaps\":[]}\n");
        }
    }

    private static void node(BufferedWriter w, int s, int n, int enis, int ipsPerEni, String type)
            throws IOException {
        String id = "i-%05d%05d".formatted(s, n);
        w.write("{\"instanceId\":\"%s\",\"cluster\":\"big\",\"nodeGroup\":\"ng-%05d\",\"instanceType\":\"%s\",\"subnetId\":\"subnet-%05d\",\"availabilityZone\":\"us-east-1%c\",\"enis\":["
                .formatted(id, s, type, s, (char) ('a' + s % 3)));
        for (int e = 0; e < enis; e++) {
            if (e > 0) w.write(',');
            int first = 16 + (n * enis + e) * ipsPerEni;
            w.write("{\"eniId\":\"eni-%05d%05d%d\",\"subnetId\":\"subnet-%05d\",\"instanceId\":\"%s\",\"interfaceType\":\"interface\",\"deviceIndex\":%d,\"primaryIp\":\"%s\",\"secondaryIps\":["
                    .formatted(s, n, e, s, id, e, ip(s, first)));
            for (int i = 1; i < ipsPerEni; i++) {
                if (i > 1) w.write(',');
                w.write('"');
                w.write(ip(s, first + i));
                w.write('"');
            }
            w.write("],\"prefixes\":[],\"noManage\":false}");
        }
        w.write("]}");
    }

    private static String ip(int subnet, int offset) {
        return "10." + subnet + "." + (offset >> 8) + "." + (offset & 255);
    }
}
