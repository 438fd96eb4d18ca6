package dev.eksip.aws;

import dev.eksip.app.inventory.EniFacts;
import dev.eksip.app.inventory.InstanceFacts;
import dev.eksip.app.inventory.SubnetFacts;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Subnet;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.NetworkCardInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceStatus;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** EC2 model → facts and domain records. Pure static functions. */
final class Ec2Mapping {
    /** ipamd skips ENIs carrying this tag with value {@code true} (vpc-cni-model.md §5 {@code hasRoomForEni}). */
    static final String NO_MANAGE_TAG = "node.k8s.amazonaws.com/no_manage";
    /** ipamd's ENI description ({@code eniDescriptionPrefix}, amazon-vpc-cni-k8s pkg/awsutils/awsutils.go). */
    static final String CNI_ENI_DESCRIPTION_PREFIX = "aws-K8S-";
    /** ipamd's ENI tag naming the instance it created the ENI for ({@code eniNodeTagKey}). */
    static final String CNI_ENI_NODE_TAG = "node.k8s.amazonaws.com/instance_id";
    /** ipamd's ENI creation-time tag ({@code eniCreatedAtTagKey}). */
    static final String CNI_ENI_CREATED_AT_TAG = "node.k8s.amazonaws.com/createdAt";
    /** The VPC resource controller tags each branch ENI with the trunk ENI it rides on. */
    static final String TRUNK_ENI_TAG = "vpcresources.k8s.aws/trunk-eni-id";

    private Ec2Mapping() {
    }

    /**
     * An IPv6-only subnet (no IPv4 {@code CidrBlock}) has cidr "" and no available IPv4 address, whatever count EC2
     * reports for its IPv6 block.
     */
    static Subnet subnet(software.amazon.awssdk.services.ec2.model.Subnet s, List<SubnetCidrReservation> reservations) {
        String cidr = nz(s.cidrBlock());
        int available = cidr.isEmpty() || s.availableIpAddressCount() == null ? 0 : s.availableIpAddressCount();
        return new Subnet(s.subnetId(), nz(s.vpcId()), nz(s.availabilityZone()), cidr, available, tags(s.tags()),
                reservations(reservations));
    }

    /** A subnet without its reservations (read later, one call per subnet). */
    static SubnetFacts subnetFacts(software.amazon.awssdk.services.ec2.model.Subnet s) {
        return new SubnetFacts(subnet(s, List.of()), nz(s.ownerId()));
    }

    /** Sorted by CIDR; a type newer than {@link ReservationType} counts as {@code explicit}. */
    static List<Subnet.CidrReservation> reservations(List<SubnetCidrReservation> reservations) {
        return reservations.stream()
                .map(r -> new Subnet.CidrReservation(nz(r.subnetCidrReservationId()), nz(r.cidr()),
                        ReservationType.fromId(nz(r.reservationTypeAsString())).orElse(ReservationType.EXPLICIT)))
                .sorted(Comparator.comparing(Subnet.CidrReservation::cidr))
                .toList();
    }

    static Eni eni(NetworkInterface n) {
        var attachment = n.attachment();
        String instanceId = attachment == null || attachment.instanceId() == null ? "" : attachment.instanceId();
        int deviceIndex = attachment == null || attachment.deviceIndex() == null ? -1 : attachment.deviceIndex();
        List<String> secondaries = new ArrayList<>();
        for (NetworkInterfacePrivateIpAddress ip : n.privateIpAddresses()) {
            if (Boolean.TRUE.equals(ip.primary())) continue;
            if (ip.privateIpAddress() != null && !ip.privateIpAddress().equals(n.privateIpAddress()))
                secondaries.add(ip.privateIpAddress());
        }
        List<String> prefixes = n.ipv4Prefixes().stream().map(p -> p.ipv4Prefix()).filter(Objects::nonNull).toList();
        InterfaceType type = InterfaceType.ofEc2(n.interfaceTypeAsString());
        Map<String, String> tags = tags(n.tagSet());
        boolean noManage = "true".equalsIgnoreCase(tags.get(NO_MANAGE_TAG));
        return new Eni(n.networkInterfaceId(), nz(n.subnetId()), instanceId, type, deviceIndex,
                nz(n.privateIpAddress()), secondaries, prefixes, noManage, leakedByCni(n, type, tags));
    }

    /**
     * Unattached ({@code available}) and created by ipamd: described {@code aws-K8S-<instance>} or tagged
     * {@code node.k8s.amazonaws.com/instance_id} / {@code node.k8s.amazonaws.com/createdAt} (amazon-vpc-cni-k8s
     * v1.23.1 pkg/awsutils/awsutils.go: {@code eniDescriptionPrefix}, {@code eniNodeTagKey},
     * {@code eniCreatedAtTagKey}). Trunk and branch ENIs are the VPC resource controller's, never ipamd's.
     */
    private static boolean leakedByCni(NetworkInterface n, InterfaceType type, Map<String, String> tags) {
        if (n.status() != NetworkInterfaceStatus.AVAILABLE || n.attachment() != null && n.attachment().instanceId() != null)
            return false;
        if (type != InterfaceType.INTERFACE) return false;
        return nz(n.description()).startsWith(CNI_ENI_DESCRIPTION_PREFIX) || tags.containsKey(CNI_ENI_NODE_TAG)
               || tags.containsKey(CNI_ENI_CREATED_AT_TAG);
    }

    /** The ENI, with the trunk ENI a branch ENI rides on. */
    static EniFacts eniFacts(NetworkInterface n) {
        return new EniFacts(eni(n), nz(tags(n.tagSet()).get(TRUNK_ENI_TAG)));
    }

    static InstanceFacts instance(Instance i) {
        String az = i.placement() == null ? "" : nz(i.placement().availabilityZone());
        List<String> interfaceSubnets = i.networkInterfaces().stream().map(InstanceNetworkInterface::subnetId)
                .filter(Objects::nonNull).toList();
        return new InstanceFacts(i.instanceId(), nz(i.instanceTypeAsString()), nz(i.subnetId()), az, tags(i.tags()),
                interfaceSubnets);
    }

    /**
     * Limits as the VPC CNI's generator reads them (vpc-cni-model.md §1): {@code E_type} is the default network
     * card's {@code MaximumNetworkInterfaces}, not the instance total. Empty when EC2 gives no network data.
     * Trunking is unknown from this API: {@code true} as ipamd assumes for missing types, 0 branch ENIs.
     */
    static Optional<InstanceLimits> instanceLimits(InstanceTypeInfo t) {
        NetworkInfo net = t.networkInfo();
        if (net == null || net.maximumNetworkInterfaces() == null || net.ipv4AddressesPerInterface() == null)
            return Optional.empty();
        int total = net.maximumNetworkInterfaces();
        int perCard = total;
        int defaultCard = net.defaultNetworkCardIndex() == null ? 0 : net.defaultNetworkCardIndex();
        for (NetworkCardInfo card : net.networkCards()) {
            if (card.networkCardIndex() != null && card.networkCardIndex() == defaultCard
                    && card.maximumNetworkInterfaces() != null)
                perCard = card.maximumNetworkInterfaces();
        }
        int cards = net.maximumNetworkCards() != null ? net.maximumNetworkCards() : Math.max(1, net.networkCards().size());
        boolean nitro = "nitro".equalsIgnoreCase(t.hypervisorAsString());
        boolean metal = Boolean.TRUE.equals(t.bareMetal());
        int vcpus = t.vCpuInfo() == null || t.vCpuInfo().defaultVCpus() == null ? 0 : t.vCpuInfo().defaultVCpus();
        if (perCard < 1 || net.ipv4AddressesPerInterface() < 2) return Optional.empty();
        return Optional.of(new InstanceLimits(t.instanceTypeAsString().toLowerCase(Locale.ROOT), perCard,
                net.ipv4AddressesPerInterface(), Math.max(1, cards), Math.max(total, perCard), nitro, metal,
                nitro || metal, true, 0, vcpus));
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Tag t : tags) if (t.key() != null) m.put(t.key(), t.value() == null ? "" : t.value());
        return m;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
