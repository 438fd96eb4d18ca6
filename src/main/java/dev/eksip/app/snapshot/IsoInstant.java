package dev.eksip.app.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 instant string, and nothing else: Jackson's own {@code Instant} reader also takes a number as epoch
 * seconds, which the format does not allow.
 */
final class IsoInstant extends StdDeserializer<Instant> {
    IsoInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING)
            throw MismatchedInputException.from(p, Instant.class, "expected an ISO-8601 instant string");
        try {
            return Instant.parse(p.getText());
        } catch (DateTimeParseException e) {
            throw InvalidFormatException.from(p, "expected an ISO-8601 instant", p.getText(), Instant.class);
        }
    }
}
