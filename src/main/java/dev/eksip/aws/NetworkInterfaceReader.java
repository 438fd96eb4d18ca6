package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.EniFacts;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EC2 ENIs: every one in the subnets read, one paginated {@code DescribeNetworkInterfaces} per 200 subnets (filtered
 * by subnet rather than per instance). Every forecast needs them: a failure is fatal.
 */
final class NetworkInterfaceReader {
    private final Ec2Client ec2;

    NetworkInterfaceReader(Ec2Client ec2) {
        this.ec2 = requireNonNull(ec2, "ec2");
    }

    /** By ENI id. */
    List<EniFacts> inSubnets(Collection<String> subnetIds) {
        return AwsCalls.required("ec2:DescribeNetworkInterfaces", () -> {
            Map<String, NetworkInterface> byId = new TreeMap<>();
            // filter "subnet-id": "network-interface.subnet-id" is not supported everywhere (moto answers 500)
            for (List<String> batch : FilterBatches.of(subnetIds))
                for (NetworkInterface n : ec2.describeNetworkInterfacesPaginator(
                        r -> r.maxResults(1000).filters(f -> f.name("subnet-id").values(batch))).networkInterfaces())
                    byId.putIfAbsent(n.networkInterfaceId(), n);
            return byId.values().stream().map(Ec2Mapping::eniFacts).toList();
        });
    }
}
