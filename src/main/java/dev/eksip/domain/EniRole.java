package dev.eksip.domain;

/** What an ENI is for, from ipamd's point of view (vpc-cni-model.md §5, §6(g)). */
public enum EniRole {
    /** The node's primary ENI (device 0): its primary IP is the node IP; holds pod IPs unless custom networking. */
    PRIMARY,
    /** A secondary ENI that ipamd attached to hold pod IPs or prefixes. */
    POD,
    /** The security-groups-for-pods trunk ENI: one slot, one IP, never pod IPs. */
    TRUNK,
    /** A branch ENI of one security-group pod: exactly one IP. */
    BRANCH,
    /**
     * An ENI ipamd did not attach: an EFA interface or one tagged {@code node.k8s.amazonaws.com/no_manage=true}
     * (the launch template's or the user's): it comes with each new node in the node's subnet, never as a pod ENI.
     */
    UNMANAGED
}
