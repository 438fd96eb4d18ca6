package dev.eksip.app.snapshot;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a file Jackson could not map onto {@link SnapshotV1}, in the file's terms: the JSON path,
 * what the format expects there (read from the {@link SnapshotV1} record declarations) and what the file holds
 * there, e.g. {@code invalid field at $.subnets[0].availableIps: expected a whole number, got the string "lots"}.
 */
final class SnapshotErrors {
    private SnapshotErrors() {
    }

    /** The problem, without the file name; {@code root} is the file's JSON tree. */
    static String describe(JsonMappingException e, JsonNode root) {
        List<JsonMappingException.Reference> path = e.getPath();
        String at = path(path);
        if (e instanceof UnrecognizedPropertyException u) {
            String known = typeAt(path.subList(0, path.size() - 1)).map(SnapshotErrors::fields).orElse("");
            return "unknown field \"%s\" at %s%s".formatted(u.getPropertyName(), at,
                    known.isEmpty() ? "" : "; expected only " + known);
        }
        Optional<String> expected = typeAt(path).map(SnapshotErrors::expected);
        if (expected.isEmpty()) return "invalid field at %s: %s".formatted(at, e.getOriginalMessage());
        JsonNode found = nodeAt(root, path);
        String name = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        if (found == null && name != null)
            return "missing field \"%s\" at %s; expected %s".formatted(name, at, expected.get());
        return "invalid field at %s: expected %s, got %s".formatted(at, expected.get(), found(found));
    }

    static String path(List<JsonMappingException.Reference> path) {
        return "$" + path.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }

    /** The type {@link SnapshotV1} declares at a JSON path; empty when the path leaves the format. */
    private static Optional<Type> typeAt(List<JsonMappingException.Reference> path) {
        Type type = SnapshotV1.class;
        for (JsonMappingException.Reference r : path) {
            Class<?> raw = raw(type);
            if (r.getFieldName() != null && raw.isRecord()) {
                type = Arrays.stream(raw.getRecordComponents()).filter(c -> c.getName().equals(r.getFieldName()))
                        .map(RecordComponent::getGenericType).findFirst().orElse(null);
            } else if (r.getFieldName() != null && Map.class.isAssignableFrom(raw)) {
                type = typeArgument(type, 1);
            } else if (r.getFieldName() == null && List.class.isAssignableFrom(raw)) {
                type = typeArgument(type, 0);
            } else {
                type = null;
            }
            if (type == null) return Optional.empty();
        }
        return Optional.of(type);
    }

    private static String expected(Type type) {
        Class<?> raw = raw(type);
        if (raw == int.class) return "a whole number";
        if (raw == boolean.class) return "true or false";
        if (raw == String.class) return "a string";
        if (raw == Instant.class) return "an ISO-8601 instant like \"2026-11-25T13:00:00Z\"";
        if (List.class.isAssignableFrom(raw)) return "an array";
        if (Map.class.isAssignableFrom(raw)) return "an object of strings";
        if (raw.isRecord()) return "an object";
        return raw.getSimpleName();
    }

    private static String fields(Type record) {
        Class<?> raw = raw(record);
        if (!raw.isRecord()) return "";
        return Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private static JsonNode nodeAt(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode node = root;
        for (JsonMappingException.Reference r : path) {
            if (node == null) return null;
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static String found(JsonNode node) {
        if (node == null) return "nothing";
        return switch (node.getNodeType()) {
            case STRING -> "the string \"" + node.asText() + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
    }
}
