package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.MetricMapping;
import dev.eksip.lambda.AwsOperations;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class TemplateTest {
    private final Template template = Template.load();

    @Test
    void runtimeMatchesTheCompiledRelease() throws IOException {
        Matcher release = Pattern.compile("<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(release.find()).as("pom.xml sets maven.compiler.release").isTrue();
        assertThat(template.root.path("Globals").path("Function").path("Runtime").asText())
                .isEqualTo("java" + release.group(1));
        for (String f : template.resourcesOfType("AWS::Serverless::Function"))
            assertThat(template.resource(f).path("Properties").has("Runtime")).as(f + " repeats Runtime").isFalse();
    }

    @Test
    void everyAwsCallTheCodeMakesHasItsIamActionAndNoOtherActionIsGranted() throws IOException {
        Set<String> called = AwsOperations.iamActionsCalledIn(Path.of("src/main/java/dev/eksip/aws"));
        Set<String> granted = template.functionActions();
        assertThat(called).as("the scan finds the publishing calls").contains("cloudwatch:PutMetricData",
                "sns:Publish", "dynamodb:GetItem", "dynamodb:PutItem", "autoscaling:DescribeAutoScalingGroups");
        // the inventory's own list of what it calls (its policy in docs/cli.md) is a subset of what the scan finds
        assertThat(called).containsAll(dev.eksip.aws.AwsInventorySource.IAM_ACTIONS);
        // the runway's history calls (the function's RunwayAddOn, the CLI's `audit --live --history`): the normal rule
        assertThat(called).containsAll(dev.eksip.aws.AwsRunway.IAM_ACTIONS);
        assertThat(granted).containsAll(called);
        Set<String> extra = new TreeSet<>(granted);
        extra.removeAll(called);
        // publishing to the KMS-encrypted topic needs the key, polling the change queue is Lambda's (the event
        // source mapping runs under the function's role): needed, but not calls of our code
        assertThat(extra).isSubsetOf(AwsOperations.IMPLIED_ACTIONS);
    }

    @Test
    void functionPolicyHasNoWildcardActionsAndScopesPutMetricDataToTheNamespace() {
        assertThat(template.functionActions()).allSatisfy(a -> assertThat(a).doesNotContain("*").contains(":"));
        JsonNode putMetric = null;
        for (JsonNode policy : template.resource("ForecastFunction").path("Properties").path("Policies"))
            for (JsonNode s : policy.path("Statement"))
                if (s.path("Action").asText().equals("cloudwatch:PutMetricData")) putMetric = s;
        assertThat(putMetric).isNotNull();
        assertThat(putMetric.path("Condition").path("StringEquals").path("cloudwatch:namespace").asText())
                .isEqualTo("MetricNamespace");   // !Ref MetricNamespace
        assertThat(template.resource("ForecastFunction").path("Properties").has("Role")).isFalse();
    }

    @Test
    void everyAlarmNotifiesTheAlertTopic() {
        var alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms).contains("SubnetsAtRiskAlarm", "SubnetsExhaustedAtMaxAlarm", "MinForecastAlarm", "RunwayAlarm",
                "IncompleteAuditAlarm", "FunctionErrorsAlarm", "MissedRunsAlarm", "DeadLetterQueueAlarm");
        for (String a : alarms)
            assertThat(template.resource(a).path("Properties").path("AlarmActions").get(0).asText())
                    .as(a).isEqualTo("AlertTopic");
        // AlarmMissingDataTest: why the lowest forecast is an account-level metric, not a Metrics Insights MIN
        assertThat(template.resource("MinForecastAlarm").path("Properties").path("MetricName").asText())
                .isEqualTo("MinForecastAvailableIpsAtMax");
    }

    @Test
    void snapStartIsOnForThePublishedAliasAndEveryTriggerInvokesTheAlias() {
        JsonNode function = template.resource("ForecastFunction").path("Properties");
        assertThat(function.path("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("SnapStart");
        assertThat(template.root.path("Parameters").path("SnapStart").path("Default").asText())
                .isEqualTo("PublishedVersions");
        for (String mapping : List.of("ChangeQueueMapping", "TargetQueueMapping"))
            assertThat(template.resource(mapping).path("Properties").path("FunctionName").asText()).as(mapping)
                    .isEqualTo("ForecastFunction.Alias");
        assertThat(function.path("Events").path("Schedule").path("Type").asText()).isEqualTo("Schedule");   // SAM: the alias
    }

    @Test
    void theRunwayAlarmReadsTheAccountsShortestRunwayAndKeepsItsStateWhenTheRunwayIsUnknown() {
        JsonNode alarm = template.resource("RunwayAlarm").path("Properties");
        assertThat(alarm.path("MetricName").asText()).isEqualTo("MinRunwayDays");
        assertThat(alarm.has("Dimensions")).as("the account-level minimum").isFalse();
        assertThat(alarm.path("Threshold").asText()).isEqualTo("RunwayAlarmDays");   // !Ref RunwayAlarmDays
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
        // an unread or unknown runway publishes nothing: never a false OK (no declining subnet publishes 3650)
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("ignore");
        assertThat(alarm.path("Statistic").asText()).isEqualTo("Minimum");
        assertThat(template.root.path("Parameters").path("RunwayAlarmDays").path("Default").asInt()).isEqualTo(30);
        assertThat(template.root.path("Parameters").path("RunwayHistoryDays").path("Default").asInt())
                .isEqualTo(dev.eksip.config.AppConfig.DEFAULT_RUNWAY_HISTORY_DAYS);
        assertThat(template.root.path("Parameters").path("RunwayHistoryDays").path("MaxValue").asInt())
                .isEqualTo(dev.eksip.config.AppConfig.MAX_RUNWAY_HISTORY_DAYS);
        assertThat(template.root.path("Parameters").path("RunwayHistoryDays").path("MinValue").asInt())
                .isEqualTo(dev.eksip.config.AppConfig.MIN_RUNWAY_HISTORY_DAYS);
        assertThat(template.resource("ForecastFunction").path("Properties").path("Environment").path("Variables")
                .path("RUNWAY_HISTORY_DAYS").asText()).isEqualTo("RunwayHistoryDays");
        assertThat(dev.eksip.app.RunwayMetrics.NO_DECLINE_DAYS).isGreaterThan(455);
    }

    @Test
    void changeEventsFlowThroughAnEncryptedQueueWithDeadLetterQueueAndBatchItemFailures() {
        JsonNode queue = template.resource("ChangeQueue").path("Properties");
        assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
        assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").asText()).startsWith("ChangeDeadLetterQueue");
        assertThat(template.resource("ChangeDeadLetterQueue").path("Properties").path("SqsManagedSseEnabled").asBoolean()).isTrue();
        JsonNode mapping = template.resource("ChangeQueueMapping");
        assertThat(mapping.path("Type").asText()).isEqualTo("AWS::Lambda::EventSourceMapping");
        assertThat(mapping.path("Properties").path("EventSourceArn").asText()).startsWith("ChangeQueue");
        assertThat(mapping.path("Properties").path("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        assertThat(mapping.path("Properties").path("MaximumBatchingWindowInSeconds").asInt()).isPositive();
        assertThat(template.resource("NodegroupChangeRule").path("Properties").path("EventPattern").path("detail")
                .path("eventName")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(EventRouting.EKS_EVENT_NAMES);
        assertThat(template.resource("AutoScalingChangeRule").path("Properties").path("EventPattern").path("detail-type"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(EventRouting.AUTOSCALING_DETAIL_TYPES);
        assertThat(template.resource("AlertTopic").path("Properties").path("KmsMasterKeyId").asText()).isNotEmpty();
    }

    @Test
    void everyConfigurationVariableIsSetInTheTemplateAndInEnvLocalJson() throws IOException {
        Set<String> read = new HashSet<>();
        Matcher m = Pattern.compile("\"([A-Z][A-Z_]+)\"").matcher(
                Files.readString(Path.of("src/main/java/dev/eksip/config/AppConfig.java"))
                        + Files.readString(Path.of("src/main/java/dev/eksip/config/HubConfig.java")));
        while (m.find()) read.add(m.group(1));
        read.remove("AWS_REGION");   // set by Lambda itself
        Set<String> templateVars = new HashSet<>();
        template.resource("ForecastFunction").path("Properties").path("Environment").path("Variables")
                .fieldNames().forEachRemaining(templateVars::add);
        assertThat(templateVars).containsExactlyInAnyOrderElementsOf(read);
        Set<String> local = new HashSet<>();
        new ObjectMapper().readTree(Path.of("env.local.json").toFile()).path("ForecastFunction").fieldNames()
                .forEachRemaining(local::add);
        assertThat(local).containsAll(read);
    }

    @Test
    void handlerNamedInTheTemplateExists() throws Exception {
        String handler = template.resource("ForecastFunction").path("Properties").path("Handler").asText();
        String cls = handler.substring(0, handler.indexOf("::"));
        assertThat(Class.forName(cls)).isEqualTo(ForecastHandler.class);
        assertThat(ForecastHandler.class.getConstructor()).isNotNull();
    }

    @Test
    void theServerlessRepoListingIsThisReleaseUnderApache2() throws IOException {
        JsonNode app = template.root.path("Metadata").path("AWS::ServerlessRepo::Application");
        assertThat(app.path("SemanticVersion").asText()).isEqualTo(Template.pomVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(app.path("SpdxLicenseId").asText()).isEqualTo("Apache-2.0");
        assertThat(Files.readString(Path.of(app.path("LicenseUrl").asText())))
                .contains("Apache License", "Version 2.0, January 2004", "END OF TERMS AND CONDITIONS");
        assertThat(Path.of(app.path("ReadmeUrl").asText())).exists();
        assertThat(app.path("HomePageUrl").asText()).isEqualTo(Template.pomUrl()).startsWith("https://");
        assertThat(app.path("SourceCodeUrl").asText()).isEqualTo(Template.pomUrl());
        // the Serverless Application Repository's own constraints
        assertThat(app.path("Name").asText()).isEqualTo("eks-ip-forecaster");
        assertThat(app.path("Author").asText()).matches("[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?");
        assertThat(app.path("Description").asText()).hasSizeBetween(1, 256);
        assertThat(app.path("Labels")).hasSizeBetween(1, 10)
                .allSatisfy(l -> assertThat(l.asText()).matches("[a-zA-Z0-9+\\-_:/@]{1,127}"));
    }

    @Test
    void metricDetailIsAParameterDefaultingToLeanThatReachesTheFunction() {
        JsonNode p = template.root.path("Parameters").path("MetricDetail");
        assertThat(p.path("Default").asText()).isEqualTo("lean");
        assertThat(p.path("AllowedValues")).extracting(JsonNode::asText).containsExactly("lean", "full");
        p.path("AllowedValues").forEach(v -> assertThat(MetricMapping.Detail.parse(v.asText()).name())
                .isEqualToIgnoringCase(v.asText()));
        assertThat(template.resource("ForecastFunction").path("Properties").path("Environment").path("Variables")
                .path("METRIC_DETAIL").asText()).isEqualTo("MetricDetail");   // !Ref MetricDetail
    }

    @Test
    void leanPublishesExactlyWhatTheAlarmsAndTheDashboardRead() {
        Set<MetricMapping.Kind> read = template.metricsRead();
        assertThat(read).as("metrics the template reads").hasSizeGreaterThanOrEqualTo(8);
        assertThat(read).allSatisfy(k -> assertThat(MetricMapping.Detail.LEAN.publishes(k)).as(k.toString()).isTrue());
        assertThat(MetricMapping.LEAN).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void samBuildRunsTheMakefileTargetThatPackagesWithoutTests() throws IOException {
        JsonNode function = template.resource("ForecastFunction");
        assertThat(function.path("Metadata").path("BuildMethod").asText()).isEqualTo("makefile");
        assertThat(function.path("Properties").path("CodeUri").asText()).isEqualTo(".");
        List<String> recipe = BuildArtifactIT.recipe("build-ForecastFunction");
        assertThat(recipe).anySatisfy(l -> assertThat(l).contains("./mvnw").contains("-Dmaven.test.skip=true")
                .contains("package").doesNotContain("install"));
        assertThat(String.join("\n", recipe)).contains("$(ARTIFACTS_DIR)/lib");
    }
}
