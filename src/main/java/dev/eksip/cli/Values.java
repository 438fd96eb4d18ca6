package dev.eksip.cli;

import dev.eksip.domain.Severity;
import dev.eksip.plan.PlanModel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The option values the CLI checks itself, each with its converter (whose message {@link ParseErrors} prefixes
 * with the option: {@code --output: expected table or json, got 'yaml'}) and its completion candidates.
 */
final class Values {
    private Values() {
    }

    /** {@code --output} of the commands that print a report: {@code table} (default) or {@code json}. */
    enum Format {
        TABLE, JSON
    }

    /**
     * One closed set of option values: converts a name (or says which names there are, in order) and is the
     * option's completion candidates.
     */
    abstract static class Choice<T> implements ITypeConverter<T>, Iterable<String> {
        private final Map<String, T> byName = new LinkedHashMap<>();

        Choice(String name1, T value1, String name2, T value2) {
            byName.put(name1, value1);
            byName.put(name2, value2);
        }

        @Override
        public T convert(String value) {
            T found = byName.get(value);
            if (found == null) throw new TypeConversionException("expected %s, got '%s'".formatted(
                    String.join(" or ", byName.keySet()), value));
            return found;
        }

        @Override
        public Iterator<String> iterator() {
            return byName.keySet().iterator();
        }
    }

    /** {@code --output}: {@code table} or {@code json}. */
    static final class Formats extends Choice<Format> {
        Formats() {
            super("table", Format.TABLE, "json", Format.JSON);
        }
    }

    /** {@code plan --model}: {@code vpc-cni} or {@code subnet-calc}. */
    static final class Models extends Choice<PlanModel> {
        Models() {
            super(PlanModel.VPC_CNI.id(), PlanModel.VPC_CNI, PlanModel.SUBNET_CALC.id(), PlanModel.SUBNET_CALC);
        }
    }

    /** {@code audit --fail-on}: {@code warning} or {@code critical}. */
    static final class Severities extends Choice<Severity> {
        Severities() {
            super("warning", Severity.WARNING, "critical", Severity.CRITICAL);
        }
    }

    /** A whole number &gt;= 1 ({@code max-pods --max-eni}). */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a whole number >= 1, got '%s'".formatted(value));
        }
    }
}
