package dev.eksip.cli;

import java.io.PrintStream;
import java.util.List;

/** STUB: the command is being implemented. */
final class InventoryCommand {
    private InventoryCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        err.println("error: not implemented yet");
        return Main.BAD_INPUT;
    }
}
