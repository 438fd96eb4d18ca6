package dev.eksip.app.assess;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.Severity;
import dev.eksip.simulation.SubnetFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a subnet must keep free beyond its nodes' addresses, and what the assessment says when it does not
 * (vpc-cni-model.md, "Beyond the original: addresses a subnet must keep free"): the control-plane ENIs of the
 * clusters whose own subnet it is, load balancers in a subnet tagged for them, the surge of a managed node group
 * update; and the addresses leaked VPC CNI ENIs hold, which can be reclaimed.
 */
final class KeepFree {
    /**
     * Free addresses EKS needs in each of a cluster's subnets for its control-plane ENIs, at creation and at every
     * version upgrade: "The subnets must each have at least six IP addresses for use by Amazon EKS. However, we
     * recommend at least 16 IP addresses." (EKS User Guide, "View Amazon EKS networking requirements for VPC and
     * subnets", https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html).
     */
    static final int CONTROL_PLANE_MINIMUM = 6;
    /** What the EKS User Guide recommends in its place (same passage). */
    static final int CONTROL_PLANE_RECOMMENDED = 16;
    /**
     * Free addresses a load balancer needs in each of its subnets: "verify that each subnet for your load balancer
     * has a CIDR block with at least a /27 bitmask … and has at least 8 free IP addresses" (ELB, Application Load
     * Balancers, "Subnets for your load balancer",
     * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html).
     */
    static final int LOAD_BALANCER_MINIMUM = 8;

    /** A severity with its reason and fix, from what the subnet must keep free. */
    record Finding(Severity severity, String reason, String fix) {
        Finding {
            requireNonNull(severity, "severity");
            requireNonNull(reason, "reason");
            requireNonNull(fix, "fix");
        }
    }

    private KeepFree() {
    }

    /** The most urgent finding about what the subnet must keep free; empty when it keeps enough. */
    static Optional<Finding> finding(SubnetFigures f) {
        List<Finding> found = new ArrayList<>(3);
        controlPlane(f).ifPresent(found::add);
        loadBalancers(f).ifPresent(found::add);
        update(f).ifPresent(found::add);
        Finding worst = null;
        for (Finding x : found) if (worst == null || x.severity().compareTo(worst.severity()) > 0) worst = x;
        return Optional.ofNullable(worst);
    }

    private static Optional<Finding> controlPlane(SubnetFigures f) {
        if (f.controlPlaneOf().isEmpty()) return Optional.empty();
        String clusters = String.join(", ", f.controlPlaneOf());
        String fix = ("Keep nodes out of the cluster's own subnets, free addresses here, or give %s dedicated /28 "
                      + "subnets in the same zones (UpdateClusterConfig: aws eks update-cluster-config "
                      + "--resources-vpc-config subnetIds=...).").formatted(clusters);
        if (f.availableIps() < CONTROL_PLANE_MINIMUM)
            return Optional.of(new Finding(Severity.CRITICAL, ("EKS places the control plane of %s here: %d free "
                    + "addresses, and it needs at least %d (%d recommended) for its ENIs and every version upgrade.")
                    .formatted(clusters, f.availableIps(), CONTROL_PLANE_MINIMUM, CONTROL_PLANE_RECOMMENDED), fix));
        // In prefix mode the figures count addresses in free /28 blocks; ENIs take single addresses: now only.
        if (f.prefixMode()) return Optional.empty();
        String when = null;
        int left = 0;
        if (f.atDesired().headline() < CONTROL_PLANE_MINIMUM) {
            when = "at desired size";
            left = f.atDesired().headline();
        } else if (f.atUpdate().headline() < CONTROL_PLANE_MINIMUM) {
            when = "during a node group update";
            left = f.atUpdate().headline();
        } else if (f.atMax().headline() < CONTROL_PLANE_MINIMUM) {
            when = "at max size";
            left = f.atMax().headline();
        }
        if (when == null) return Optional.empty();
        return Optional.of(new Finding(Severity.WARNING, ("EKS places the control plane of %s here: node growth "
                + "leaves %d free addresses %s, fewer than the %d its ENIs and version upgrades need.")
                .formatted(clusters, left, when, CONTROL_PLANE_MINIMUM), fix));
    }

    private static Optional<Finding> loadBalancers(SubnetFigures f) {
        if (!f.subnet().loadBalancerSubnet()) return Optional.empty();
        String fix = ("Free addresses here, or tag a larger subnet in %s for load balancers (kubernetes.io/role/elb "
                      + "or kubernetes.io/role/internal-elb) and untag this one.").formatted(f.subnet().availabilityZone());
        if (f.availableIps() < LOAD_BALANCER_MINIMUM)
            return Optional.of(new Finding(Severity.WARNING, ("Tagged for load balancers: %d free addresses, and a "
                    + "load balancer needs at least %d free in each of its subnets to be created and to scale.")
                    .formatted(f.availableIps(), LOAD_BALANCER_MINIMUM), fix));
        if (!f.prefixMode() && f.atMax().headline() < LOAD_BALANCER_MINIMUM)
            return Optional.of(new Finding(Severity.WARNING, ("Tagged for load balancers: node growth leaves %d free "
                    + "addresses at max size, and a load balancer needs at least %d free in each of its subnets.")
                    .formatted(f.atMax().headline(), LOAD_BALANCER_MINIMUM), fix));
        return Optional.empty();
    }

    private static Optional<Finding> update(SubnetFigures f) {
        int left = f.atUpdate().headline();
        if (left >= 0 || f.atDesired().headline() < 0) return Optional.empty();   // short at desired: said already
        String unit = f.prefixMode() ? "addresses in free /28 blocks" : "addresses";
        return Optional.of(new Finding(Severity.WARNING, ("While its managed node groups are updated (%s), the "
                + "subnet is short by %d %s: new nodes hold addresses before the old ones drain.")
                .formatted(surge(f.updateSurge()), -left, unit),
                "Lower the node groups' updateConfig maxUnavailable (the surge is at least twice their zones), or "
                + "add address space."));
    }

    private static String surge(Map<NodeGroupRef, Integer> surge) {
        List<String> parts = new ArrayList<>();
        surge.forEach((g, n) -> parts.add("%s +%d nodes".formatted(g, n)));
        return String.join(", ", parts);
    }

    /** The reclaimable addresses of leaked VPC CNI ENIs, as advice; "" when there are none. */
    static String reclaim(SubnetFigures f) {
        if (f.leakedEnis() == 0) return "";
        return ("%d unattached VPC CNI ENIs (aws-K8S-…) hold %d addresses here: delete them (aws ec2 "
                + "delete-network-interface) once you have checked they are unused; ipamd deletes the ENIs it leaked "
                + "unless DISABLE_LEAKED_ENI_CLEANUP is set.").formatted(f.leakedEnis(), f.reclaimableIps());
    }
}
