package dev.eksip.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar eks-ip-forecaster.jar <command>}: dispatches to one command class each.
 * Exit codes: 0 ok, 1 findings at or above {@code --fail-on}, 2 bad input, 3 AWS error.
 */
public final class Main {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int AWS_ERROR = 3;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        if (code != OK) Runtime.getRuntime().exit(code);
    }

    /** Runs one command; never exits the JVM (tests call this). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? BAD_INPUT : OK;
        }
        List<String> rest = args.subList(1, args.size());
        boolean help = rest.contains("--help") || rest.contains("-h");
        if (help && List.of("audit", "inventory", "invoke").contains(args.get(0))) {
            out.print(USAGE);
            return OK;
        }
        return switch (args.get(0)) {
            case "plan" -> PlanCommand.run(rest, out, err);
            case "max-pods" -> MaxPodsCommand.run(rest, out, err);
            case "audit" -> AuditCommand.run(rest, out, err);
            case "inventory" -> InventoryCommand.run(rest, out, err);
            case "invoke" -> InvokeCommand.run(rest, out, err);
            default -> {
                err.println("error: unknown command '%s'; expected one of plan, audit, inventory, invoke, max-pods"
                        .formatted(args.get(0)));
                yield BAD_INPUT;
            }
        };
    }

    static final String USAGE = """
            usage: java -jar eks-ip-forecaster.jar <command> [options]
              plan [--model vpc-cni|subnet-calc] [--output table|json] [SCENARIO.json | -]
              audit [--inventory FILE | --live] [--cluster NAME]... [--output table|json]
                    [--publish] [--fail-on warning|critical]
              inventory export --output FILE [--cluster NAME]...
              invoke --event events/FILE.json
              max-pods [--prefix-delegation] [--custom-networking] [--max-eni N] [--managed-cap] TYPE...
            exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input, 3 AWS error
            """;
}
