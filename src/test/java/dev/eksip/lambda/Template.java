package dev.eksip.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code template.yaml} read as a tree (CloudFormation short-form tags are kept as plain values). */
final class Template {
    static final Path FILE = Path.of("template.yaml");
    final JsonNode root;

    private Template(JsonNode root) {
        this.root = root;
    }

    static Template load() {
        try {
            return new Template(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's {@code <version>} in {@code pom.xml}. */
    static String pomVersion() {
        return pomElement("version");
    }

    /** The project's {@code <url>} in {@code pom.xml}. */
    static String pomUrl() {
        return pomElement("url");
    }

    private static String pomElement(String name) {
        try {
            var project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                    .getDocumentElement();
            for (var n = project.getFirstChild(); n != null; n = n.getNextSibling())
                if (n.getNodeName().equals(name)) return n.getTextContent().trim();
            throw new AssertionError("pom.xml has no project <" + name + ">");
        } catch (Exception e) {
            throw new AssertionError("pom.xml unreadable", e);
        }
    }

    JsonNode resource(String name) {
        JsonNode r = root.path("Resources").path(name);
        if (r.isMissingNode()) throw new AssertionError("template has no resource " + name);
        return r;
    }

    List<String> resourcesOfType(String type) {
        List<String> out = new ArrayList<>();
        root.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) out.add(e.getKey());
        });
        return out;
    }

    private static final java.util.regex.Pattern INSIGHTS = java.util.regex.Pattern.compile(
            "SELECT \\w+\\((\\w+)\\) FROM SCHEMA\\(\"\\$\\{MetricNamespace}\"((?:,\\s*\\w+)*)\\)");

    /**
     * Every metric of {@code MetricNamespace} that an alarm or a dashboard widget reads: by name and dimensions
     * ({@code SCHEMA(ns, D1, D2)} reads exactly the metrics with those dimensions; a listed metric those listed).
     */
    Set<dev.eksip.app.MetricMapping.Kind> metricsRead() {
        Set<dev.eksip.app.MetricMapping.Kind> out = new java.util.HashSet<>();
        int queries = 0;
        for (String alarm : resourcesOfType("AWS::CloudWatch::Alarm")) {
            JsonNode p = resource(alarm).path("Properties");
            if (p.path("Namespace").asText().equals("MetricNamespace")) {   // !Ref MetricNamespace
                List<String> dims = new ArrayList<>();
                p.path("Dimensions").forEach(d -> dims.add(d.path("Name").asText()));
                out.add(new dev.eksip.app.MetricMapping.Kind(p.path("MetricName").asText(), dims));
            }
            for (JsonNode m : p.path("Metrics")) {
                if (!m.has("Expression")) throw new AssertionError(alarm + ": only Metrics Insights queries are read here");
                out.add(insights(m.path("Expression").asText()));
                queries++;
            }
        }
        for (String dashboard : resourcesOfType("AWS::CloudWatch::Dashboard")) {
            JsonNode body;
            try {
                body = new ObjectMapper().readTree(resource(dashboard).path("Properties").path("DashboardBody").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode widget : body.path("widgets"))
                for (JsonNode row : widget.path("properties").path("metrics")) {
                    if (row.get(0).has("expression")) {
                        out.add(insights(row.get(0).path("expression").asText()));
                        queries++;
                    } else if (row.get(0).asText().equals("${MetricNamespace}")) {
                        List<String> dims = new ArrayList<>();
                        for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) dims.add(row.get(i).asText());
                        out.add(new dev.eksip.app.MetricMapping.Kind(row.get(1).asText(), dims));
                    }
                }
        }
        try {
            String text = java.nio.file.Files.readString(FILE);
            int schemas = text.split("SCHEMA\\(", -1).length - 1;
            if (schemas != queries) throw new AssertionError("read %d of %d Metrics Insights queries".formatted(queries, schemas));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the hub's own metrics are not the forecast's (HubRun publishes them), and a target's datums are the
        // forecast's with AccountId and Region in front (TargetTagging)
        Set<dev.eksip.app.MetricMapping.Kind> forecast = new java.util.HashSet<>();
        for (var k : out) {
            if (k.name().equals(dev.eksip.app.fleet.HubRun.TARGETS_NOT_AUDITED)) continue;
            List<String> dims = k.dimensions();
            if (dims.size() >= 2 && dims.get(0).equals(dev.eksip.app.fleet.TargetTagging.ACCOUNT_ID)
                    && dims.get(1).equals(dev.eksip.app.fleet.TargetTagging.REGION))
                dims = dims.subList(2, dims.size());
            forecast.add(new dev.eksip.app.MetricMapping.Kind(k.name(), dims));
        }
        return forecast;
    }

    private static dev.eksip.app.MetricMapping.Kind insights(String query) {
        var m = INSIGHTS.matcher(query.replace("\\\"", "\""));
        if (!m.find()) throw new AssertionError("not a Metrics Insights query of MetricNamespace: " + query);
        List<String> dims = java.util.Arrays.stream(m.group(2).split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
        return new dev.eksip.app.MetricMapping.Kind(m.group(1), dims);
    }

    /** Every IAM action in the function's inline policy statements. */
    Set<String> functionActions() {
        Set<String> out = new TreeSet<>();
        for (JsonNode policy : resource("ForecastFunction").path("Properties").path("Policies"))
            for (JsonNode entry : policy.path("Statement")) {
                // a hub-only statement is !If [IsHub, {statement}, !Ref AWS::NoValue] (tags are dropped when read)
                JsonNode statement = entry.isArray() ? entry.get(1) : entry;
                JsonNode action = statement.path("Action");
                if (action.isArray()) action.forEach(a -> out.add(a.asText()));
                else out.add(action.asText());
            }
        return out;
    }
}
