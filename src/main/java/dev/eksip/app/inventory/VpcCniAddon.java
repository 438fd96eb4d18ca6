package dev.eksip.app.inventory;

import java.util.Map;

/** What the cluster's {@code vpc-cni} add-on says about the aws-node settings. */
public sealed interface VpcCniAddon {
    /** Not installed (a self-managed aws-node DaemonSet), or unreadable (then a gap says why). */
    VpcCniAddon UNAVAILABLE = new Unavailable();

    record Unavailable() implements VpcCniAddon {
    }

    /** Installed: the {@code env} overrides of its configuration values (empty when it sets none). */
    record Configured(Map<String, String> env) implements VpcCniAddon {
        public Configured {
            env = Map.copyOf(env);
        }
    }
}
