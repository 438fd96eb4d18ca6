package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.EniFacts;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EC2 ENIs: every one in the subnets read, one paginated {@code DescribeNetworkInterfaces} per 200 subnets (filtered
 * by subnet rather than per instance; the batches side by side under the {@link ReadPool} bound). Each page is mapped
 * to {@link EniFacts} as it arrives, so no SDK {@code NetworkInterface} outlives its page. Every forecast needs them:
 * a failure is fatal.
 */
final class NetworkInterfaceReader {
    private final Ec2Client ec2;

    NetworkInterfaceReader(Ec2Client ec2) {
        this.ec2 = requireNonNull(ec2, "ec2");
    }

    /** By ENI id; an ENI found by two batches is taken from the first. */
    List<EniFacts> inSubnets(Collection<String> subnetIds, ReadPool pool, AwsCalls calls) {
        return FilterBatches.readMerged(subnetIds, pool, calls, this::batch);
    }

    private Map<String, EniFacts> batch(List<String> subnetIds) {
        return AwsCalls.required("ec2:DescribeNetworkInterfaces", () -> {
            Map<String, EniFacts> byId = new TreeMap<>();
            // filter "subnet-id": "network-interface.subnet-id" is not supported everywhere (moto answers 500)
            for (DescribeNetworkInterfacesResponse page : ec2.describeNetworkInterfacesPaginator(
                    r -> r.maxResults(1000).filters(f -> f.name("subnet-id").values(subnetIds))))
                for (NetworkInterface n : page.networkInterfaces())
                    if (!byId.containsKey(n.networkInterfaceId())) byId.put(n.networkInterfaceId(), Ec2Mapping.eniFacts(n));
            return byId;
        });
    }
}
