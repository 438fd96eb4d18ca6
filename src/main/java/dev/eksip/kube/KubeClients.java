package dev.eksip.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.time.Duration;

/**
 * Builds one fabric8 client per cluster read on the JDK's HttpClient ({@code kubernetes-httpclient-jdk}): from
 * {@link Config#empty()} (no kubeconfig, no service account, no environment is consulted), the endpoint and CA of
 * {@code DescribeCluster}, the EKS bearer token, short timeouts and one retry, so that an unreachable endpoint costs
 * seconds, not minutes.
 */
final class KubeClients {
    private KubeClients() {
    }

    static KubernetesClient create(ClusterAccess access, String token, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        ConfigBuilder b = new ConfigBuilder(Config.empty())
                .withMasterUrl(access.endpoint())
                .withOauthToken(token)
                .withConnectionTimeout(millis)
                .withRequestTimeout(millis)
                .withRequestRetryBackoffLimit(1)
                .withRequestRetryBackoffInterval(200);
        if (!access.caData().isEmpty()) b.withCaCertData(access.caData());
        return new KubernetesClientBuilder().withConfig(b.build())
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
    }
}
