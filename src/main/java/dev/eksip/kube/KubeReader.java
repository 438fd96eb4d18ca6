package dev.eksip.kube;

import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.KubeNode;
import dev.eksip.domain.KubeNodePool;
import dev.eksip.domain.KubePart;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.Scope;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one cluster's Kubernetes API, part by part ({@link KubePart}). Every list is paginated ({@code limit} 500,
 * {@code continue}) and asks for {@code resourceVersion=0}, so the API server answers from its watch cache instead
 * of etcd (Kubernetes API concepts, "Resource versions": {@code 0} = any version, served from the cache; the
 * server may then answer the whole list in one page); the continuation pages carry no resourceVersion (the API
 * rejects one beside {@code continue}). A part that answers 404 is a resource the cluster does not have (the CRD is
 * not installed): read, and empty. Any other failure of a part is a gap naming the cluster, the request and the HTTP
 * status, and only that part falls back; if the first request cannot reach the server at all, nothing else is tried.
 */
final class KubeReader {
    static final long PAGE = 500;
    static final String POD_ENI_ANNOTATION = "vpc.amazonaws.com/pod-eni";

    private final KubernetesClient client;
    private final String cluster;

    KubeReader(KubernetesClient client, String cluster) {
        this.client = client;
        this.cluster = cluster;
    }

    /** The view and the gaps of what could not be read. */
    record Result(KubeView view, List<InventoryGap> gaps) {
    }

    Result read() {
        Set<KubePart> read = EnumSet.noneOf(KubePart.class);
        List<InventoryGap> gaps = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Outcome first = attempt(KubePart.NODES, () -> list(o -> client.nodes().list(o), nodes::addAll), read, gaps);
        if (first == Outcome.UNREACHABLE) return new Result(KubeView.unread(cluster), gaps);

        Map<String, Integer> podsByNode = new HashMap<>();
        attempt(KubePart.PODS, () -> list(o -> client.pods().inAnyNamespace().list(o),
                page -> page.forEach(p -> countPod(p, podsByNode))), read, gaps);
        Map<String, String> env = new TreeMap<>();
        attempt(KubePart.AWS_NODE, () -> awsNodeEnv(env), read, gaps);
        Map<String, String> eniConfigs = new TreeMap<>();
        attempt(KubePart.ENI_CONFIGS, () -> custom(KubePart.ENI_CONFIGS, r -> {
            String subnet = r.get("spec", "subnet");
            if (subnet != null) eniConfigs.put(r.getMetadata().getName(), subnet);
        }), read, gaps);
        List<GenericKubernetesResource> pools = new ArrayList<>();
        attempt(KubePart.NODE_POOLS, () -> custom(KubePart.NODE_POOLS, pools::add), read, gaps);
        List<GenericKubernetesResource> classes = new ArrayList<>();
        attempt(KubePart.EC2_NODE_CLASSES, () -> custom(KubePart.EC2_NODE_CLASSES, classes::add), read, gaps);
        List<GenericKubernetesResource> autoClasses = new ArrayList<>();
        attempt(KubePart.NODE_CLASSES, () -> custom(KubePart.NODE_CLASSES, autoClasses::add), read, gaps);

        List<KubeNode> kubeNodes = nodes.stream().map(n -> KubeObjects.node(n,
                podsByNode.getOrDefault(n.getMetadata().getName(), 0))).toList();
        List<KubeNodePool> nodePools = KubeObjects.nodePools(pools, classes, autoClasses);
        return new Result(new KubeView(cluster, read, kubeNodes, env, eniConfigs, nodePools), gaps);
    }

    private enum Outcome { READ, FAILED, UNREACHABLE }

    private Outcome attempt(KubePart part, Runnable call, Set<KubePart> read, List<InventoryGap> gaps) {
        try {
            call.run();
            read.add(part);
            return Outcome.READ;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {          // the resource does not exist in this cluster: nothing to read
                read.add(part);
                return Outcome.READ;
            }
            gaps.add(gap(part, e));
            return e.getCode() <= 0 ? Outcome.UNREACHABLE : Outcome.FAILED;
        }
    }

    private InventoryGap gap(KubePart part, KubernetesClientException e) {
        String request = KubeParts.request(part);
        if (e.getCode() <= 0) {         // no HTTP answer at all (fabric8 reports -1 or 0)
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new InventoryGap(Scope.cluster(cluster), "kubernetes:" + request, "unreachable",
                    ("cluster %s: the Kubernetes API could not be reached (%s: %s); exact mode is off for it and "
                     + "its figures are estimated from AWS").formatted(cluster, cause.getClass().getSimpleName(),
                            cause.getMessage()));
        }
        return new InventoryGap(Scope.cluster(cluster), "kubernetes:" + request, "HTTP " + e.getCode(),
                "cluster %s: the Kubernetes API answered HTTP %d to %s; %s stay estimated from AWS%s".formatted(
                        cluster, e.getCode(), request, part.id(), e.getCode() == 401 || e.getCode() == 403
                                ? " (grant the ClusterRole in deploy/kubernetes/eks-ip-forecaster-reader.yaml)" : ""));
    }

    private void awsNodeEnv(Map<String, String> env) {
        DaemonSet ds = client.apps().daemonSets().inNamespace("kube-system").withName("aws-node").get();
        if (ds == null) return;
        for (Container c : ds.getSpec().getTemplate().getSpec().getContainers()) {
            if (!"aws-node".equals(c.getName()) || c.getEnv() == null) continue;
            for (EnvVar v : c.getEnv()) if (v.getValue() != null) env.put(v.getName(), v.getValue());
        }
    }

    private void custom(KubePart part, Consumer<GenericKubernetesResource> each) {
        list(o -> client.genericKubernetesResources(KubeParts.of(part)).list(o),
                page -> page.forEach(each));
    }

    /** Pages through a list: limit/continue, the first page from the watch cache. */
    private <T extends HasMetadata, L extends KubernetesResourceList<T>> void list(Function<ListOptions, L> call,
                                                                Consumer<List<T>> page) {
        String token = null;
        do {
            ListOptionsBuilder b = new ListOptionsBuilder().withLimit(PAGE);
            if (token == null) b.withResourceVersion("0");
            else b.withContinue(token);
            L l = call.apply(b.build());
            page.accept(l.getItems());
            token = l.getMetadata() == null ? null : l.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
    }

    /** A pod takes an ipamd address if bound, not host-network, not a branch-ENI pod and not finished. */
    static void countPod(Pod p, Map<String, Integer> podsByNode) {
        if (p.getSpec() == null || p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty()) return;
        if (Boolean.TRUE.equals(p.getSpec().getHostNetwork())) return;
        Map<String, String> annotations = p.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(POD_ENI_ANNOTATION)) return;
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) return;
        podsByNode.merge(p.getSpec().getNodeName(), 1, Integer::sum);
    }

    static int pods(Map<String, Quantity> capacity) {
        if (capacity == null || capacity.get("pods") == null) return 0;
        try {
            return Quantity.getAmountInBytes(capacity.get("pods")).intValueExact();
        } catch (ArithmeticException | IllegalArgumentException e) {
            return 0;
        }
    }
}
