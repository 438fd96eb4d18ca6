package dev.eksip.domain;

import java.util.Arrays;
import java.util.Optional;

/** A closed set of values with the exact spelling AWS (or our file formats) use for them. */
public interface WireName {
    /** The spelling on the wire, in snapshot files and in reports. */
    String id();

    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.id().equals(id)).findFirst();
    }
}
