package dev.eksip.app.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads {@code formatVersion} and refuses anything but {@link InventoryFile#FORMAT_VERSION} as soon as it is read
 * (it is the file's first field), so that a newer file is reported as a newer version, not as its first unknown
 * field, and the reader never has to buffer the file to look ahead.
 */
final class FormatVersion extends StdDeserializer<Integer> {
    FormatVersion() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws java.io.IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
            && p.getIntValue() == InventoryFile.FORMAT_VERSION)
            return InventoryFile.FORMAT_VERSION;
        throw new Unsupported(p, p.currentToken() == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText());
    }

    /** A {@code formatVersion} this reader does not read. */
    static final class Unsupported extends JsonMappingException {
        private final String found;

        Unsupported(JsonParser p, String found) {
            super(p, "unsupported formatVersion " + found);
            this.found = found;
        }

        String found() {
            return found;
        }
    }
}
