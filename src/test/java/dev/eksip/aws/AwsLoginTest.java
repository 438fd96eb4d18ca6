package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eksip.app.AwsCallException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

import java.util.Map;

@org.junit.jupiter.api.extension.ExtendWith(dev.eksip.testing.aws.SsoProfileFiles.class)
/**
 * IAM Identity Center profiles resolve with the {@code sso} and {@code ssooidc} modules on the class path (moto has
 * no SSO portal, so at the SDK's profile parsing: the provider gets as far as the missing login), and credentials
 * failures are told apart from other SDK failures.
 */
class AwsLoginTest {
    /** An {@code sso_session} profile, as {@code aws configure sso} writes it. */

    @Test
    void anSsoSessionProfileGetsAsFarAsTheMissingLoginNotAsFarAsAMissingModule() {
        Throwable e = catchThrowable(() -> AwsLogin.credentials(Map.of(AwsLogin.PROFILE, "dev")).resolveCredentials());

        assertThat(e).isInstanceOf(SdkClientException.class)
                .hasMessageNotContaining("must be on the class path")
                .hasMessageContaining("aws sso login");
        assertThat(AwsLogin.failure(e)).contains(AwsLogin.Failure.SSO_LOGIN);
        assertThat(AwsLogin.failure(new AwsCallException("eks:ListClusters", "SdkClientException", e.getMessage(), e)))
                .contains(AwsLogin.Failure.SSO_LOGIN);
    }

    @Test
    void theProfileChosenInTheEnvironmentMapGivesTheRegion() {
        assertThat(AwsClients.region(Map.of(AwsLogin.PROFILE, "dev"))).isEqualTo(Region.EU_WEST_1);
        assertThat(AwsClients.region(Map.of(AwsLogin.PROFILE, "dev", "AWS_REGION", "us-east-2")))
                .isEqualTo(Region.US_EAST_2);
        assertThat(AwsLogin.profile(Map.of(AwsLogin.PROFILE, " "))).isEmpty();
    }

    @Test
    void otherFailuresAreNotCredentialsFailures() {
        assertThat(AwsLogin.failure(SdkClientException.create("Unable to execute HTTP request: Connection refused")))
                .isEmpty();
        assertThat(AwsLogin.failure(new IllegalStateException("no"))).isEmpty();
        assertThat(AwsLogin.failure(SdkClientException.create("Unable to load credentials from any of the providers "
                + "in the chain AwsCredentialsProviderChain(…)"))).contains(AwsLogin.Failure.NO_CREDENTIALS);
    }
}
