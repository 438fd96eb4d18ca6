package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eksip.aws.AwsInventorySource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code spoke-role.yaml}: the role grants exactly the inventory's calls (the same list the CLI's policy and the
 * function's role are checked against, so the three cannot drift), and only the hub function's role may assume it.
 */
class SpokeRoleTemplateTest {
    static final Path FILE = Path.of("spoke-role.yaml");
    final JsonNode root;

    SpokeRoleTemplateTest() throws Exception {
        root = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    }

    @Test
    void theReaderRoleGrantsExactlyWhatTheInventoryCallsAndNoWildcardAction() {
        Set<String> granted = new TreeSet<>();
        for (JsonNode policy : root.path("Resources").path("ReaderRole").path("Properties").path("Policies"))
            for (JsonNode s : policy.path("PolicyDocument").path("Statement")) {
                assertThat(s.path("Effect").asText()).isEqualTo("Allow");
                JsonNode action = s.path("Action");
                if (action.isArray()) action.forEach(a -> granted.add(a.asText()));
                else granted.add(action.asText());
            }
        // the inventory, and the hub's runway fallback for a target without history (its scaling activities)
        Set<String> called = new TreeSet<>(AwsInventorySource.IAM_ACTIONS);
        called.add("autoscaling:DescribeScalingActivities");
        assertThat(called).containsAll(dev.eksip.aws.AwsRunway.IAM_ACTIONS.stream()
                .filter(a -> a.startsWith("autoscaling:")).toList());
        assertThat(granted).containsExactlyElementsOf(called);
        assertThat(granted).allSatisfy(a -> assertThat(a).doesNotContain("*"));
    }

    @Test
    void onlyTheHubFunctionsRoleMayAssumeItWithOptionalOrganizationAndExternalIdConditions() {
        JsonNode trust = root.path("Resources").path("ReaderRole").path("Properties").path("AssumeRolePolicyDocument")
                .path("Statement");
        assertThat(trust).hasSize(1);
        JsonNode s = trust.get(0);
        assertThat(s.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(s.path("Principal").path("AWS").asText()).contains("${HubAccountId}:root");
        assertThat(s.path("Condition").path("ArnEquals").path("aws:PrincipalArn").asText())
                .isEqualTo("arn:${AWS::Partition}:iam::${HubAccountId}:role/${HubRoleName}");
        assertThat(s.path("Condition").path("StringEquals").has("aws:PrincipalOrgID")).isTrue();
        assertThat(s.path("Condition").path("StringEquals").has("sts:ExternalId")).isTrue();
    }

    @Test
    void theDefaultRoleNameIsTheOneTheHubAndTheCliAssume() {
        String spokeDefault = root.path("Parameters").path("RoleName").path("Default").asText();
        assertThat(spokeDefault).isEqualTo(dev.eksip.config.HubConfig.DEFAULT_ROLE);
        assertThat(Template.load().root.path("Parameters").path("SpokeRoleName").path("Default").asText())
                .isEqualTo(spokeDefault);
    }
}
