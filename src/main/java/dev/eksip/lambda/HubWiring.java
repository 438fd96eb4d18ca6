package dev.eksip.lambda;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunForecast;
import dev.eksip.app.RunwayAddOn;
import dev.eksip.app.fleet.HubRun;
import dev.eksip.app.fleet.TargetTagging;
import dev.eksip.app.port.AlertSink;
import dev.eksip.app.port.MetricsSink;
import dev.eksip.aws.AwsClients;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.aws.TargetAccess;
import dev.eksip.config.AppConfig;
import dev.eksip.config.HubConfig;

import java.time.Clock;

/**
 * The hub's composition (organization-wide audits): each target is read through its spoke role and audited by a
 * {@link RunAudit} of its own — its metrics tagged with AccountId and Region ({@link TargetTagging}), its alert state
 * keyed by the target, its alerts to the hub's topic (the message names account and region).
 */
final class HubWiring {
    private HubWiring() {
    }

    /** @param runwayDays {@code RUNWAY_HISTORY_DAYS}: each target's runway history ({@link RunwayAddOn}) */
    static HubRun hub(HubConfig hub, AppConfig config, LambdaAdapters aws, int runwayDays) {
        TargetAccess access = aws.targetAccess(hub.roleName(), hub.externalId());
        MetricsSink metrics = aws.metricsSink(config.metricNamespace());
        AlertSink alerts = aws.alertSink(config.alertTopicArn());
        RunAudit.AlertSettings settings = new RunAudit.AlertSettings(config.alertMinSeverity(),
                config.alertRepeatInterval());
        HubRun.TargetAuditor auditor = (target, clusters) -> {
            try (AwsClients clients = access.clients(target)) {
                RunForecast forecast = new RunForecast(LambdaAdapters.inventorySource(clients, config.configuredCni()));
                RunAudit audit = new RunAudit(forecast.step(config.clusterNames()),
                        points -> metrics.publish(TargetTagging.points(target, points)), config.metricDetail(),
                        alerts, aws.alertStateStore(config.alertStateTable(), target.key()), settings,
                        Clock.systemUTC())
                        .with(new RunwayAddOn(aws.runwayHistory(config.metricNamespace(), clients, target.accountId(),
                                target.region()), runwayDays));
                audit.audit(clusters, clusters.isEmpty());
            }
        };
        return new HubRun(hub.selection(), aws.accountDirectory(), aws.targetQueue(hub.queueUrl()),
                aws.auditLedger(config.alertStateTable()), metrics, hub.staleAfter(), auditor);
    }
}
