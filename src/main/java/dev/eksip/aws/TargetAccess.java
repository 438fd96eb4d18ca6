package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.fleet.AuditTarget;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hub's way into a target: {@code sts:AssumeRole} of the spoke role ({@code arn:<partition>:iam::<account>:role/
 * <name>}, deployed by {@code spoke-role.yaml}) with the configured external id, from the hub's own region, then
 * clients in the target's region with those credentials (refreshed by the SDK before they expire). The role is
 * assumed eagerly, so that a missing role, a trust policy that does not trust the hub, or a wrong external id is one
 * failure naming {@code sts:AssumeRole} and the role — not a confusing failure of the first EC2 call.
 */
public final class TargetAccess implements AutoCloseable {
    public static final List<String> IAM_ACTIONS = List.of("sts:AssumeRole");
    /** Session name in the spoke account's CloudTrail: who read the account. */
    static final String SESSION_NAME = "eks-ip-forecaster";
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private final AwsClients hub;
    private final String roleName;
    private final Optional<String> externalId;
    private final StsClient sts;

    private TargetAccess(AwsClients hub, String roleName, Optional<String> externalId) {
        this.hub = requireNonNull(hub, "hub");
        this.roleName = requireNonNull(roleName, "roleName");
        this.externalId = requireNonNull(externalId, "externalId");
        this.sts = hub.client(StsClient.builder(), "STS");
    }

    /** @throws IllegalArgumentException when {@code roleName} is not an IAM role name */
    public static TargetAccess using(AwsClients hub, String roleName, Optional<String> externalId) {
        if (roleName == null || !ROLE_NAME.matcher(roleName).matches())
            throw new IllegalArgumentException("spoke role name '%s': expected an IAM role name (1-64 of letters, "
                    + "digits and +=,.@_-)".formatted(roleName));
        return new TargetAccess(hub, roleName, externalId.filter(s -> !s.isBlank()));
    }

    /** {@code arn:aws:iam::111122223333:role/NAME} in the target region's partition. */
    public String roleArn(AuditTarget target) {
        String partition = Optional.ofNullable(Region.of(target.region()).metadata())
                .map(m -> m.partition().id()).orElse("aws");
        return "arn:%s:iam::%s:role/%s".formatted(partition, target.accountId(), roleName);
    }

    /**
     * Clients in {@code target}'s account and region; the caller closes them.
     *
     * @throws AwsCallException naming {@code sts:AssumeRole} and the role when it cannot be assumed
     */
    public AwsClients clients(AuditTarget target) {
        String arn = roleArn(target);
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(arn).roleSessionName(SESSION_NAME)
                .durationSeconds(900);
        externalId.ifPresent(request::externalId);
        StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts).refreshRequest(request.build()).asyncCredentialUpdateEnabled(false).build();
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            credentials.close();
            throw new AwsCallException("sts:AssumeRole", AwsCalls.errorCode(e),
                    "%s: %s".formatted(arn, e.getMessage()), e);
        }
        // the provider holds no thread (asynchronous refresh off) and nothing to release beyond garbage
        return hub.forTarget(Region.of(target.region()), credentials);
    }

    @Override
    public void close() {
        sts.close();
    }
}
