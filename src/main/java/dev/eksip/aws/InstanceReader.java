package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.InstanceFacts;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EC2 instances: the running ones carrying the audited clusters' tag keys, one paginated {@code DescribeInstances}
 * per 200 keys. Every forecast needs them: a failure is fatal.
 */
final class InstanceReader {
    private final Ec2Client ec2;

    InstanceReader(Ec2Client ec2) {
        this.ec2 = requireNonNull(ec2, "ec2");
    }

    /** By instance id. */
    List<InstanceFacts> running(List<String> clusterTagKeys) {
        return AwsCalls.required("ec2:DescribeInstances", () -> {
            Map<String, Instance> byId = new TreeMap<>();
            for (List<String> batch : FilterBatches.of(clusterTagKeys))
                ec2.describeInstancesPaginator(r -> r.maxResults(1000).filters(
                                Filter.builder().name("tag-key").values(batch).build(),
                                Filter.builder().name("instance-state-name").values("running").build()))
                        .reservations().stream().flatMap(r -> r.instances().stream())
                        .forEach(i -> byId.putIfAbsent(i.instanceId(), i));
            return byId.values().stream().map(Ec2Mapping::instance).toList();
        });
    }
}
