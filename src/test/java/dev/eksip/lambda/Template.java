package dev.eksip.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

    /** Every IAM action in the function's inline policy statements. */
    Set<String> functionActions() {
        Set<String> out = new TreeSet<>();
        for (JsonNode policy : resource("ForecastFunction").path("Properties").path("Policies"))
            for (JsonNode statement : policy.path("Statement")) {
                JsonNode action = statement.path("Action");
                if (action.isArray()) action.forEach(a -> out.add(a.asText()));
                else out.add(action.asText());
            }
        return out;
    }
}
