package dev.eksip.app.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
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
 * there (the parser's current token), e.g. {@code invalid field at $.subnets[0].availableIps: expected a whole number, got the string "lots"}.
 */
final class SnapshotErrors {
    private SnapshotErrors() {
    }

    /**
     * The problem, without the file name. What the file holds there is read from the parser, which a mapping error
     * leaves on the offending token: the reader streams and keeps no tree to look things up in.
     */
    static String describe(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        String at = path(path);
        if (e instanceof UnrecognizedPropertyException u) {
            String known = typeAt(path.subList(0, path.size() - 1)).map(SnapshotErrors::fields).orElse("");
            return "unknown field \"%s\" at %s%s".formatted(u.getPropertyName(), at,
                    known.isEmpty() ? "" : "; expected only " + known);
        }
        if (path.isEmpty()) return "expected a JSON object with \"formatVersion\": 1, got " + found(e);
        Optional<String> expected = typeAt(path).map(SnapshotErrors::expected);
        if (expected.isEmpty()) return "invalid field at %s: %s".formatted(at, e.getOriginalMessage());
        String name = path.get(path.size() - 1).getFieldName();
        String message = String.valueOf(e.getOriginalMessage());
        if (name != null && message.startsWith("Missing") && message.contains("creator property"))
            return "missing field \"%s\" at %s; expected %s".formatted(name, at, expected.get());
        String found = message.startsWith("Null value for creator property") ? "null" : found(e);
        return "invalid field at %s: expected %s, got %s".formatted(at, expected.get(), found);
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

    /** The value the parser stopped on, e.g. {@code the string "lots"}. */
    private static String found(JsonMappingException e) {
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) return "nothing";
        try {
            return switch (p.currentToken()) {
                case VALUE_STRING -> "the string \"" + p.getText() + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                case START_ARRAY -> "an array";
                case START_OBJECT, FIELD_NAME -> "an object";
                default -> "nothing";
            };
        } catch (IOException io) {
            return "an unreadable value";
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
    }
}
