package dev.eksip.kube;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The bearer token an EKS API server accepts, in the format aws-iam-authenticator defines
 * (kubernetes-sigs/aws-iam-authenticator {@code pkg/token/token.go}, {@code GetWithSTS} and {@code Verify}):
 * {@code "k8s-aws-v1."} + unpadded base64url ({@code base64.RawURLEncoding}) of a presigned STS
 * {@code GetCallerIdentity} URL on the regional endpoint ({@code https://sts.REGION.amazonaws.com/}), whose signature
 * covers the header {@code x-k8s-aws-id: CLUSTER}, presigned for 60 seconds ({@code X-Amz-Expires=60}, the value
 * authenticators check). STS honours the URL for 15 minutes after {@code X-Amz-Date}; one token serves one cluster
 * read. Signed with SDK v2's {@link AwsV4HttpSigner} (query-string presigning); no call is made to STS here.
 */
final class EksToken {
    static final String PREFIX = "k8s-aws-v1.";
    static final String CLUSTER_HEADER = "x-k8s-aws-id";
    static final Duration PRESIGN_EXPIRY = Duration.ofSeconds(60);

    private EksToken() {
    }

    /** A token for {@code cluster} in {@code region}, signed at {@code clock}'s time with {@code credentials}. */
    static String create(AwsCredentialsIdentity credentials, String region, String cluster, Clock clock) {
        requireNonNull(credentials, "credentials");
        requireNonNull(region, "region");
        requireNonNull(cluster, "cluster");
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(stsHost(region))
                .encodedPath("/")
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_HEADER, cluster)
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, PRESIGN_EXPIRY)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        String url = signed.getUri().toString();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(UTF_8));
    }

    /** The regional STS host (aws-iam-authenticator's verifier accepts the partition's regional hosts). */
    static String stsHost(String region) {
        return region.startsWith("cn-") ? "sts.%s.amazonaws.com.cn".formatted(region) : "sts.%s.amazonaws.com".formatted(region);
    }
}
