package dev.eksip.cli;

import dev.eksip.domain.InstanceLimits;
import dev.eksip.simulation.InstanceCatalog;
import dev.eksip.simulation.MaxPods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code max-pods [--prefix-delegation] [--custom-networking] [--max-eni=N] [--managed-cap] TYPE...}: one
 * {@code TYPE MAXPODS} line per type (vpc-cni-model.md §8).
 */
@Command(name = "max-pods", description = "Kubelet max pods per instance type: one `TYPE MAXPODS` line per type.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "2:bad input (an unknown type or option)",
                "4:internal error"})
final class MaxPodsCommand implements Callable<Integer> {
    @Option(names = "--prefix-delegation",
            description = "ENABLE_PREFIX_DELEGATION: E × (L − 1) × 16 + 2 on Nitro and bare-metal types.")
    boolean prefixDelegation;

    @Option(names = "--custom-networking",
            description = "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: the primary ENI hosts no pods (one ENI fewer).")
    boolean customNetworking;

    @Option(names = "--max-eni", paramLabel = "N", converter = Values.Positive.class,
            description = "MAX_ENI: use at most N ENIs (a whole number >= 1).")
    Integer maxEni;

    @Option(names = "--managed-cap",
            description = "Apply the EKS managed node group cap: 110 up to 30 vCPUs, else 250.")
    boolean managedCap;

    @Parameters(paramLabel = "TYPE", arity = "0..*", description = "EC2 instance types, e.g. m5.large (any case).")
    List<String> types = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Io io;

    MaxPodsCommand(Io io) {
        this.io = io;
    }

    /**
     * @return {@link ExitCode#OK}
     * @throws CliFailure.BadInput no type (with the usage line), or an unknown instance type
     */
    @Override
    public Integer call() {
        if (types.isEmpty())
            throw new CliFailure.BadInput("expected at least one instance type", ParseErrors.usage(spec.commandLine()));
        MaxPods.Options options = new MaxPods.Options(prefixDelegation, customNetworking,
                maxEni == null ? 0 : maxEni, managedCap);
        List<String> lines = new ArrayList<>();
        for (String type : types) {
            var limits = InstanceCatalog.embedded().find(type);
            if (limits.isEmpty())
                throw new CliFailure.BadInput("unknown instance type '%s' (not in the embedded limits table of %d types)"
                        .formatted(type, InstanceCatalog.embedded().size()));
            InstanceLimits l = limits.get();
            lines.add(l.instanceType() + " " + MaxPods.compute(l, options));
        }
        lines.forEach(io.out()::println);
        return ExitCode.OK.code();
    }
}
