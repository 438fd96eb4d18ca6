package dev.eksip.kube;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.function.Function;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * What exact mode needs from AWS for each cluster: its API endpoint and CA ({@code eks:DescribeCluster}, already in
 * the read-only policy) and a bearer token signed with the same credentials the AWS reads use ({@link EksToken}).
 * A private-only endpoint resolves only inside the VPC (operations.md "Exact mode").
 */
public final class EksEndpoints implements Function<String, ClusterAccess> {
    private final EksClient eks;

    public EksEndpoints(EksClient eks) {
        this.eks = requireNonNull(eks, "eks");
    }

    @Override
    public ClusterAccess apply(String cluster) {
        Cluster c = eks.describeCluster(r -> r.name(cluster)).cluster();
        if (c.endpoint() == null || c.endpoint().isEmpty())
            throw new IllegalStateException("DescribeCluster returned no endpoint for " + cluster);
        String ca = c.certificateAuthority() == null || c.certificateAuthority().data() == null ? ""
                : c.certificateAuthority().data();
        return new ClusterAccess(cluster, c.endpoint(), ca);
    }

    /** Bearer tokens for {@code region}'s clusters from {@code credentials}, signed at {@code clock}'s time. */
    public static Function<String, String> tokens(AwsCredentialsProvider credentials, String region, Clock clock) {
        requireNonNull(credentials, "credentials");
        return cluster -> {
            AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
            return EksToken.create(identity, region, cluster, clock);
        };
    }
}
