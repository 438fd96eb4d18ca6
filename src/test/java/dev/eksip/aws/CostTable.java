package dev.eksip.aws;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly bill of one stack per 100 subnets, from the metric counts {@link MetricDetailWireTest} measures at the
 * wire and the assumptions and us-east-1 list prices below (docs/operations.md "Costs" cites the pricing pages).
 * Produces the two Markdown tables that docs/operations.md must contain verbatim.
 */
final class CostTable {
    // the account: 10 clusters, each in its own VPC with 10 subnets over 3 zones; every subnet has a node group
    // growing into it, none uses prefix delegation
    static final int CLUSTERS = 10;
    static final int SUBNETS_PER_CLUSTER = 10;
    static final int ZONES_PER_VPC = 3;
    static final int SUBNETS = CLUSTERS * SUBNETS_PER_CLUSTER;
    static final int ZONES = CLUSTERS * ZONES_PER_VPC;

    // usage per month (730 hours)
    static final int SCHEDULED_AUDITS = 730 * 4;          // rate(15 minutes)
    static final int CHANGE_AUDITS = 1_200;               // SQS batches: about 4 scaling bursts a day per cluster
    static final int CHANGE_EVENTS = 12_000;              // EventBridge → SQS messages (SendMessage + DeleteMessage)
    static final int BILLED_SECONDS = 3;                  // per invocation, at 1,024 MB
    static final int IDLE_RECEIVES = 5 * 3 * 730 * 60;    // 5 long pollers (MaximumConcurrency disables Lambda's
                                                          // scale-down to 2), one 20 s ReceiveMessage each
    static final int LOG_KB_PER_INVOCATION = 2;
    static final int STANDARD_ALARMS = 9;                 // template.yaml: every alarm (none on a Metrics Insights query)

    // us-east-1 list prices
    static final BigDecimal METRIC = new BigDecimal("0.30");              // per metric-month, first 10,000
    static final BigDecimal PUT_PER_1000 = new BigDecimal("0.01");        // PutMetricData requests
    static final BigDecimal GET_METRIC_DATA_PER_1000 = new BigDecimal("0.01");   // GetMetricData: metrics requested
    static final BigDecimal ALARM_METRIC = new BigDecimal("0.10");        // standard resolution, per alarm metric
    static final BigDecimal DASHBOARD = new BigDecimal("3.00");
    static final BigDecimal GB_SECOND_ARM = new BigDecimal("0.0000133334");
    static final BigDecimal LAMBDA_REQUEST = new BigDecimal("0.0000002");
    static final BigDecimal SQS_REQUEST = new BigDecimal("0.0000004");
    static final BigDecimal DYNAMODB_RRU = new BigDecimal("0.000000125");  // on demand, per read request unit
    static final BigDecimal KMS_KEY = new BigDecimal("1.00");
    static final BigDecimal LOGS_PER_GB = new BigDecimal("0.50");

    /** What one detail level put on the wire for the account above. */
    record Measured(int subnetSeries, int zoneSeries, int clusterSeries, int accountSeries, int prefixDelegationExtra,
                    int datumsPerAccountAudit, int callsPerAccountAudit, int callsPerClusterAudit) {
        int metrics() {
            return subnetSeries + zoneSeries + clusterSeries + accountSeries;
        }

        int putMetricDataRequests() {
            return SCHEDULED_AUDITS * callsPerAccountAudit + CHANGE_AUDITS * callsPerClusterAudit;
        }
    }

    /** What the runway's history read asked {@code GetMetricData} for (the same at either detail). */
    record HistoryReads(int callsPerAccountAudit, int metricsPerAccountAudit, int metricsPerClusterAudit) {
        int metricsRequested() {
            return SCHEDULED_AUDITS * metricsPerAccountAudit + CHANGE_AUDITS * metricsPerClusterAudit;
        }
    }

    private final Measured lean;
    private final Measured full;
    private final HistoryReads history;

    CostTable(Measured lean, Measured full, HistoryReads reads) {
        this.lean = lean;
        this.full = full;
        this.history = reads;
    }

    /** 100 subnets as {@link #CLUSTERS} clusters, each in its own VPC. */
    static Forecast account() {
        List<SubnetForecast> subnets = new ArrayList<>();
        for (int c = 1; c <= CLUSTERS; c++)
            for (int s = 0; s < SUBNETS_PER_CLUSTER; s++)
                subnets.add(Forecasts.subnet("subnet-%02d%02d".formatted(c, s)).vpc("vpc-%02d".formatted(c))
                        .az("us-east-1" + (char) ('a' + s % ZONES_PER_VPC)).clusters("cluster-%02d".formatted(c))
                        .build());
        Forecast perSubnetZones = Forecasts.forecast(subnets);
        Map<String, ZoneForecast> zones = new LinkedHashMap<>();   // one per (VPC, zone), as the forecaster builds them
        for (ZoneForecast z : perSubnetZones.zones()) zones.putIfAbsent(z.vpcId() + "/" + z.availabilityZone(), z);
        return new Forecast(perSubnetZones.asOf(), perSubnetZones.accountId(), perSubnetZones.region(), subnets,
                List.copyOf(zones.values()), perSubnetZones.clusters(), List.of(), 0, 0);
    }

    /** What a change event's audit of one cluster forecasts. */
    static Forecast clusterScoped(Forecast account, String cluster) {
        List<SubnetForecast> subnets = account.subnets().stream().filter(s -> s.clusters().contains(cluster)).toList();
        List<String> vpcs = subnets.stream().map(SubnetForecast::vpcId).distinct().toList();
        List<ZoneForecast> zones = account.zones().stream().filter(z -> vpcs.contains(z.vpcId())).toList();
        List<ClusterForecast> clusters = account.clusters().stream().filter(c -> c.cluster().equals(cluster)).toList();
        return new Forecast(account.asOf(), account.accountId(), account.region(), subnets, zones, clusters,
                List.of(), 0, 0);
    }

    /** Metrics per subnet, zone, cluster and account. */
    String countsTable() {
        return """
                | Custom metrics published for | `lean` | `full` |
                |---|---:|---:|
                | each subnet (`SubnetId`, `VpcId`) | %d | %d |
                | each prefix-delegation subnet, in addition | %d | %d |
                | each VPC and zone (`VpcId`, `AvailabilityZone`) | %d | %d |
                | each cluster (`ClusterName`) | %d | %d |
                | the account (no dimension) | %d | %d |
                | **%d subnets, %d zones, %d clusters** | **%s** | **%s** |
                """.formatted(
                lean.subnetSeries() / SUBNETS, full.subnetSeries() / SUBNETS,
                lean.prefixDelegationExtra(), full.prefixDelegationExtra(),
                lean.zoneSeries() / ZONES, full.zoneSeries() / ZONES,
                lean.clusterSeries() / CLUSTERS, full.clusterSeries() / CLUSTERS,
                lean.accountSeries(), full.accountSeries(),
                SUBNETS, ZONES, CLUSTERS, count(lean.metrics()), count(full.metrics()));
    }

    /** The monthly bill, item by item. */
    String costTable() {
        int invocations = SCHEDULED_AUDITS + CHANGE_AUDITS;
        BigDecimal lambda = GB_SECOND_ARM.multiply(BigDecimal.valueOf((long) invocations * BILLED_SECONDS))
                .add(LAMBDA_REQUEST.multiply(BigDecimal.valueOf(invocations)));
        int sqsRequests = IDLE_RECEIVES + 2 * CHANGE_EVENTS;
        int reads = CLUSTERS * SCHEDULED_AUDITS + CHANGE_AUDITS;   // one consistent GetItem per cluster and audit
        BigDecimal logGb = BigDecimal.valueOf((long) invocations * LOG_KB_PER_INVOCATION)
                .divide(BigDecimal.valueOf(1024L * 1024), 6, RoundingMode.HALF_UP);
        Map<String, BigDecimal[]> rows = new LinkedHashMap<>();
        rows.put("Custom metrics (%s / %s × $0.30)".formatted(count(lean.metrics()), count(full.metrics())),
                pair(METRIC.multiply(BigDecimal.valueOf(lean.metrics())), METRIC.multiply(BigDecimal.valueOf(full.metrics()))));
        rows.put("`PutMetricData` (%s / %s requests of at most 1,000 datums; %s / %s datums per account-wide audit)"
                        .formatted(count(lean.putMetricDataRequests()), count(full.putMetricDataRequests()),
                                count(lean.datumsPerAccountAudit()), count(full.datumsPerAccountAudit())),
                pair(PUT_PER_1000.multiply(BigDecimal.valueOf(lean.putMetricDataRequests())).movePointLeft(3),
                        PUT_PER_1000.multiply(BigDecimal.valueOf(full.putMetricDataRequests())).movePointLeft(3)));
        rows.put("`GetMetricData`, the runway's history (%s metrics requested: %d per account-wide audit in %d call, %d per cluster audit)"
                        .formatted(count(history.metricsRequested()), history.metricsPerAccountAudit(),
                                history.callsPerAccountAudit(), history.metricsPerClusterAudit()),
                same(GET_METRIC_DATA_PER_1000.multiply(BigDecimal.valueOf(history.metricsRequested())).movePointLeft(3)));
        rows.put("`GetMetricData`, the runway's history (%s metrics requested: %d per account-wide audit in %d call, %d per cluster audit)"
                        .formatted(count(history.metricsRequested()), history.metricsPerAccountAudit(),
                                history.callsPerAccountAudit(), history.metricsPerClusterAudit()),
                same(GET_METRIC_DATA_PER_1000.multiply(BigDecimal.valueOf(history.metricsRequested())).movePointLeft(3)));
        rows.put("%d standard alarms × $0.10".formatted(STANDARD_ALARMS), same(ALARM_METRIC.multiply(BigDecimal.valueOf(STANDARD_ALARMS))));
        rows.put("Dashboard", same(DASHBOARD));
        rows.put("Lambda (%s invocations × %d s × 1,024 MB, arm64)".formatted(count(invocations), BILLED_SECONDS), same(lambda));
        rows.put("SQS (%s requests, mostly Lambda's idle long polls)".formatted(count(sqsRequests)),
                same(SQS_REQUEST.multiply(BigDecimal.valueOf(sqsRequests))));
        rows.put("DynamoDB on demand (%s consistent reads, a few writes)".formatted(count(reads)),
                same(DYNAMODB_RRU.multiply(BigDecimal.valueOf(reads))));
        rows.put("KMS key (first year; each of the first two yearly rotations adds $1)", same(KMS_KEY));
        rows.put("SNS (alerts and alarm notifications, within the free tier)", same(BigDecimal.ZERO));
        rows.put("CloudWatch Logs (about %d KB per invocation)".formatted(LOG_KB_PER_INVOCATION), same(LOGS_PER_GB.multiply(logGb)));

        StringBuilder out = new StringBuilder("| Per month, %d subnets | `lean` | `full` |\n|---|---:|---:|\n".formatted(SUBNETS));
        BigDecimal leanTotal = BigDecimal.ZERO;
        BigDecimal fullTotal = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> r : rows.entrySet()) {
            out.append("| %s | %s | %s |\n".formatted(r.getKey(), money(r.getValue()[0]), money(r.getValue()[1])));
            leanTotal = leanTotal.add(r.getValue()[0]);
            fullTotal = fullTotal.add(r.getValue()[1]);
        }
        out.append("| **Total** | **%s** | **%s** |\n".formatted(money(leanTotal), money(fullTotal)));
        return out.toString();
    }

    private static BigDecimal[] pair(BigDecimal lean, BigDecimal full) {
        return new BigDecimal[] {lean, full};
    }

    private static BigDecimal[] same(BigDecimal both) {
        return pair(both, both);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
