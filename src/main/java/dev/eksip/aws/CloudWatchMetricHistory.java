package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.runway.Sample;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the function's per-subnet series back with {@code GetMetricData}: hourly {@code Minimum} (the estimator
 * keeps each day's worst point), at most {@value #MAX_QUERIES_PER_CALL} queries per call (the API's limit), every
 * page followed through {@code NextToken}. A page holds at most {@code maxDatapoints} datapoints (the API's own cap
 * is {@value #API_MAX_DATAPOINTS}); a query's datapoints may be split across pages and are merged here. Billing is
 * per metric requested ($0.01 per 1,000, https://aws.amazon.com/cloudwatch/pricing/), not per page: 100 subnets cost
 * 100 metrics a run whatever the window. API reference:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html.
 */
final class CloudWatchMetricHistory implements MetricHistory {
    public static final String ACTION = "cloudwatch:GetMetricData";
    public static final int MAX_QUERIES_PER_CALL = 500;
    public static final int API_MAX_DATAPOINTS = 100_800;
    public static final int PERIOD_SECONDS = 3600;
    private final CloudWatchClient cloudWatch;
    private final String namespace;
    private final int maxDatapoints;
    private final List<Dimension> prefix;

    CloudWatchMetricHistory(CloudWatchClient cloudWatch, String namespace, int maxDatapoints) {
        this(cloudWatch, namespace, maxDatapoints, List.of());
    }

    /**
     * @param prefix dimensions before {@code SubnetId, VpcId}: the hub's {@code AccountId, Region} of a target
     *               ({@code TargetTagging}), none for the function's own account
     */
    CloudWatchMetricHistory(CloudWatchClient cloudWatch, String namespace, int maxDatapoints, List<Dimension> prefix) {
        this.prefix = List.copyOf(prefix);
        this.cloudWatch = requireNonNull(cloudWatch, "cloudWatch");
        this.namespace = requireNonNull(namespace, "namespace");
        if (maxDatapoints < 1 || maxDatapoints > API_MAX_DATAPOINTS)
            throw new IllegalArgumentException("maxDatapoints must be 1..%d, got %d"
                    .formatted(API_MAX_DATAPOINTS, maxDatapoints));
        this.maxDatapoints = maxDatapoints;
    }

    CloudWatchMetricHistory(CloudWatchClient cloudWatch, String namespace) {
        this(cloudWatch, namespace, API_MAX_DATAPOINTS);
    }

    @Override
    public Map<Key, List<Sample>> read(List<Key> keys, Instant from, Instant to) {
        Map<Key, List<Sample>> out = new LinkedHashMap<>();
        for (int start = 0; start < keys.size(); start += MAX_QUERIES_PER_CALL) {
            List<Key> batch = keys.subList(start, Math.min(keys.size(), start + MAX_QUERIES_PER_CALL));
            Map<String, Key> byId = new HashMap<>();
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Key k = batch.get(i);
                String id = "q" + i;
                byId.put(id, k);
                queries.add(MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s
                        .period(PERIOD_SECONDS).stat("Minimum").metric(m -> m.namespace(namespace)
                                .metricName(k.metric()).dimensions(dimensions(k)))).build());
            }
            Map<String, TreeMap<Instant, Double>> merged = new HashMap<>();
            String token = null;
            do {
                GetMetricDataResponse page = call(queries, from, to, token);
                for (MetricDataResult r : page.metricDataResults()) {
                    TreeMap<Instant, Double> series = merged.computeIfAbsent(r.id(), id -> new TreeMap<>());
                    for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++)
                        series.merge(r.timestamps().get(i), r.values().get(i), Math::min);
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            for (Map.Entry<String, TreeMap<Instant, Double>> e : merged.entrySet()) {
                if (e.getValue().isEmpty() || !byId.containsKey(e.getKey())) continue;
                out.put(byId.get(e.getKey()), e.getValue().entrySet().stream()
                        .map(p -> new Sample(p.getKey(), p.getValue())).toList());
            }
        }
        return out;
    }

    private List<Dimension> dimensions(Key k) {
        List<Dimension> d = new ArrayList<>(prefix);
        d.add(Dimension.builder().name("SubnetId").value(k.subnetId()).build());
        d.add(Dimension.builder().name("VpcId").value(k.vpcId()).build());
        return d;
    }

    private GetMetricDataResponse call(List<MetricDataQuery> queries, Instant from, Instant to, String token) {
        // the one SdkException translation (AwsCalls): the call and the AWS error code, else the client exception
        return AwsCalls.required(ACTION, () -> cloudWatch.getMetricData(r -> r.metricDataQueries(queries).startTime(from).endTime(to)
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING).maxDatapoints(maxDatapoints).nextToken(token)));
    }
}
