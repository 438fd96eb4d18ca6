package dev.eksip.app.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.eksip.domain.Inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The inventory snapshot file: an {@link Inventory} as {@link SnapshotV1} JSON with {@code "formatVersion": 1}
 * first (docs/inventory-format.md). Writing omits nulls and writes instants as ISO-8601 strings; reading is strict:
 * unknown or missing fields, wrong types, spellings no domain enum has and any other format version are
 * {@link InvalidInventoryFileException}s that name the file, the field's JSON path and what was expected.
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
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))  // no null in a list or map either
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private InventoryFile() {
    }

    /** The snapshot as JSON text (UTF-8, indented, ends with a newline). */
    public static String toJson(Inventory inventory) {
        try {
            return MAPPER.writeValueAsString(SnapshotMapper.toFile(inventory)) + "\n";
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
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
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
        SnapshotV1 file;
        try {
            file = MAPPER.treeToValue(root, SnapshotV1.class);
        } catch (JsonMappingException e) {
            throw new InvalidInventoryFileException(name + ": " + SnapshotErrors.describe(e, root), e);
        } catch (JacksonException e) {
            throw new InvalidInventoryFileException(name + ": " + e.getOriginalMessage(), e);
        }
        try {
            return SnapshotMapper.toDomain(file);
        } catch (SnapshotMapper.InvalidField e) {
            throw new InvalidInventoryFileException("%s: invalid field at %s: %s".formatted(name, e.path,
                    e.getMessage()), e);
        }
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
