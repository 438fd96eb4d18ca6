package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eksip.app.AwsCallException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * IAM Identity Center profiles resolve with the {@code sso} and {@code ssooidc} modules on the class path (moto has
 * no SSO portal, so at the SDK's profile parsing: the provider gets as far as the missing login), and credentials
 * failures are told apart from other SDK failures.
 */
class AwsLoginTest {
    /** An {@code sso_session} profile, as {@code aws configure sso} writes it. */
    static final String SSO_CONFIG = """
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = ReadOnly
            region = eu-west-1

            [sso-session corp]
            sso_start_url = https://corp-eks-ip-forecaster-test.awsapps.com/start
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void ssoProfile() throws IOException {
        Files.writeString(dir.resolve("config"), SSO_CONFIG);
        Files.writeString(dir.resolve("credentials"), "");
        // the system-property forms of AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_EC2_METADATA_DISABLED
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.disableEc2Metadata");
    }

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
