package dev.eksip.config;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.fleet.TargetSelection;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hub deployment's configuration (organization-wide audits), present when {@code TARGET_REGIONS} is set:
 * {@code TARGET_ACCOUNTS} ({@code organization} or comma-separated account ids), {@code TARGET_OUS} (with
 * {@code organization}: organizational unit ids), {@code TARGET_REGIONS}, {@code SPOKE_ROLE_NAME} (default
 * {@value #DEFAULT_ROLE}), {@code SPOKE_EXTERNAL_ID} (optional), {@code TARGET_QUEUE_URL} (the fan-out queue),
 * {@code TARGET_STALE_AFTER} (ISO-8601, default {@code PT2H}: a target without a completed audit for that long
 * counts in {@code TargetsNotAudited}).
 */
public record HubConfig(TargetSelection selection, String roleName, Optional<String> externalId, String queueUrl,
                        Duration staleAfter) {
    public static final String DEFAULT_ROLE = "eks-ip-forecaster-reader";
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(2);
    private static final Pattern QUEUE_URL = Pattern.compile("https?://\\S+/\\d{12}/[\\w-]{1,80}(\\.fifo)?");
    private static final Pattern ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");

    public HubConfig {
        requireNonNull(selection, "selection");
        requireNonNull(roleName, "roleName");
        requireNonNull(externalId, "externalId");
        requireNonNull(queueUrl, "queueUrl");
        requireNonNull(staleAfter, "staleAfter");
    }

    /** Empty when {@code TARGET_REGIONS} is unset or blank (a single-account deployment). */
    public static Optional<HubConfig> from(Map<String, String> env) {
        List<String> regions = TargetSelection.list(env.get("TARGET_REGIONS"));
        if (regions.isEmpty()) return Optional.empty();
        String accountsText = env.getOrDefault("TARGET_ACCOUNTS", "").trim();
        boolean organization = accountsText.equalsIgnoreCase("organization");
        TargetSelection selection;
        try {
            selection = new TargetSelection(organization ? List.of() : TargetSelection.list(accountsText), organization,
                    TargetSelection.list(env.get("TARGET_OUS")), regions);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TARGET_ACCOUNTS / TARGET_OUS / TARGET_REGIONS: " + e.getMessage()
                    + " (TARGET_ACCOUNTS is 'organization' or comma-separated account ids)", e);
        }
        String role = env.getOrDefault("SPOKE_ROLE_NAME", "").isBlank() ? DEFAULT_ROLE
                : env.get("SPOKE_ROLE_NAME").trim();
        if (!ROLE.matcher(role).matches())
            throw new IllegalStateException("SPOKE_ROLE_NAME: '%s' is not an IAM role name".formatted(role));
        String queue = env.getOrDefault("TARGET_QUEUE_URL", "").trim();
        if (!QUEUE_URL.matcher(queue).matches())
            throw new IllegalStateException("TARGET_QUEUE_URL: expected the fan-out queue's URL "
                    + "(https://sqs.REGION.amazonaws.com/ACCOUNT/NAME), got '%s'".formatted(queue));
        String staleText = env.getOrDefault("TARGET_STALE_AFTER", "").isBlank() ? DEFAULT_STALE_AFTER.toString()
                : env.get("TARGET_STALE_AFTER").trim();
        Duration stale;
        try {
            stale = Duration.parse(staleText);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("TARGET_STALE_AFTER: expected an ISO-8601 duration such as PT2H, got '%s'"
                    .formatted(staleText), e);
        }
        if (stale.isNegative() || stale.isZero())
            throw new IllegalStateException("TARGET_STALE_AFTER: expected a positive duration, got " + staleText);
        return Optional.of(new HubConfig(selection, role,
                Optional.ofNullable(env.get("SPOKE_EXTERNAL_ID")).map(String::trim).filter(s -> !s.isEmpty()),
                queue, stale));
    }
}
