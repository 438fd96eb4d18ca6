package dev.eksip.app;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.Scope;
import dev.eksip.domain.WireName;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.eksip.domain.Inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

/**
 * The inventory snapshot file: an {@link Inventory} as JSON with {@code "formatVersion": 1} first
 * (docs/inventory-format.md). Writing omits nulls and writes instants as ISO-8601 strings; reading is strict:
 * unknown or missing fields, wrong types and any other format version are {@link InvalidInventoryFileException}s
 * that name the field.
 */
public final class InventoryFile {
    public static final int FORMAT_VERSION = 1;
    public static final String VERSION_FIELD = "formatVersion";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)       // stable output: diffable snapshots
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(wireNames())
            .build();

    /** Scopes and the domain's enums are written in their wire spelling ({@code cluster/prod}, {@code addon}). */
    private static SimpleModule wireNames() {
        SimpleModule m = new SimpleModule("wire-names");
        m.addSerializer(Scope.class, new ToStringSerializerBase(Scope.class) {
            @Override
            public String valueToString(Object value) {
                return ((Scope) value).id();
            }
        });
        m.addDeserializer(Scope.class, new FromStringDeserializer<>(Scope.class) {
            @Override
            protected Scope _deserialize(String value, DeserializationContext ctxt) throws IOException {
                return Scope.parse(value).orElseThrow(() -> new IllegalArgumentException(
                        "expected cluster/NAME, nodegroup/CLUSTER/NAME, subnet/ID, launch-template/ID, "
                                + "instance-type/TYPE or region/NAME, got '" + value + "'"));
            }
        });
        wireEnum(m, CniSource.class, CniSource::fromId);
        wireEnum(m, IpFamily.class, IpFamily::fromId);
        wireEnum(m, InterfaceType.class, InterfaceType::fromId);
        wireEnum(m, ReservationType.class, ReservationType::fromId);
        return m;
    }

    private static <E extends Enum<E> & WireName> void wireEnum(SimpleModule m, Class<E> type,
                                                                   java.util.function.Function<String, java.util.Optional<E>> parse) {
        m.addSerializer(type, new ToStringSerializerBase(type) {
            @Override
            public String valueToString(Object value) {
                return ((WireName) value).id();
            }
        });
        m.addDeserializer(type, new FromStringDeserializer<>(type) {
            @Override
            protected E _deserialize(String value, DeserializationContext ctxt) {
                return parse.apply(value).orElseThrow(() -> new IllegalArgumentException("expected one of "
                        + java.util.Arrays.stream(type.getEnumConstants()).map(WireName::id).toList()
                        + ", got '" + value + "'"));
            }
        });
    }

    private InventoryFile() {
    }

    /** The snapshot as JSON text (UTF-8, indented, ends with a newline). */
    public static String toJson(Inventory inventory) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(VERSION_FIELD, FORMAT_VERSION);
        root.setAll((ObjectNode) MAPPER.valueToTree(inventory));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise inventory", e);
        }
    }

    public static void write(Inventory inventory, Path file) {
        String json = toJson(inventory);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // write beside the target, then move: a reader never sees half a snapshot
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, json);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static Inventory read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInventoryFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static Inventory read(InputStream in, String name) {
        try {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new InvalidInventoryFileException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses snapshot JSON; {@code name} (a file name) prefixes every error message. */
    public static Inventory parse(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInventoryFileException("%s: not valid JSON: %s".formatted(name, e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject())
            throw new InvalidInventoryFileException(name + ": expected a JSON object with \"formatVersion\": 1");
        JsonNode version = root.get(VERSION_FIELD);
        if (version == null)
            throw new InvalidInventoryFileException(name + ": missing field \"formatVersion\" (expected 1)");
        if (!version.isInt() || version.intValue() != FORMAT_VERSION)
            throw new InvalidInventoryFileException("%s: field \"formatVersion\" is %s; this version reads only %d"
                    .formatted(name, version, FORMAT_VERSION));
        ObjectNode body = ((ObjectNode) root).deepCopy();
        body.remove(VERSION_FIELD);
        try {
            return MAPPER.treeToValue(body, Inventory.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInventoryFileException("%s: unknown field \"%s\" at %s".formatted(
                    name, e.getPropertyName(), path(e)), e);
        } catch (JsonMappingException e) {
            String cause = rootCause(e);
            throw new InvalidInventoryFileException("%s: invalid field at %s: %s".formatted(name, path(e), cause), e);
        } catch (JacksonException e) {
            throw new InvalidInventoryFileException(name + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return p.isEmpty() ? "$" : "$" + p;
    }

    private static String rootCause(JsonMappingException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof JacksonException je) return je.getOriginalMessage();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A snapshot file that cannot be used; the CLI maps it to exit 2 (bad input). */
    public static final class InvalidInventoryFileException extends RuntimeException {
        public InvalidInventoryFileException(String message) {
            super(message);
        }

        public InvalidInventoryFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
