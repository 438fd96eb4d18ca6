package dev.eksip.lambda;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunForecast;
import dev.eksip.app.trigger.TriggerAudits;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.config.AppConfig;

import java.time.Clock;
import java.util.Map;

/** The one composition root: configuration → SDK adapters → use cases. Runs once per execution environment. */
final class Wiring {
    private Wiring() {
    }

    /** What the handler needs. */
    public record Components(AppConfig config, TriggerAudits triggers) {
    }

    /** @throws IllegalStateException naming the environment variable when the configuration is bad */
    public static Components production(Map<String, String> env) {
        AppConfig config = AppConfig.from(env);
        LambdaAdapters aws = new LambdaAdapters(env);
        RunForecast forecast = new RunForecast(aws.inventorySource(config.configuredCni()));
        // a one-cluster audit reads every watched cluster, so its shared subnets count their growth (ClusterView)
        RunAudit audit = new RunAudit((clusters, asOf) -> forecast.run(clusters, config.clusterNames(), asOf),
                aws.metricsSink(config.metricNamespace()), config.metricDetail(),
                aws.alertSink(config.alertTopicArn()),
                aws.alertStateStore(config.alertStateTable()),
                new RunAudit.AlertSettings(config.alertMinSeverity(), config.alertRepeatInterval()),
                Clock.systemUTC());
        return new Components(config, new TriggerAudits(audit::audit, aws.clusterLookup(), config.clusterNames()));
    }
}
