package dev.eksip.aws;

import dev.eksip.app.AwsCallException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.List;

/**
 * The region's EKS cluster names ({@code eks:ListClusters}), for telling a user which clusters exist when a
 * {@code --cluster} they named does not.
 */
public final class ClusterNames {
    private ClusterNames() {
    }

    /**
     * @return the names, sorted
     * @throws AwsCallException the call failed
     */
    public static List<String> list(AwsClients clients) {
        try {
            return clients.eks().listClustersPaginator(r -> r.maxResults(100)).clusters().stream().sorted().toList();
        } catch (AwsServiceException e) {
            throw new AwsCallException("eks:ListClusters", e.awsErrorDetails() == null ? "AwsServiceException"
                    : e.awsErrorDetails().errorCode(), e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new AwsCallException("eks:ListClusters", "SdkClientException", e.getMessage(), e);
        }
    }
}
