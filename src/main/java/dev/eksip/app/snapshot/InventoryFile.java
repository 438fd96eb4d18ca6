package dev.eksip.app.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.eksip.domain.Inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The inventory snapshot file: an {@link Inventory} as {@link SnapshotV1} JSON with {@code "formatVersion": 1}
 * first (docs/inventory-format.md). Writing omits nulls and writes instants as ISO-8601 strings; reading streams
 * (one pass, no copy of the text, no JSON tree) and is strict: unknown or missing fields, wrong types (no scalar
 * coercion), spellings no domain enum has, any other format version and what {@link SnapshotChecks} finds
 * inconsistent are {@link InvalidInventoryFileException}s that name the file, the field's JSON path and what was
 * expected.
 */
public final class InventoryFile {
    public static final int FORMAT_VERSION = 1;
    public static final String VERSION_FIELD = "formatVersion";
    /** The injectable that stands in for an absent {@code history}: the field is optional, all others required. */
    static final String NO_HISTORY = "eksip.snapshot.noHistory";

    /** What an optional field (SnapshotV1's {@code @JacksonInject} components) reads as when the file has none. */
    static final InjectableValues ABSENT = new InjectableValues.Std()
            .addValue(SnapshotV1.AutoMode.ABSENT_ID, SnapshotV1.AutoMode.ABSENT)
            .addValue(SnapshotV1.NodePool.ABSENT_ID, SnapshotV1.NodePool.ABSENT)
            .addValue(SnapshotV1.NodePoolLimits.ABSENT_ID, SnapshotV1.NodePoolLimits.ABSENT)
            .addValue(NO_HISTORY, List.of())
            .addValue(SnapshotV1.Cni.NO_CLUSTER_NAME, "")
            .addValue(SnapshotV1.NO_LIST, List.of())
            .addValue(SnapshotV1.NO_NUMBER, 0)
            .addValue(SnapshotV1.NO_PERCENTAGE, 0)
            .addValue(SnapshotV1.NO_TEXT, "")
            .addValue(SnapshotV1.NO_FLAG, false);
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
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)                // "12" is no number, 1 no boolean
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))  // no null in a list or map either
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // optional fields (added after the first files): absent reads as a sentinel (or no history), written
            // back as absent
            .injectableValues(ABSENT)
            .build();

    private InventoryFile() {
    }

    /** The snapshot as JSON text (UTF-8, indented, ends with a newline). */
    public static String toJson(Inventory inventory) {
        return toJson(inventory, List.of());
    }

    /** The snapshot with its recorded {@code history} (omitted when empty) as JSON text. */
    public static String toJson(Inventory inventory, List<SubnetSeries> history) {
        try {
            return MAPPER.writeValueAsString(SnapshotMapper.toFile(inventory, history)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise inventory", e);
        }
    }

    public static void write(Inventory inventory, Path file) {
        write(inventory, List.of(), file);
    }

    /** Writes the snapshot with its recorded {@code history} (omitted when empty). */
    public static void write(Inventory inventory, List<SubnetSeries> history, Path file) {
        String json = toJson(inventory, history);
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

    /** Reads {@code file} in one streaming pass: no copy of its text and no JSON tree is held. */
    public static Inventory read(Path file) {
        return readSnapshot(file).inventory();
    }

    /** As {@link #read(Path)}, with the file's recorded history (empty when it has none). */
    public static Snapshot readSnapshot(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readSnapshot(in, file.toString());
        } catch (IOException e) {
            throw new InvalidInventoryFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a snapshot from {@code in} in one streaming pass; {@code name} prefixes every error message. */
    public static Inventory read(InputStream in, String name) {
        return readSnapshot(in, name).inventory();
    }

    /** As {@link #read(InputStream, String)}, with the recorded history (empty when the file has none). */
    public static Snapshot readSnapshot(InputStream in, String name) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            return parse(parser, name);
        } catch (IOException e) {
            throw new InvalidInventoryFileException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses snapshot JSON; {@code name} (a file name) prefixes every error message. */
    public static Inventory parse(String json, String name) {
        return parseSnapshot(json, name).inventory();
    }

    /** As {@link #parse(String, String)}, with the recorded history (empty when the JSON has none). */
    public static Snapshot parseSnapshot(String json, String name) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            return parse(parser, name);
        } catch (IOException e) {
            throw new InvalidInventoryFileException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Snapshot parse(JsonParser parser, String name) throws IOException {
        SnapshotV1 file;
        try {
            file = MAPPER.readValue(parser, SnapshotV1.class);
        } catch (FormatVersion.Unsupported e) {
            throw new InvalidInventoryFileException("%s: field \"formatVersion\" is %s; this version reads only %d"
                    .formatted(name, e.found(), FORMAT_VERSION), e);
        } catch (StreamReadException e) {
            throw new InvalidInventoryFileException("%s: not valid JSON: %s".formatted(name, e.getOriginalMessage()),
                    e);
        } catch (JsonMappingException e) {
            throw new InvalidInventoryFileException(name + ": " + SnapshotErrors.describe(e), e);
        }
        try {
            SnapshotChecks.check(file);
            return new Snapshot(SnapshotMapper.toDomain(file), SnapshotMapper.history(file));
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
