package dev.eksip.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * What one run of the CLI reads and writes: its configuration ({@link CliEnvironment}), stdin, stdout (results,
 * help) and stderr (errors, progress, logs). {@link Main} builds it; every command gets it through its constructor.
 */
record Io(CliEnvironment env, InputStream in, PrintStream out, PrintStream err) {
}
