package dev.eksip.app.fleet;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One account in one region: the unit the hub audits, fans out (one SQS message each), retries and reports.
 *
 * @param accountId twelve digits
 * @param region    an AWS region name, e.g. {@code eu-west-1}
 */
public record AuditTarget(String accountId, String region) implements Comparable<AuditTarget> {
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Comparator<AuditTarget> ORDER = Comparator.comparing(AuditTarget::accountId)
            .thenComparing(AuditTarget::region);

    /** @throws IllegalArgumentException naming the bad value and what is expected */
    public AuditTarget {
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        if (!ACCOUNT.matcher(accountId).matches())
            throw new IllegalArgumentException("account id '%s': expected 12 digits".formatted(clip(accountId)));
        if (!REGION.matcher(region).matches())
            throw new IllegalArgumentException("region '%s': expected an AWS region name such as eu-west-1"
                    .formatted(clip(region)));
    }

    /** {@code 111122223333/eu-west-1}: the target's key in logs, alert state and the last-audited record. */
    public String key() {
        return accountId + "/" + region;
    }

    /** The inverse of {@link #key()}. @throws IllegalArgumentException when {@code key} is not one */
    public static AuditTarget parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("target '%s': expected ACCOUNT/REGION".formatted(clip(key)));
        return new AuditTarget(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public int compareTo(AuditTarget o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return key();
    }

    static String clip(String s) {
        if (s == null) return "null";
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
