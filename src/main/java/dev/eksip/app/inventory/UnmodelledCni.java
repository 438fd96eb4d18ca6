package dev.eksip.app.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * aws-node variables that change where pod addresses come from but are not modelled, reported as a cluster note
 * when set: {@code ENABLE_MULTI_NIC} (ipamd attaches pod ENIs on every network card of a multi-card type; the
 * forecast counts the default card's ENIs only). Booleans as Go's {@code strconv.ParseBool} reads them.
 */
final class UnmodelledCni {
    static final String ENABLE_MULTI_NIC = "ENABLE_MULTI_NIC";
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

    private UnmodelledCni() {
    }

    /** @param where where {@code env} was read, e.g. "the vpc-cni add-on's configuration values" */
    static List<String> notes(Map<String, String> env, String where) {
        List<String> out = new ArrayList<>(1);
        if (TRUE.contains(env.getOrDefault(ENABLE_MULTI_NIC, "")))
            out.add(("ENABLE_MULTI_NIC is set in %s: pod ENIs on network cards other than the default are not "
                     + "modelled (only card 0's ENIs are forecast), so multi-card nodes may take more addresses.")
                    .formatted(where));
        return out;
    }

    /** {@code notes} followed by the notes of {@code env} not among them. */
    static List<String> adding(List<String> notes, Map<String, String> env, String where) {
        List<String> out = new ArrayList<>(notes);
        for (String n : notes(env, where))
            if (out.stream().noneMatch(o -> o.startsWith(ENABLE_MULTI_NIC))) out.add(n);
        return out;
    }
}
