package dev.eksip.kube;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The token format of aws-iam-authenticator ({@code pkg/token/token.go}: {@code GetWithSTS}, {@code Verify}). */
class EksTokenTest {
    private static final Clock AT = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC);
    private static final AwsCredentialsIdentity KEYS = AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret");

    @Test
    void prefixThenUnpaddedBase64UrlOfAnHttpsStsUrl() {
        String token = EksToken.create(KEYS, "eu-west-1", "prod", AT);

        assertThat(token).startsWith("k8s-aws-v1.");
        String body = token.substring("k8s-aws-v1.".length());
        assertThat(body).doesNotContain("=").doesNotContain("+").doesNotContain("/").matches("[A-Za-z0-9_-]+");
        URI url = URI.create(new String(Base64.getUrlDecoder().decode(body), UTF_8));
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
        assertThat(url.getPath()).isEqualTo("/");
        assertThat(token.length()).isLessThan(4 * 1024);    // the verifier's maxTokenLenBytes
    }

    @Test
    void presignedGetCallerIdentityFor60SecondsSigningTheClusterHeader() {
        Map<String, String> q = query(EksToken.create(KEYS, "eu-west-1", "prod", AT));

        assertThat(q).containsEntry("Action", "GetCallerIdentity").containsEntry("Version", "2011-06-15")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Expires", "60")
                .containsEntry("X-Amz-Date", "20261202T010000Z")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20261202/eu-west-1/sts/aws4_request")
                .containsKey("X-Amz-Signature");
        assertThat(q.get("X-Amz-SignedHeaders").split(";")).contains("host", "x-k8s-aws-id");
        // every parameter is one the verifier's parameterWhitelist accepts
        assertThat(q.keySet()).allMatch(k -> java.util.Set.of("action", "version", "x-amz-algorithm",
                "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-security-token", "x-amz-signature",
                "x-amz-signedheaders").contains(k.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void theClusterNameIsPartOfTheSignatureAndSessionTokensTravel() {
        Map<String, String> prod = query(EksToken.create(KEYS, "eu-west-1", "prod", AT));
        Map<String, String> dev = query(EksToken.create(KEYS, "eu-west-1", "dev", AT));
        assertThat(prod.get("X-Amz-Signature")).isNotEqualTo(dev.get("X-Amz-Signature"));

        Map<String, String> session = query(EksToken.create(
                AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", "secret", "the-session"), "us-east-1", "p", AT));
        assertThat(session).containsEntry("X-Amz-Security-Token", "the-session");
    }

    private static Map<String, String> query(String token) {
        String url = new String(Base64.getUrlDecoder().decode(token.substring("k8s-aws-v1.".length())), UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : URI.create(url).getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            out.put(URLDecoder.decode(kv.substring(0, eq), UTF_8), URLDecoder.decode(kv.substring(eq + 1), UTF_8));
        }
        return out;
    }
}
