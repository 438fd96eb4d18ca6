package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What an inventory gap or an alert state is about. Its {@link #id()} ({@code cluster/NAME},
 * {@code nodegroup/CLUSTER/NAME}, {@code subnet/ID}, {@code launch-template/ID}, {@code instance-type/TYPE},
 * {@code region/NAME}) is the spelling in reports and snapshot files (docs/inventory-format.md); it is built and
 * parsed only here.
 */
public sealed interface Scope {
    /** The wire form, e.g. {@code cluster/prod}. */
    String id();

    /** The cluster this scope belongs to, if it belongs to exactly one. */
    default Optional<String> cluster() {
        return Optional.empty();
    }

    record OfCluster(String name) implements Scope {
        public OfCluster {
            requireNonNull(name, "name");
        }

        @Override
        public String id() {
            return "cluster/" + name;
        }

        @Override
        public Optional<String> cluster() {
            return Optional.of(name);
        }
    }

    record OfNodeGroup(NodeGroupRef ref) implements Scope {
        public OfNodeGroup {
            requireNonNull(ref, "ref");
        }

        @Override
        public String id() {
            return "nodegroup/" + ref.cluster() + "/" + ref.nodeGroup();
        }

        @Override
        public Optional<String> cluster() {
            return Optional.of(ref.cluster());
        }
    }

    record OfSubnet(String subnetId) implements Scope {
        @Override
        public String id() {
            return "subnet/" + subnetId;
        }
    }

    record OfLaunchTemplate(String templateId) implements Scope {
        @Override
        public String id() {
            return "launch-template/" + templateId;
        }
    }

    record OfInstanceType(String instanceType) implements Scope {
        @Override
        public String id() {
            return "instance-type/" + instanceType;
        }
    }

    record OfRegion(String region) implements Scope {
        @Override
        public String id() {
            return "region/" + region;
        }
    }

    static Scope cluster(String name) {
        return new OfCluster(name);
    }

    static Scope nodeGroup(String cluster, String nodeGroup) {
        return new OfNodeGroup(new NodeGroupRef(cluster, nodeGroup));
    }

    static Scope region(String region) {
        return new OfRegion(region);
    }

    static Scope instanceType(String type) {
        return new OfInstanceType(type);
    }

    /** Reads {@link #id()} back; empty for anything else. */
    static Optional<Scope> parse(String id) {
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) return Optional.empty();
        String kind = id.substring(0, slash);
        String rest = id.substring(slash + 1);
        return Optional.ofNullable(switch (kind) {
            case "cluster" -> new OfCluster(rest);
            case "nodegroup" -> {
                int s = rest.indexOf('/');
                yield s <= 0 || s == rest.length() - 1 ? null : nodeGroup(rest.substring(0, s), rest.substring(s + 1));
            }
            case "subnet" -> new OfSubnet(rest);
            case "launch-template" -> new OfLaunchTemplate(rest);
            case "instance-type" -> new OfInstanceType(rest);
            case "region" -> new OfRegion(rest);
            default -> null;
        });
    }
}
