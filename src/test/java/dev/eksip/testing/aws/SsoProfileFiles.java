package dev.eksip.testing.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that points the AWS SDK at a temporary config file with an IAM Identity Center profile
 * {@code dev} (an {@code sso_session} named {@code corp}, never logged in) and an empty credentials file, and turns
 * off the EC2 metadata lookup: through the SDK's system-property forms of {@code AWS_CONFIG_FILE},
 * {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_EC2_METADATA_DISABLED}, restored after each test.
 */
public final class SsoProfileFiles implements BeforeEachCallback, AfterEachCallback {
    public static final String PROFILE = "dev";
    static final String CONFIG = """
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = ReadOnly
            region = eu-west-1

            [sso-session corp]
            sso_start_url = https://corp-eks-ip-forecaster-test.awsapps.com/start
            sso_region = eu-west-1
            """;
    private static final String[] PROPERTIES = {"aws.configFile", "aws.sharedCredentialsFile", "aws.disableEc2Metadata"};

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            Path dir = Files.createTempDirectory("aws-config");
            Files.writeString(dir.resolve("config"), CONFIG);
            Files.writeString(dir.resolve("credentials"), "");
            System.setProperty(PROPERTIES[0], dir.resolve("config").toString());
            System.setProperty(PROPERTIES[1], dir.resolve("credentials").toString());
            System.setProperty(PROPERTIES[2], "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (String p : PROPERTIES) System.clearProperty(p);
    }
}
