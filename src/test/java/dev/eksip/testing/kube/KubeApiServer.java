package dev.eksip.testing.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local Kubernetes API server for exact mode's tests: fabric8's {@code kubernetes-server-mock} in CRUD mode (real
 * REST semantics: objects created with a client are listed back), behind a guard that checks the bearer token of
 * every request and can deny paths (403 on the CRDs only). Tests seed real Node, Pod, DaemonSet and CRD objects
 * with {@link #seed()}; the forecaster reads them through its own client. {@link #requests()} records what it asked.
 */
public final class KubeApiServer implements AutoCloseable {
    /** The token seeding uses; the reader must bring an EKS token ({@code k8s-aws-v1.…}). */
    public static final String SEED_TOKEN = "seed-token";
    static final List<CustomResourceDefinitionContext> CRDS = List.of(
            crd("crd.k8s.amazonaws.com", "v1alpha1", "ENIConfig", "eniconfigs"),
            crd("karpenter.sh", "v1", "NodePool", "nodepools"),
            crd("karpenter.k8s.aws", "v1", "EC2NodeClass", "ec2nodeclasses"),
            crd("eks.amazonaws.com", "v1", "NodeClass", "nodeclasses"));

    /** One request as the server saw it. */
    public record Request(String method, String path, String authorization) {
    }

    private final KubernetesMockServer server;
    private final Guard guard;
    private final Map<String, Integer> denied = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private KubernetesClient seed;

    /** The mock logs every request at INFO through java.util.logging; kept quiet (a reference keeps the level). */
    private static final java.util.logging.Logger MOCK_LOG = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    public KubeApiServer() {
        MOCK_LOG.fine("starting");
        guard = new Guard();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), guard, false);
        server.init();
    }

    /** The endpoint to hand the reader (plain HTTP on localhost). */
    public String endpoint() {
        return server.url("/").replaceAll("/$", "");
    }

    /**
     * Stores {@code object} at the collection {@code path} (e.g. {@code /api/v1/nodes}) under the attributes a POST
     * would give it, without the HTTP round trip and the mock's linear duplicate search: for seeding thousands of
     * objects (the scale measurement). Lists read it back as any created object.
     */
    public void preload(String path, io.fabric8.kubernetes.api.model.HasMetadata object) {
        guard.store(path, seed().client.getKubernetesSerialization().asJson(object));
    }

    /** Answer {@code status} to every request whose path starts with {@code pathPrefix}. */
    public KubeApiServer deny(String pathPrefix, int status) {
        denied.put(pathPrefix, status);
        return this;
    }

    /** Requests made with a token other than the seeding one (the reader's). */
    public List<Request> requests() {
        return requests.stream().filter(r -> !("Bearer " + SEED_TOKEN).equals(r.authorization())).toList();
    }

    public Seed seed() {
        if (seed == null) seed = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
                .withMasterUrl(endpoint()).withOauthToken(SEED_TOKEN).build())
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        return new Seed(seed);
    }

    @Override
    public void close() {
        if (seed != null) seed.close();
        server.destroy();
    }

    /** Creates objects through the API, as kubectl would. */
    public static final class Seed {
        private final KubernetesClient client;

        Seed(KubernetesClient client) {
            this.client = client;
        }

        /** A node of EC2 instance {@code instanceId} with {@code capacity.pods = maxPods}. */
        public Seed node(String name, String instanceId, String zone, String type, int maxPods, String... labels) {
            Map<String, String> l = new LinkedHashMap<>();
            l.put("topology.kubernetes.io/zone", zone);
            l.put("node.kubernetes.io/instance-type", type);
            for (int i = 0; i + 1 < labels.length; i += 2) l.put(labels[i], labels[i + 1]);
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(l).endMetadata()
                    .withNewSpec().withProviderID("aws:///%s/%s".formatted(zone, instanceId)).endSpec()
                    .withNewStatus().addToCapacity("pods", new Quantity(String.valueOf(maxPods))).endStatus()
                    .build()).create();
            return this;
        }

        /** {@code count} running pods on {@code node}; {@code kind}: "pod", "host" (hostNetwork), "branch" (pod ENI). */
        public Seed pods(String namespace, String node, int count, String kind) {
            for (int i = 0; i < count; i++) {
                PodBuilder b = new PodBuilder().withNewMetadata().withName("%s-%s-%d".formatted(node, kind, i))
                        .withNamespace(namespace).endMetadata();
                if (kind.equals("branch"))
                    b.editMetadata().addToAnnotations("vpc.amazonaws.com/pod-eni", "[{\"eniId\":\"eni-b\"}]")
                            .endMetadata();
                client.pods().inNamespace(namespace).resource(b.withNewSpec().withNodeName(node)
                        .withHostNetwork(kind.equals("host")).addToContainers(new ContainerBuilder().withName("c")
                                .withImage("app").build()).endSpec()
                        .withNewStatus().withPhase("Running").endStatus().build()).create();
            }
            return this;
        }

        /** The aws-node DaemonSet in kube-system with this container env. */
        public Seed awsNode(Map<String, String> env) {
            List<EnvVar> vars = new ArrayList<>();
            env.forEach((k, v) -> vars.add(new EnvVar(k, v, null)));
            client.apps().daemonSets().inNamespace("kube-system").resource(new DaemonSetBuilder().withNewMetadata()
                    .withName("aws-node").withNamespace("kube-system").endMetadata().withNewSpec().withNewTemplate()
                    .withNewSpec().addToContainers(new ContainerBuilder().withName("aws-node").withImage("cni")
                            .withEnv(vars).build()).endSpec().endTemplate().endSpec().build()).create();
            return this;
        }

        public Seed eniConfig(String name, String subnetId) {
            return custom(0, name, Map.of("subnet", subnetId, "securityGroups", List.of("sg-1")));
        }

        public Seed nodePool(String name, String nodeClassGroup, String nodeClass, Map<String, Object> limits,
                             List<String> instanceTypes) {
            Map<String, Object> ref = Map.of("group", nodeClassGroup, "kind",
                    nodeClassGroup.equals("eks.amazonaws.com") ? "NodeClass" : "EC2NodeClass", "name", nodeClass);
            List<Object> requirements = instanceTypes.isEmpty() ? List.of() : List.of(Map.of(
                    "key", "node.kubernetes.io/instance-type", "operator", "In", "values", instanceTypes));
            return custom(1, name, Map.of("limits", limits, "template", Map.of("spec",
                    Map.of("nodeClassRef", ref, "requirements", requirements))));
        }

        public Seed ec2NodeClass(String name, String subnetTagKey, String subnetTagValue) {
            return custom(2, name, Map.of("subnetSelectorTerms", List.of(Map.of("tags",
                    Map.of(subnetTagKey, subnetTagValue)))));
        }

        public Seed autoNodeClass(String name, String subnetId, String podSubnetId) {
            return custom(3, name, Map.of("subnetSelectorTerms", List.of(Map.of("id", subnetId)),
                    "podSubnetSelectorTerms", List.of(Map.of("id", podSubnetId))));
        }

        /** An Auto Mode NodeClass in secondary-IP mode ({@code advancedNetworking.ipv4PrefixSize: "32"}). */
        public Seed autoNodeClassSecondaryIps(String name, String subnetId) {
            return custom(3, name, Map.of("subnetSelectorTerms", List.of(Map.of("id", subnetId)),
                    "advancedNetworking", Map.of("ipv4PrefixSize", "32")));
        }

        private Seed custom(int which, String name, Map<String, Object> spec) {
            CustomResourceDefinitionContext c = CRDS.get(which);
            GenericKubernetesResource r = new GenericKubernetesResourceBuilder()
                    .withApiVersion(c.getGroup() + "/" + c.getVersion()).withKind(c.getKind())
                    .withNewMetadata().withName(name).endMetadata().build();
            r.setAdditionalProperty("spec", spec);
            client.genericKubernetesResources(c).resource(r).create();
            return this;
        }
    }

    private final class Guard extends KubernetesCrudDispatcher {
        Guard() {
            super(CRDS);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String auth = request.getHeader("Authorization");
            requests.add(new Request(request.getMethod(), request.getPath(), auth));
            boolean seeding = ("Bearer " + SEED_TOKEN).equals(auth);
            if (!seeding && (auth == null || !auth.startsWith("Bearer k8s-aws-v1.")))
                return status(401, "Unauthorized");
            if (!seeding) for (var d : denied.entrySet())
                if (request.getPath().startsWith(d.getKey())) return status(d.getValue(), "Forbidden");
            return super.dispatch(request);
        }

        void store(String path, String json) {
            map.put(io.fabric8.mockwebserver.crud.AttributeSet.merge(attributeExtractor.fromPath(path),
                    attributeExtractor.fromResource(json)), json);
        }

        private static MockResponse status(int code, String reason) {
            return new MockResponse().setResponseCode(code).setBody(("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    + "\"status\":\"Failure\",\"reason\":\"%s\",\"code\":%d}").formatted(reason, code));
        }
    }

    private static CustomResourceDefinitionContext crd(String group, String version, String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withScope("Cluster").build();
    }
}
