package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.InstanceFacts;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EC2 instances: the running ones carrying the audited clusters' tag keys, one paginated {@code DescribeInstances}
 * per 200 keys (the batches side by side under the {@link ReadPool} bound). Each page is mapped to
 * {@link InstanceFacts} as it arrives, so no SDK {@code Instance} outlives its page. Every forecast needs them: a
 * failure is fatal.
 */
final class InstanceReader {
    private final Ec2Client ec2;

    InstanceReader(Ec2Client ec2) {
        this.ec2 = requireNonNull(ec2, "ec2");
    }

    /** By instance id; an instance found by two batches is taken from the first. */
    List<InstanceFacts> running(List<String> clusterTagKeys, ReadPool pool, AwsCalls calls) {
        return FilterBatches.readMerged(clusterTagKeys, pool, calls, this::batch);
    }

    private Map<String, InstanceFacts> batch(List<String> tagKeys) {
        return AwsCalls.required("ec2:DescribeInstances", () -> {
            Map<String, InstanceFacts> byId = new TreeMap<>();
            for (DescribeInstancesResponse page : ec2.describeInstancesPaginator(r -> r.maxResults(1000).filters(
                    Filter.builder().name("tag-key").values(tagKeys).build(),
                    Filter.builder().name("instance-state-name").values("running").build())))
                for (Reservation reservation : page.reservations())
                    for (Instance i : reservation.instances())
                        if (!byId.containsKey(i.instanceId())) byId.put(i.instanceId(), Ec2Mapping.instance(i));
            return byId;
        });
    }
}
