package dev.eksip.app.fleet;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which targets to audit: the accounts (an explicit list, or the organization / some of its units through
 * {@link AccountDirectory}) crossed with the regions. Built from the function's {@code TARGET_ACCOUNTS},
 * {@code TARGET_OUS}, {@code TARGET_REGIONS} or the CLI's {@code --accounts}, {@code --organization},
 * {@code --ou}, {@code --regions}.
 *
 * @param accounts explicit account ids; empty with {@code organization} = ask the directory
 * @param organization whether the accounts come from AWS Organizations
 * @param units    organizational unit ids (only with {@code organization}); empty = the whole organization
 * @param regions  at least one region
 */
public record TargetSelection(List<String> accounts, boolean organization, List<String> units, List<String> regions) {
    private static final Pattern UNIT = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");

    /** @throws IllegalArgumentException naming the field and what was expected */
    public TargetSelection {
        accounts = List.copyOf(accounts);
        units = List.copyOf(units);
        regions = List.copyOf(regions);
        if (organization == !accounts.isEmpty())
            throw new IllegalArgumentException(organization
                    ? "accounts: give an explicit account list or the organization, not both"
                    : "accounts: expected a list of 12-digit account ids or the organization, got neither");
        if (!organization && !units.isEmpty())
            throw new IllegalArgumentException("organizational units: only with the organization as account source");
        for (String unit : units)
            if (!UNIT.matcher(unit).matches())
                throw new IllegalArgumentException("organizational unit '%s': expected an id such as ou-ab12-cd34ef56"
                        .formatted(AuditTarget.clip(unit)));
        if (regions.isEmpty()) throw new IllegalArgumentException("regions: expected at least one region");
        for (String account : accounts) new AuditTarget(account, regions.get(0));   // validates the id
        for (String region : regions) new AuditTarget("000000000000", region);       // validates the name
    }

    /** A comma-separated list (blanks and empty items ignored). */
    public static List<String> list(String commaSeparated) {
        List<String> out = new ArrayList<>();
        if (commaSeparated == null) return out;
        for (String item : commaSeparated.split(",")) if (!item.isBlank()) out.add(item.trim());
        return out;
    }

    /**
     * The targets, sorted by account then region, each once; accounts the directory skipped are in
     * {@link Resolved#skipped()}.
     */
    public Resolved resolve(AccountDirectory directory) {
        requireNonNull(directory, "directory");
        AccountDirectory.Listing listing = organization ? directory.accounts(units)
                : new AccountDirectory.Listing(accounts, java.util.Map.of());
        TreeSet<AuditTarget> targets = new TreeSet<>();
        for (String account : listing.active())
            for (String region : regions) targets.add(new AuditTarget(account, region));
        return new Resolved(List.copyOf(targets), listing.skipped());
    }

    /** @param skipped account id → reason (suspended …) */
    public record Resolved(List<AuditTarget> targets, java.util.Map<String, String> skipped) {
        public Resolved {
            targets = List.copyOf(targets);
            skipped = java.util.Map.copyOf(skipped);
        }
    }
}
