package dev.eksip.cli;

import dev.eksip.app.fleet.TargetSelection;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The organization-wide options of {@code audit --live}: which accounts ({@code --accounts} or
 * {@code --organization [--ou ID]...}) in which regions ({@code --regions}), through which spoke role
 * ({@code --role-name}, {@code --external-id}), how many targets at a time ({@code --target-concurrency}).
 */
final class FleetOptions {
    /** The role {@code spoke-role.yaml} creates unless its RoleName parameter says otherwise. */
    static final String DEFAULT_ROLE = "eks-ip-forecaster-reader";
    static final int DEFAULT_CONCURRENCY = 8;

    @Option(names = "--accounts", paramLabel = "ID", split = ",",
            description = "Audit these accounts (12-digit ids, comma-separated) through their spoke role.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--organization",
            description = "Audit every active account of the AWS Organization (organizations:ListAccounts from the "
                    + "calling account: the management or a delegated administrator account).")
    boolean organization;

    @Option(names = "--ou", paramLabel = "ID", split = ",",
            description = "With --organization: only the accounts under these organizational units (and their "
                    + "child units).")
    List<String> units = new ArrayList<>();

    @Option(names = "--regions", paramLabel = "REGION", split = ",",
            description = "Regions to audit in every account (comma-separated); default: --region or AWS_REGION.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "The spoke role to assume in each account (default: " + DEFAULT_ROLE + ").")
    String roleName;

    @Option(names = "--external-id", paramLabel = "VALUE",
            description = "The external id the spoke role's trust policy requires, if any.")
    String externalId;

    @Option(names = "--target-concurrency", paramLabel = "N",
            description = "Targets audited at a time (default: " + DEFAULT_CONCURRENCY + ").")
    Integer concurrency;

    /** Whether this is an organization-wide audit. */
    boolean given() {
        return !accounts.isEmpty() || organization || !units.isEmpty() || !regions.isEmpty() || roleName != null
                || externalId != null || concurrency != null;
    }

    /**
     * @param defaultRegion the region of the caller's clients, used when {@code --regions} is not given
     * @throws IllegalArgumentException naming the option and what was expected
     */
    TargetSelection selection(String defaultRegion) {
        try {
            return new TargetSelection(accounts, organization, units,
                    regions.isEmpty() ? List.of(defaultRegion) : regions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--accounts/--organization/--ou/--regions: " + e.getMessage(), e);
        }
    }

    String role() {
        return roleName == null ? DEFAULT_ROLE : roleName;
    }

    Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    int concurrency() {
        int n = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        if (n < 1 || n > 64)
            throw new IllegalArgumentException("--target-concurrency: expected 1 to 64, got " + n);
        return n;
    }
}
