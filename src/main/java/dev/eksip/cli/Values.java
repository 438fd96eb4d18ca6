package dev.eksip.cli;

import dev.eksip.domain.Severity;
import dev.eksip.plan.PlanModel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.List;

/**
 * The option values the CLI checks itself, each with its converter (whose message {@link ParseErrors} prefixes
 * with the option: {@code --output: expected table or json, got 'yaml'}) and its completion candidates.
 */
final class Values {
    private Values() {
    }

    /** {@code --output} of the commands that print a report: {@code table} (default) or {@code json}. */
    enum Format {
        TABLE, JSON;

        static final class Converter implements ITypeConverter<Format> {
            @Override
            public Format convert(String value) {
                return switch (value) {
                    case "table" -> TABLE;
                    case "json" -> JSON;
                    default -> throw new TypeConversionException("expected table or json, got '%s'".formatted(value));
                };
            }
        }

        static final class Names extends ArrayList<String> {
            Names() {
                super(List.of("table", "json"));
            }
        }
    }

    /** {@code plan --model}: {@code vpc-cni} or {@code subnet-calc}. */
    static final class Model implements ITypeConverter<PlanModel> {
        @Override
        public PlanModel convert(String value) {
            return PlanModel.fromId(value).orElseThrow(() -> new TypeConversionException(
                    "expected vpc-cni or subnet-calc, got '%s'".formatted(value)));
        }

        static final class Names extends ArrayList<String> {
            Names() {
                super(List.of("vpc-cni", "subnet-calc"));
            }
        }
    }

    /** {@code audit --fail-on}: {@code warning} or {@code critical}. */
    static final class FailOn implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return switch (value) {
                case "warning" -> Severity.WARNING;
                case "critical" -> Severity.CRITICAL;
                default -> throw new TypeConversionException(
                        "expected warning or critical, got '%s'".formatted(value));
            };
        }

        static final class Names extends ArrayList<String> {
            Names() {
                super(List.of("warning", "critical"));
            }
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
