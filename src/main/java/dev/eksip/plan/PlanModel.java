package dev.eksip.plan;

import java.util.Arrays;
import java.util.Optional;

/** Which arithmetic {@code plan} uses: the real ipamd behaviour, or the seed spreadsheet's. */
public enum PlanModel {
    /** ipamd's steady state on scale-up (vpc-cni-model.md §6). */
    VPC_CNI("vpc-cni"),
    /** The EKS best-practices {@code subnet-calc.xlsx}, to the unit (subnet-calc-model.md). */
    SUBNET_CALC("subnet-calc");

    private final String id;

    PlanModel(String id) {
        this.id = id;
    }

    /** The name used on the command line and in JSON output. */
    public String id() {
        return id;
    }

    public static Optional<PlanModel> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
