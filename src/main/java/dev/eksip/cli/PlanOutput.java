package dev.eksip.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.plan.PlanResult;

import java.io.UncheckedIOException;

/** Renders a {@link PlanResult} as the JSON of product.md or as a table readable in 100 columns. */
final class PlanOutput {
    static final int WIDTH = 100;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanOutput() {
    }

    static String json(PlanResult plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", plan.model().id());
        plan.sheet().ifPresent(s -> root.put("sheet", s.title()));
        ObjectNode subnet = root.putObject("subnet");
        subnet.put("prefixLength", plan.subnet().prefixLength());
        subnet.put("totalIps", plan.subnet().totalIps());
        subnet.put("usableIps", plan.subnet().usableIps());
        ObjectNode totals = root.putObject("totals");
        totals.put("podsHosted", plan.totals().podsHosted());
        totals.put("subnetIpsUsed", plan.totals().subnetIpsUsed());
        totals.put("subnetIpsRemaining", plan.totals().subnetIpsRemaining());
        ArrayNode rows = root.putArray("instances");
        for (PlanResult.Row r : plan.instances()) {
            ObjectNode o = rows.addObject();
            o.put("instanceType", r.instanceType());
            o.put("count", r.count());
            o.put("podsPerNode", r.podsPerNode());
            if (r.maxPods().isPresent()) o.put("maxPods", r.maxPods().getAsInt());
            else o.putNull("maxPods");
            o.put("enisPerNode", r.enisPerNode());
            o.put("activeEnisPerNode", r.activeEnisPerNode());
            o.put("warmEnisPerNode", r.warmEnisPerNode());
            o.put("secondaryIpsPerNode", r.secondaryIpsPerNode());
            o.put("prefixesPerNode", r.prefixesPerNode());
            o.put("warmIpsPerNode", r.warmIpsPerNode());
            o.put("subnetIpsPerNode", r.subnetIpsPerNode());
            o.put("subnetIpsTotal", r.subnetIpsTotal());
            o.put("podsTotal", r.podsTotal());
            o.put("podsWithoutIp", r.podsWithoutIp());
            o.put("podsUnschedulable", r.podsUnschedulable());
            o.put("branchPodsPerNode", r.branchPodsPerNode());
        }
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
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
