package dev.eksip.app.alert;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The findings of one scope as a value: each subnet at risk and its severity, sorted by subnet id. Two runs found
 * the same when these are equal; how a store encodes them is the store's business.
 */
public record SubnetSeverities(SortedMap<String, Severity> bySubnet) {
    public static final SubnetSeverities NONE = new SubnetSeverities(new TreeMap<>());

    public SubnetSeverities {
        TreeMap<String, Severity> copy = new TreeMap<>(requireNonNull(bySubnet, "bySubnet"));
        copy.forEach((id, severity) -> {
            requireNonNull(id, "subnet id");
            requireNonNull(severity, "severity of " + id);
        });
        bySubnet = Collections.unmodifiableSortedMap(copy);
    }

    public static SubnetSeverities of(Map<String, Severity> bySubnet) {
        return new SubnetSeverities(new TreeMap<>(bySubnet));
    }

    public static SubnetSeverities of(List<SubnetForecast> subnets) {
        TreeMap<String, Severity> m = new TreeMap<>();
        for (SubnetForecast s : subnets) m.put(s.subnetId(), s.severity());
        return new SubnetSeverities(m);
    }

    /** The severity recorded for a subnet; empty when it was not at risk. */
    public Optional<Severity> severityOf(String subnetId) {
        return Optional.ofNullable(bySubnet.get(subnetId));
    }

    public boolean isEmpty() {
        return bySubnet.isEmpty();
    }
}
