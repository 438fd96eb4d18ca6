package dev.eksip.cli;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;

/**
 * A command line picocli could not parse, in this CLI's words: a message naming the option or argument
 * ({@code unknown option '--fast'}, {@code --model needs a value}, {@code --output FILE is required},
 * {@code --output: expected table or json, got 'yaml'}) and the command's usage line. {@link Main} reports it
 * like any other bad input (exit 2).
 */
final class ParseErrors {
    private ParseErrors() {
    }

    /** The message of {@code e}, as an {@link IllegalArgumentException} caused by it. */
    static IllegalArgumentException translate(ParameterException e) {
        return new IllegalArgumentException(message(e), e);
    }

    /** {@code usage: eks-ip-forecaster COMMAND [OPTIONS]…}, the synopsis of {@code command}'s help. */
    static String usage(CommandLine command) {
        String prefix = "usage: ";
        return prefix + command.getHelp().synopsis(prefix.length()).stripTrailing();
    }

    private static String message(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-") && !arg.equals("-")) return "unknown option '%s'".formatted(arg);
            List<String> subcommands = List.copyOf(command.getSubcommands().keySet());
            if (subcommands.isEmpty()) return "unexpected argument '%s'".formatted(arg);
            if (command.getParent() == null)
                return "unknown command '%s'; expected one of %s".formatted(arg, String.join(", ", subcommands));
            return "%s: unknown subcommand '%s'; expected %s".formatted(command.getCommandName(), arg,
                    String.join(", ", subcommands));
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            if (!(missing instanceof OptionSpec option)) return "expected %s".formatted(missing.paramLabel());
            return e.getMessage().startsWith("Missing required option")
                    ? "%s %s is required".formatted(option.longestName(), option.paramLabel())
                    : "%s needs a value".formatted(option.longestName());
        }
        if (e.getCause() instanceof TypeConversionException t && e.getArgSpec() instanceof OptionSpec option)
            return "%s: %s".formatted(option.longestName(), t.getMessage());
        return e.getMessage();
    }
}
