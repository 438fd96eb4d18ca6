package dev.eksip.domain;

/** How urgent a finding is; ordered from least to most urgent. */
public enum Severity {
    OK, WARNING, CRITICAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
