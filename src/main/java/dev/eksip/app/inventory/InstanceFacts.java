package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A running EC2 instance as {@code DescribeInstances} shows it.
 *
 * @param subnetId           the subnet of its primary ENI ("" when EC2 names none)
 * @param availabilityZone   "" when EC2 names none
 * @param interfaceSubnetIds the subnets of the ENIs EC2 lists on the instance
 */
public record InstanceFacts(String instanceId, String instanceType, String subnetId, String availabilityZone,
                            Map<String, String> tags, List<String> interfaceSubnetIds) {
    public InstanceFacts {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(instanceType, "instanceType");
        requireNonNull(subnetId, "subnetId");
        requireNonNull(availabilityZone, "availabilityZone");
        tags = Map.copyOf(tags);
        interfaceSubnetIds = List.copyOf(interfaceSubnetIds);
    }
}
