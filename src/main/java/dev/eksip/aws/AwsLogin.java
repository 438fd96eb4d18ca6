package dev.eksip.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Map;
import java.util.Optional;

/**
 * Who the clients log in as: the SDK's default credentials chain, for the profile {@code AWS_PROFILE} names in the
 * environment map the clients are built from (so a caller can choose a profile without touching the process
 * environment), and which failures mean "no usable credentials". IAM Identity Center profiles
 * ({@code sso_session} or {@code sso_start_url}) need the {@code sso} and {@code ssooidc} modules on the class
 * path: the SDK's profile provider loads them by reflection.
 */
public final class AwsLogin {
    /** The environment variable (and the CLI's {@code --profile}) that selects the profile. */
    public static final String PROFILE = "AWS_PROFILE";

    /** What kind of credentials failure an exception is. */
    public enum Failure {
        /** An IAM Identity Center profile without a valid token: {@code aws sso login} fixes it. */
        SSO_LOGIN,
        /** No provider of the chain found credentials (no profile, no keys, no role). */
        NO_CREDENTIALS
    }

    private AwsLogin() {
    }

    /** The profile {@code env} selects, if any. */
    public static Optional<String> profile(Map<String, String> env) {
        return Optional.ofNullable(env.get(PROFILE)).map(String::trim).filter(p -> !p.isEmpty());
    }

    /** The default credentials chain, for the profile {@code env} selects (else the SDK's own choice). */
    static AwsCredentialsProvider credentials(Map<String, String> env) {
        DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
        profile(env).ifPresent(builder::profileName);
        return builder.build();
    }

    /**
     * Whether {@code e} or one of its causes is the SDK failing to load credentials (the chain's
     * "Unable to load credentials from any of the providers", or an SSO token that is missing or expired), and
     * which kind: an expired or missing IAM Identity Center login is told apart by the SSO provider's message.
     */
    public static Optional<Failure> failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            boolean sso = message.contains("aws sso login") || message.contains("SSO session")
                    || message.contains("SSO token") || t.getClass().getName().contains(".services.sso");
            if (t instanceof SdkClientException && message.startsWith("Unable to load credentials"))
                return Optional.of(sso ? Failure.SSO_LOGIN : Failure.NO_CREDENTIALS);
            if (sso && t instanceof SdkClientException) return Optional.of(Failure.SSO_LOGIN);
        }
        return Optional.empty();
    }
}
