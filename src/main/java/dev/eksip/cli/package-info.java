/**
 * The command line on picocli: one class per command, one error model and exit-code mapping ({@code Main}), one
 * configuration record read once ({@code CliEnvironment}). May import every other package; nothing imports it.
 */
package dev.eksip.cli;
