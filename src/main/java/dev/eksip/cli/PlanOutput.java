package dev.eksip.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eksip.plan.PlanResult;

import java.io.UncheckedIOException;

/** Renders a {@link PlanResult} as the JSON of product.md ({@link PlanJsonV1}) or as a table readable in 100 columns. */
final class PlanOutput {
    static final int WIDTH = 100;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanOutput() {
    }

    static String json(PlanResult plan) {
        try {
            return MAPPER.writeValueAsString(PlanJsonV1.of(plan)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String table(PlanResult plan) {
        StringBuilder out = new StringBuilder();
        out.append("model %s%s, subnet /%d: %d addresses, %d usable%n".formatted(plan.model().id(),
                plan.sheet().map(s -> " (" + s.title() + " sheet)").orElse(""), plan.subnet().prefixLength(),
                plan.subnet().totalIps(), plan.subnet().usableIps()));
        String head = "%-18s%6s%6s%6s%5s%5s%5s%8s%5s%8s%9s%10s%6s%n";
        out.append(head.formatted("INSTANCE TYPE", "NODES", "PODS", "MAXP", "ENIS", "ACT", "WARM", "SEC.IP",
                "PFX", "WARM.IP", "IPS/NODE", "IPS TOTAL", "NO IP"));
        String line = "%-18s%6d%6d%6s%5d%5d%5d%8d%5d%8d%9d%10d%6d%n";
        long nodes = 0;
        for (PlanResult.Row r : plan.instances()) {
            nodes += r.count();
            out.append(line.formatted(r.instanceType(), r.count(), r.podsPerNode(),
                    r.maxPods().isPresent() ? Integer.toString(r.maxPods().getAsInt()) : "n/a", r.enisPerNode(),
                    r.activeEnisPerNode(), r.warmEnisPerNode(), r.secondaryIpsPerNode(), r.prefixesPerNode(),
                    r.warmIpsPerNode(), r.subnetIpsPerNode(), r.subnetIpsTotal(), r.podsWithoutIp()));
        }
        out.append("%-18s%6d%67d%n".formatted("TOTAL", nodes, plan.totals().subnetIpsUsed())); // under IPS TOTAL
        out.append("pods hosted %d; subnet IPs used %d of %d usable; %d remaining%s%n".formatted(
                plan.totals().podsHosted(), plan.totals().subnetIpsUsed(), plan.subnet().usableIps(),
                plan.totals().subnetIpsRemaining(), plan.totals().subnetIpsRemaining() < 0 ? " (OVER-SUBSCRIBED)" : ""));
        plan.blocks().ifPresent(b -> out.append(("/28 blocks: %d free, %d prefixes needed; left packed %d, random "
                + "/32 placement expected %d, p10 %d; all placed in %.1f%% of runs%n").formatted(b.freeBlocksNow(),
                b.prefixesNeeded(), b.freeBlocksLeft().packed(), b.freeBlocksLeft().expected(),
                b.freeBlocksLeft().pessimistic(), 100 * b.allPlacedShare())));
        if (!plan.notes().isEmpty()) {
            out.append("notes:").append(System.lineSeparator());
            for (int i = 0; i < plan.notes().size(); i++) wrap(out, "%2d. ".formatted(i + 1), plan.notes().get(i));
        }
        return out.toString();
    }

    /** Word-wraps one note to {@link #WIDTH} columns with a hanging indent. */
    private static void wrap(StringBuilder out, String label, String text) {
        String indent = " ".repeat(label.length());
        StringBuilder current = new StringBuilder(label);
        for (String word : text.split(" ")) {
            if (current.length() + 1 + word.length() > WIDTH && current.length() > indent.length()) {
                out.append(current.toString().stripTrailing()).append(System.lineSeparator());
                current = new StringBuilder(indent);
            } else if (current.length() > label.length() && !current.toString().endsWith(" ")) {
                current.append(' ');
            }
            current.append(word);
        }
        out.append(current).append(System.lineSeparator());
    }
}
