package dev.eksip.cli;

import dev.eksip.domain.Printable;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code --[no-]progress} of the commands that read a live account: progress lines ({@code … reading 3
 * cluster(s) in eu-west-1}) on stderr. The rule: {@code --progress} always, {@code --no-progress} never, and by
 * default when the process's stderr is a terminal — whatever stdout is, so {@code audit --live > report.txt}
 * still shows progress and {@code 2>log} or CI does not.
 */
final class Progress {
    @Option(names = "--progress", negatable = true,
            description = "Progress lines on stderr (default: only when stderr is a terminal).")
    Boolean requested;

    /** Where progress lines go: {@code err} when the rule says so, else nowhere. */
    Consumer<String> to(PrintStream err) {
        boolean on = requested != null ? requested : err == System.err && stderrIsTerminal();
        if (!on) return message -> { };
        return message -> err.println("… " + Printable.escape(message));   // messages carry names from AWS
    }

    /**
     * Whether file descriptor 2 is a terminal. {@link System#console()} cannot say: it describes stdin and stdout.
     * On Linux, where {@code /proc/self/fd/2} links to the device, a terminal is a {@code /dev/pts/N} or
     * {@code /dev/ttyN}; elsewhere a POSIX shell is asked ({@code [ -t 2 ]}, with this process's stderr
     * inherited); without one (Windows), a console is taken to mean a terminal.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
            Process test = new ProcessBuilder("sh", "-c", "[ -t 2 ]")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            Console console = System.console();
            return console != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
