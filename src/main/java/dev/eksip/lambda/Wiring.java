package dev.eksip.lambda;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunForecast;
import dev.eksip.app.RunwayAddOn;
import dev.eksip.app.trigger.TriggerAudits;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.app.fleet.HubRun;
import dev.eksip.config.AppConfig;
import dev.eksip.config.KubernetesRead;
import dev.eksip.kube.KubeInventorySource;
import dev.eksip.config.HubConfig;

import java.time.Clock;
import java.util.Map;

/** The one composition root: configuration → SDK adapters → use cases. Runs once per execution environment. */
final class Wiring {
    /**
     * Per-cluster audits of one batch run at most this many at a time. Each audit is a chain of blocking AWS calls
     * (about 30 for a cluster with 5 node groups and 12 subnets), so four overlap their latency without meeting the
     * APIs' request rates; the SDK retries what is throttled.
     */
    static final int AUDIT_CONCURRENCY = 4;

    private Wiring() {
    }

    /** What the handler needs. */
    /** @param hub present in the hub deployment (organization-wide: {@code TARGET_REGIONS} set) */
    public record Components(AppConfig config, TriggerAudits triggers, java.util.Optional<HubRun> hub) {
    }

    /** @throws IllegalStateException naming the environment variable when the configuration is bad */
    public static Components production(Map<String, String> env) {
        AppConfig config = AppConfig.from(env);
        return compose(config, env, new LambdaAdapters(env));
    }

    /** The composition over given adapters: production's, or the SnapStart priming's canned ones ({@link Priming}). */
    static Components compose(AppConfig config, Map<String, String> env, LambdaAdapters aws) {
        // exact mode (KUBERNETES_READ): the Kubernetes API of the selected clusters over the AWS inventory
        RunForecast forecast = new RunForecast(KubeInventorySource.over(aws.inventorySource(config.configuredCni()),
                KubernetesRead.from(env), aws.clients().eks(), aws.clients().credentials(),
                aws.clients().region().id(), message -> { }));
        // a one-cluster audit reads every watched cluster, so its shared subnets count their growth (ClusterView)
        RunAudit audit = new RunAudit(forecast.step(config.clusterNames()),
                aws.metricsSink(config.metricNamespace()), config.metricDetail(),
                aws.alertSink(config.alertTopicArn()),
                aws.alertStateStore(config.alertStateTable()),
                new RunAudit.AlertSettings(config.alertMinSeverity(), config.alertRepeatInterval()),
                Clock.systemUTC())
                // the runway (issue 13): history read after each forecast, RunwayDays / MinRunwayDays, alert lines
                .with(new RunwayAddOn(aws.runwayHistory(config.metricNamespace()), AppConfig.runwayHistoryDays(env)));
        return new Components(config, new TriggerAudits(audit::audit, aws.clusterLookup(), config.clusterNames(),
                AUDIT_CONCURRENCY), HubConfig.from(env).map(hub -> HubWiring.hub(hub, config, aws,
                AppConfig.runwayHistoryDays(env))));
    }
}
