package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.simulation.CniEnv;

import java.util.Map;

/**
 * A cluster's effective VPC CNI settings, in order of precedence (docs/cli.md, "Audit a real account read-only"): the vpc-cni add-on's configuration
 * values over ipamd's defaults, else the settings configured for the cluster ({@code CNI_SETTINGS}), else ipamd's
 * shipped defaults. Settings of a self-managed aws-node DaemonSet are not readable through AWS APIs.
 */
final class CniPrecedence {
    private CniPrecedence() {
    }

    public record Resolved(CniSettings settings, CniSource source) {
        public Resolved {
            requireNonNull(settings, "settings");
            requireNonNull(source, "source");
        }
    }

    /**
     * An add-on whose configuration values set no aws-node variable declares nothing: the EKS user guide's own
     * procedures enable prefix delegation and custom networking with {@code kubectl set env daemonset aws-node}
     * (https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html,
     * https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html), which the add-on's
     * configuration values never show; so the configured settings, else ipamd's defaults, apply.
     *
     * @param configured settings given to this tool, per cluster name (already resolved against {@code "*"})
     */
    public static Resolved resolve(String cluster, VpcCniAddon addon, Map<String, CniSettings> configured) {
        if (addon instanceof VpcCniAddon.Configured c && !c.env().isEmpty())
            return new Resolved(CniEnv.parse(c.env()), CniSource.ADDON);
        return configured.containsKey(cluster)
                ? new Resolved(configured.get(cluster), CniSource.CONFIGURED)
                : new Resolved(CniSettings.DEFAULTS, CniSource.DEFAULT);
    }
}
