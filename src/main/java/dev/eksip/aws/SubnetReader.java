package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.InventoryAssembler.SubnetQuery;
import dev.eksip.app.inventory.SubnetFacts;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * EC2 subnets: every one referenced plus the subnet-discovery candidates ({@code kubernetes.io/role/cni}) and the
 * load balancers' subnets ({@code kubernetes.io/role/elb}, {@code …/internal-elb}) in the clusters' VPCs, usually in one paginated {@code DescribeSubnets} by VPC (a second by subnet id when a referenced
 * subnet lies elsewhere or a cluster reports no VPC); a failure is fatal. Then {@code GetSubnetCidrReservations} per
 * subnet (the API takes one subnet); a failure there is a gap.
 */
final class SubnetReader {
    private final Ec2Client ec2;
    private final AwsCalls calls;

    SubnetReader(Ec2Client ec2, AwsCalls calls) {
        this.ec2 = requireNonNull(ec2, "ec2");
        this.calls = requireNonNull(calls, "calls");
    }

    /** The subnets {@code query} asks for, by id, without their reservations. */
    List<SubnetFacts> subnets(SubnetQuery query) {
        Map<String, SubnetFacts> subnets = new TreeMap<>();
        Set<String> referenced = query.referenced();
        if (query.everyVpcKnown()) {
            // usually one page: every subnet of the clusters' VPCs, keeping the referenced ones and candidates
            for (SubnetFacts s : describe("vpc-id", query.vpcs(), List.of()))
                if (referenced.contains(s.subnetId()) || s.cniCandidate() || s.loadBalancerSubnet())
                    subnets.put(s.subnetId(), s);
            Set<String> elsewhere = new TreeSet<>(referenced);
            elsewhere.removeAll(subnets.keySet());
            if (!elsewhere.isEmpty()) describe("subnet-id", elsewhere, List.of()).forEach(s -> subnets.put(s.subnetId(), s));
        } else {
            // a cluster without a VPC id (moto; a cluster being created): its subnets name the VPC
            if (!referenced.isEmpty()) describe("subnet-id", referenced, List.of()).forEach(s -> subnets.put(s.subnetId(), s));
            Set<String> vpcs = new TreeSet<>(query.vpcs());
            subnets.values().forEach(s -> { if (!s.subnet().vpcId().isEmpty()) vpcs.add(s.subnet().vpcId()); });
            if (!vpcs.isEmpty()) {
                Filter tagged = Filter.builder().name("tag-key").values(SubnetFacts.CNI_ROLE_TAG,
                        Subnet.ELB_ROLE_TAG, Subnet.INTERNAL_ELB_ROLE_TAG).build();
                for (SubnetFacts s : describe("vpc-id", vpcs, List.of(tagged)))
                    if (s.cniCandidate() || s.loadBalancerSubnet()) subnets.putIfAbsent(s.subnetId(), s);
            }
        }
        return List.copyOf(subnets.values());
    }

    /** The subnet's CIDR reservations, sorted by CIDR; those read before a failure (a gap) are kept. */
    List<Subnet.CidrReservation> reservations(String subnetId) {
        List<SubnetCidrReservation> out = new ArrayList<>();
        calls.gapOr(new Scope.OfSubnet(subnetId), "ec2:GetSubnetCidrReservations",
                "CIDR reservations of subnet %s could not be read".formatted(subnetId), () -> {
                    // no SDK paginator for this API: follow NextToken by hand
                    String token = null;
                    do {
                        String next = token;
                        GetSubnetCidrReservationsResponse page = ec2.getSubnetCidrReservations(r -> r
                                .subnetId(subnetId).maxResults(1000).nextToken(next));
                        out.addAll(page.subnetIpv4CidrReservations());
                        token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
                    } while (token != null);
                    return out;
                });
        return Ec2Mapping.reservations(out);
    }

    private List<SubnetFacts> describe(String filterName, Collection<String> values, List<Filter> extra) {
        return AwsCalls.required("ec2:DescribeSubnets", () -> {
            List<SubnetFacts> out = new ArrayList<>();
            for (List<String> batch : FilterBatches.of(values)) {
                List<Filter> filters = new ArrayList<>(extra);
                filters.add(Filter.builder().name(filterName).values(batch).build());
                ec2.describeSubnetsPaginator(r -> r.maxResults(1000).filters(filters)).subnets()
                        .forEach(s -> out.add(Ec2Mapping.subnetFacts(s)));
            }
            return out;
        });
    }
}
