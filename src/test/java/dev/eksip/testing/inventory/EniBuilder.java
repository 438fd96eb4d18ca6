package dev.eksip.testing.inventory;

import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;

import java.util.List;

/**
 * An {@link Eni} in named steps: {@code eni("eni-1").subnet("subnet-a").attachedTo("i-1", 0).primaryIp("10.0.0.10")
 * .secondaryIps("10.0.0.11")}. Defaults: an unattached ({@code ""}, device index -1) {@code interface} ENI without
 * secondary IPs or prefixes, managed by ipamd.
 */
public final class EniBuilder {
    private final String id;
    private String subnet;
    private String instance = "";
    private int deviceIndex = -1;
    private InterfaceType type = InterfaceType.INTERFACE;
    private String primaryIp;
    private List<String> secondaryIps = List.of();
    private List<String> prefixes = List.of();
    private boolean noManage;

    EniBuilder(String id) {
        this.id = id;
    }

    public EniBuilder subnet(String subnetId) {
        subnet = subnetId;
        return this;
    }

    /** Attached to an instance at a device index (0 = its primary ENI). */
    public EniBuilder attachedTo(String instanceId, int deviceIndex) {
        instance = instanceId;
        this.deviceIndex = deviceIndex;
        return this;
    }

    public EniBuilder type(InterfaceType interfaceType) {
        type = interfaceType;
        return this;
    }

    public EniBuilder primaryIp(String ip) {
        primaryIp = ip;
        return this;
    }

    public EniBuilder secondaryIps(String... ips) {
        return secondaryIps(List.of(ips));
    }

    public EniBuilder secondaryIps(List<String> ips) {
        secondaryIps = List.copyOf(ips);
        return this;
    }

    public EniBuilder prefixes(String... cidrs) {
        return prefixes(List.of(cidrs));
    }

    public EniBuilder prefixes(List<String> cidrs) {
        prefixes = List.copyOf(cidrs);
        return this;
    }

    /** Tagged {@code node.k8s.amazonaws.com/no_manage=true}. */
    public EniBuilder noManage() {
        return noManage(true);
    }

    public EniBuilder noManage(boolean value) {
        noManage = value;
        return this;
    }

    public Eni build() {
        return new Eni(id, subnet, instance, type, deviceIndex, primaryIp, secondaryIps, prefixes, noManage);
    }
}
