package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Scope;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EC2 instance types the embedded table lacks: one paginated {@code DescribeInstanceTypes} per 200 types. A failure
 * is one gap for all of them.
 */
final class InstanceTypeReader {
    private final Ec2Client ec2;
    private final AwsCalls calls;
    private final Scope region;

    InstanceTypeReader(Ec2Client ec2, AwsCalls calls, String region) {
        this.ec2 = requireNonNull(ec2, "ec2");
        this.calls = requireNonNull(calls, "calls");
        this.region = Scope.region(region);
    }

    /** The limits of those of {@code types} EC2 describes, by type; empty when the call failed. */
    Optional<List<InstanceLimits>> limits(List<String> types) {
        return calls.gapOr(region, "ec2:DescribeInstanceTypes",
                "limits of instance types %s could not be read".formatted(String.join(", ", types)), () -> {
                    Map<String, InstanceLimits> found = new TreeMap<>();
                    // the "instance-type" filter ignores names EC2 does not know (InstanceTypes=[...] would fail)
                    for (List<String> batch : FilterBatches.of(types))
                        ec2.describeInstanceTypesPaginator(r -> r.maxResults(100)
                                        .filters(f -> f.name("instance-type").values(batch)))
                                .instanceTypes().forEach(t -> Ec2Mapping.instanceLimits(t)
                                        .ifPresent(l -> found.put(l.instanceType(), l)));
                    return List.copyOf(found.values());
                });
    }
}
