package dev.eksip.domain;

import java.util.Optional;

/**
 * EC2 {@code NetworkInterface.InterfaceType} (the values of the EC2 API's {@code NetworkInterfaceType}).
 * Only {@link #INTERFACE}, {@link #TRUNK} and {@link #BRANCH} matter to the CNI model (vpc-cni-model.md §5, §6(g));
 * a value newer than this list is {@link #OTHER}.
 */
public enum InterfaceType implements WireName {
    INTERFACE("interface"), NAT_GATEWAY("natGateway"), EFA("efa"), EFA_ONLY("efa-only"), TRUNK("trunk"),
    LOAD_BALANCER("load_balancer"), NETWORK_LOAD_BALANCER("network_load_balancer"), VPC_ENDPOINT("vpc_endpoint"),
    BRANCH("branch"), TRANSIT_GATEWAY("transit_gateway"), LAMBDA("lambda"), QUICKSIGHT("quicksight"),
    GLOBAL_ACCELERATOR_MANAGED("global_accelerator_managed"), API_GATEWAY_MANAGED("api_gateway_managed"),
    GATEWAY_LOAD_BALANCER("gateway_load_balancer"), GATEWAY_LOAD_BALANCER_ENDPOINT("gateway_load_balancer_endpoint"),
    IOT_RULES_MANAGED("iot_rules_managed"), AWS_CODESTAR_CONNECTIONS_MANAGED("aws_codestar_connections_managed"),
    /** A type this list does not know yet. */
    OTHER("other");

    private final String id;

    InterfaceType(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Security groups for pods: the trunk ENI and its branch ENIs (one address each, never pod IPs). */
    public boolean trunkOrBranch() {
        return this == TRUNK || this == BRANCH;
    }

    public static Optional<InterfaceType> fromId(String id) {
        return WireName.parse(InterfaceType.class, id);
    }

    /** The type EC2 reports; {@link #OTHER} for a value newer than this list, {@link #INTERFACE} when absent. */
    public static InterfaceType ofEc2(String id) {
        return id == null ? INTERFACE : fromId(id).orElse(OTHER);
    }
}
