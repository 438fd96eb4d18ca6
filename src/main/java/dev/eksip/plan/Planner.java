package dev.eksip.plan;

import dev.eksip.simulation.InstanceCatalog;
import dev.eksip.simulation.IpamdStartup;
import dev.eksip.simulation.NodeModel;

/**
 * The {@code plan} calculation (product.md): a scenario through the real-daemon model ({@link NodeModel}) or the
 * seed spreadsheet ({@link SubnetCalc}), with notes on where ipamd differs for that scenario. Pure.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * Plans with the embedded tables; a type missing from the model's table is a {@link ScenarioException}, and so
     * are CNI settings ipamd refuses to start with ({@link IpamdStartup}: IPv6 without prefix delegation or with
     * custom networking): no node would get an address, there is nothing to plan.
     */
    public static PlanResult plan(Scenario scenario, PlanModel model) {
        IpamdStartup.refusal(scenario.cni()).ifPresent(why -> {
            throw new ScenarioException("cni.ENABLE_IPv6", why);
        });
        return switch (model) {
            case VPC_CNI -> VpcCniPlan.plan(scenario, InstanceCatalog.embedded());
            case SUBNET_CALC -> SpreadsheetPlan.plan(scenario, SubnetCalc.embedded(), InstanceCatalog.embedded());
        };
    }

    static long totalIps(int prefixLength) {
        return 1L << (32 - prefixLength);
    }

    static String field(int index, String name) {
        return "instances[" + index + "]." + name;
    }
}
