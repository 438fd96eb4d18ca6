package dev.eksip.cli;

import dev.eksip.aws.AwsLogin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --profile} and {@code --region} of the commands that call AWS ({@code audit --live},
 * {@code inventory export}, {@code invoke}): they stand for {@code AWS_PROFILE} and {@code AWS_REGION} for this
 * run and win over the variables. A credentials failure (an IAM Identity Center login missing or expired, no
 * credentials at all) becomes one line saying what to do, not the SDK's provider-chain dump ({@code --debug}
 * still shows it).
 */
final class AwsOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile to use (instead of AWS_PROFILE); an IAM Identity Center (sso_session) "
                    + "profile works once `aws sso login --profile NAME` has run.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (instead of AWS_REGION, AWS_DEFAULT_REGION or the profile's region).")
    String region;

    /** Whether either option was given. */
    boolean given() {
        return profile != null || region != null;
    }

    /** {@code env} with {@code AWS_PROFILE} and {@code AWS_REGION} replaced by the options given. */
    Map<String, String> applyTo(Map<String, String> env) {
        Map<String, String> applied = new HashMap<>(env);
        if (profile != null) applied.put(AwsLogin.PROFILE, profile);
        if (region != null) applied.put("AWS_REGION", region);
        return Map.copyOf(applied);
    }

    /**
     * {@code e} as a one-line {@link CliFailure.AwsFailure} (exit 3) telling what to do when it is a credentials
     * failure of the clients built from {@code env}; else {@code e} itself.
     */
    static RuntimeException explain(RuntimeException e, Map<String, String> env) {
        Optional<AwsLogin.Failure> failure = AwsLogin.failure(e);
        if (failure.isEmpty()) return e;
        Optional<String> profile = AwsLogin.profile(env);
        String line = switch (failure.get()) {
            case SSO_LOGIN -> profile
                    .map(p -> ("the IAM Identity Center login of profile '%s' is missing or expired: run `aws sso "
                            + "login --profile %s`").formatted(p, p))
                    .orElse("the IAM Identity Center login of the default profile is missing or expired: run "
                            + "`aws sso login`");
            case NO_CREDENTIALS -> profile
                    .map(p -> ("no AWS credentials for profile '%s': run `aws sso login --profile %s` if it is an IAM "
                            + "Identity Center profile, else check it with `aws configure list --profile %s`")
                            .formatted(p, p, p))
                    .orElse("no AWS credentials: pass --profile NAME or set AWS_PROFILE (for IAM Identity Center, "
                            + "after `aws sso login --profile NAME`), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        };
        return new CliFailure.AwsFailure(line, e);
    }
}
