package dev.eksip.plan;

import static java.util.Objects.requireNonNull;

/**
 * A scenario input that cannot be planned: names the field (a JSON path such as {@code instances[1].count}) and
 * what was expected. The CLI turns it into exit code 2.
 */
public final class ScenarioException extends IllegalArgumentException {
    private final String field;

    public ScenarioException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = requireNonNull(field, "field");
    }

    /** The JSON path of the offending field ({@code ""} for the document itself). */
    public String field() {
        return field;
    }
}
