package dev.eksip.app.fleet;

import java.util.List;

/** Port: the organization's accounts (AWS Organizations in production). */
public interface AccountDirectory {
    /**
     * The active accounts of the organization, or of the given organizational units and every unit below them;
     * suspended (and closing) accounts are left out, each named in {@code skipped}.
     *
     * @param units organizational unit ids ({@code ou-…}); empty = the whole organization
     */
    Listing accounts(List<String> units);

    /**
     * @param active  account ids to audit, sorted, distinct
     * @param skipped account id → why it is not audited (e.g. {@code SUSPENDED})
     */
    record Listing(List<String> active, java.util.Map<String, String> skipped) {
        public Listing {
            active = active.stream().distinct().sorted().toList();
            skipped = java.util.Map.copyOf(skipped);
        }
    }
}
