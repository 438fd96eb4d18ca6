package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An elastic network interface as EC2 describes it.
 *
 * @param instanceId    the instance it is attached to ("" when none)
 * @param interfaceType EC2 {@code InterfaceType}: {@code interface}, {@code trunk}, {@code branch}, {@code efa}…
 * @param deviceIndex   attachment device index (0 = primary ENI; -1 when not attached)
 * @param primaryIp     its primary private IPv4 address
 * @param secondaryIps  secondary private IPv4 addresses
 * @param prefixes      assigned IPv4 prefixes (CIDR notation, /28)
 * @param noManage      tagged {@code node.k8s.amazonaws.com/no_manage=true}: ipamd leaves it alone (§5.3)
 * @param leakedByCni   unattached (EC2 status {@code available}) and created by the VPC CNI (description
 *                      {@code aws-K8S-…} or a {@code node.k8s.amazonaws.com/} tag): its addresses serve nobody
 *                      and are reclaimable (vpc-cni-model.md, "Beyond the original: addresses a subnet must keep
 *                      free")
 */
public record Eni(String eniId, String subnetId, String instanceId, InterfaceType interfaceType, int deviceIndex,
                  String primaryIp, List<String> secondaryIps, List<String> prefixes, boolean noManage,
                  boolean leakedByCni) {
    public Eni {
        requireNonNull(eniId, "eniId");
        requireNonNull(subnetId, "subnetId");
        requireNonNull(instanceId, "instanceId");
        requireNonNull(interfaceType, "interfaceType");
        requireNonNull(primaryIp, "primaryIp");
        secondaryIps = List.copyOf(secondaryIps);
        prefixes = List.copyOf(prefixes);
    }

    /** An ENI that is not a leaked VPC CNI ENI. */
    public Eni(String eniId, String subnetId, String instanceId, InterfaceType interfaceType, int deviceIndex,
               String primaryIp, List<String> secondaryIps, List<String> prefixes, boolean noManage) {
        this(eniId, subnetId, instanceId, interfaceType, deviceIndex, primaryIp, secondaryIps, prefixes, noManage,
                false);
    }

    /** What this ENI takes from its subnet: primary + secondaries, and its prefixes (§6(i)). */
    public SubnetTake take() {
        return new SubnetTake(1 + secondaryIps.size(), prefixes.size());
    }
}
