package dev.eksip.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.inventory.UserDataMaxPods.Found;
import dev.eksip.app.inventory.UserDataMaxPods.NotSet;
import dev.eksip.app.inventory.UserDataMaxPods.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Max pods from launch-template user data: MIME, nodeadm NodeConfig, bootstrap.sh, plain shell. */
class UserDataMaxPodsTest {
    /** The shape of the EKS user guide's AL2023 example (MIME, application/node.eks.aws). */
    private static final String NODEADM_MIME = """
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="BOUNDARY"

            --BOUNDARY
            Content-Type: application/node.eks.aws

            ---
            apiVersion: node.eks.aws/v1alpha1
            kind: NodeConfig
            spec:
              cluster:
                name: prod
              kubelet:
                config:
                  maxPods: 110
                  clusterDNS:
                  - 10.100.0.10

            --BOUNDARY--
            """;

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nodeadmConfigMaxPodsInAMimePart() {
        assertThat(UserDataMaxPods.read(b64(NODEADM_MIME)))
                .isEqualTo(new Found(110, "nodeadm NodeConfig spec.kubelet.config.maxPods"));
    }

    @Test
    void nodeadmFlagsWinOverConfigAsOnTheKubeletCommandLine() {
        String yaml = """
                apiVersion: node.eks.aws/v1alpha1
                kind: NodeConfig
                spec:
                  kubelet:
                    config:
                      maxPods: 58
                    flags: ["--node-labels=a=b", "--max-pods=250"]
                """;
        assertThat(UserDataMaxPods.read(b64(yaml)))
                .isEqualTo(new Found(250, "nodeadm NodeConfig spec.kubelet.flags --max-pods"));
    }

    @Test
    void nodeadmInJsonAndABlockListOfFlags() {
        assertThat(UserDataMaxPods.readText("""
                {"apiVersion": "node.eks.aws/v1alpha1", "kind": "NodeConfig",
                 "spec": {"kubelet": {"config": {"maxPods": "98"}}}}
                """)).isEqualTo(new Found(98, "nodeadm NodeConfig spec.kubelet.config.maxPods"));
        assertThat(UserDataMaxPods.readText("""
                apiVersion: node.eks.aws/v1alpha1
                kind: NodeConfig
                spec:
                  kubelet:
                    flags:
                      - --max-pods=64
                """)).isEqualTo(new Found(64, "nodeadm NodeConfig spec.kubelet.flags --max-pods"));
    }

    @Test
    void bootstrapShKubeletExtraArgs() {
        String script = """
                #!/bin/bash
                set -ex
                /etc/eks/bootstrap.sh prod --use-max-pods false --kubelet-extra-args '--max-pods=110 --node-labels=x=y'
                """;
        assertThat(UserDataMaxPods.read(b64(script)))
                .isEqualTo(new Found(110, "bootstrap.sh --kubelet-extra-args --max-pods"));
    }

    @Test
    void bootstrapShUseMaxPodsFalseAloneLeavesTheKubeletDefault() {
        String script = "#!/bin/bash\n/etc/eks/bootstrap.sh prod --use-max-pods false\n";
        assertThat(UserDataMaxPods.read(b64(script)))
                .isEqualTo(new Found(110, "bootstrap.sh --use-max-pods false (the kubelet's default)"));
    }

    @Test
    void bootstrapShWithoutMaxPodsIsNotSet() {
        assertThat(UserDataMaxPods.read(b64("#!/bin/bash\n/etc/eks/bootstrap.sh prod --b64-cluster-ca abc\n")))
                .isEqualTo(new NotSet());
        assertThat(UserDataMaxPods.read(null)).isEqualTo(new NotSet());
        assertThat(UserDataMaxPods.read("")).isEqualTo(new NotSet());
    }

    @Test
    void plainShellStartingTheKubeletWithASpaceSeparatedFlag() {
        assertThat(UserDataMaxPods.readText("#!/bin/sh\nexec /usr/bin/kubelet --config /etc/k.json --max-pods 42\n"))
                .isEqualTo(new Found(42, "kubelet flag --max-pods in a script"));
    }

    @Test
    void nestedMultipartWithABase64ShellPartAndTheLastValueWinning() {
        String inner = b64("#!/bin/bash\n/etc/eks/bootstrap.sh prod --kubelet-extra-args \"--max-pods=17\"\n");
        String mime = """
                Content-Type: multipart/mixed;
                 boundary="==OUTER=="
                MIME-Version: 1.0

                --==OUTER==
                Content-Type: text/x-shellscript; charset="us-ascii"

                #!/bin/bash
                echo --max-pods=9

                --==OUTER==
                Content-Type: multipart/alternative; boundary=INNER

                --INNER
                Content-Type: text/x-shellscript
                Content-Transfer-Encoding: base64

                %s
                --INNER--

                --==OUTER==--
                """.formatted(inner);
        assertThat(UserDataMaxPods.read(b64(mime)))
                .isEqualTo(new Found(17, "bootstrap.sh --kubelet-extra-args --max-pods"));
    }

    @Test
    void gzippedUserData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(NODEADM_MIME.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(UserDataMaxPods.read(Base64.getEncoder().encodeToString(out.toByteArray())))
                .isEqualTo(new Found(110, "nodeadm NodeConfig spec.kubelet.config.maxPods"));
    }

    @Test
    void aMaxPodsExpressionIsNotEvaluated() {
        assertThat(UserDataMaxPods.readText("""
                apiVersion: node.eks.aws/v1alpha1
                kind: NodeConfig
                spec:
                  kubelet:
                    maxPodsExpression: "default_enis * (ips_per_eni - 1) + 2"
                """)).isEqualTo(new Problem(
                "NodeConfig spec.kubelet.maxPodsExpression (default_enis * (ips_per_eni - 1) + 2) is not evaluated"));
    }

    @Test
    void malformedUserDataIsAProblemNeverAnException() {
        assertThat(UserDataMaxPods.read("not base64 !!")).isInstanceOf(Problem.class);
        assertThat(UserDataMaxPods.readText("Content-Type: multipart/mixed\n\n--X\nfoo\n"))
                .isEqualTo(new Problem("MIME multi-part user data has no boundary"));
        assertThat(UserDataMaxPods.readText("Content-Type: multipart/mixed; boundary=B\n\nno parts here\n"))
                .isEqualTo(new Problem("MIME multi-part user data has no part delimited by its boundary B"));
        assertThat(UserDataMaxPods.readText("apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec: [unclosed\n"))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).why()).startsWith("a NodeConfig document is not valid YAML"));
        assertThat(UserDataMaxPods.readText("#!/bin/bash\nkubelet --max-pods=$MAX\n"))
                .isEqualTo(new Problem("--max-pods is not a positive whole number: $MAX"));
    }

    @Test
    void useMaxPodsIsNotMistakenForMaxPods() {
        assertThat(UserDataMaxPods.readText("#!/bin/bash\n/etc/eks/bootstrap.sh prod --use-max-pods true\n"))
                .isEqualTo(new NotSet());
    }
}
