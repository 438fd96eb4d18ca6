package dev.eksip.testing.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.List;
import java.util.stream.IntStream;

/** EKS managed nodes in moto, tagged as EKS tags them, for the seeded accounts. */
final class ManagedNodes {
    private ManagedNodes() {
    }

    /**
     * An m5.large node of {@code cluster}'s {@code nodeGroup} in {@code subnet} with nine secondary IPs on its primary
     * ENI, {@code ipPattern} (e.g. {@code 10.30.0.%d}) from {@code firstHost} on (explicit addresses: moto's random
     * ones collide); its instance id.
     */
    static String launch(Ec2Client ec2, String ami, String subnet, String cluster, String nodeGroup, String ipPattern,
                         int firstHost) {
        String id = ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.M5_LARGE).minCount(1).maxCount(1)
                        .subnetId(subnet).tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                                .tags(tag("eks:cluster-name", cluster), tag("eks:nodegroup-name", nodeGroup),
                                        tag("kubernetes.io/cluster/" + cluster, "owned")).build()))
                .instances().get(0).instanceId();
        String eni = ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .networkInterfaces().get(0).networkInterfaceId();
        List<String> ips = IntStream.range(0, 9).mapToObj(i -> ipPattern.formatted(firstHost + i)).toList();
        ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(eni).privateIpAddresses(ips));
        return id;
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }
}
