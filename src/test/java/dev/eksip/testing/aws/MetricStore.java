package dev.eksip.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The datapoints {@link CloudWatchWireRecorder} holds and its {@code GetMetricData} answers, encoded as Smithy RPC
 * v2 CBOR (timestamps as tag 1, epoch seconds).
 */
final class MetricStore {
    static final int MAX_QUERIES = 500;
    static final int MAX_DATAPOINTS = 100_800;
    private static final CBORFactory CBOR = new CBORFactory();

    record Answer(int status, byte[] body) {
    }

    private record Point(Instant at, double value) {
    }

    private record Flat(int query, Instant at, double value) {
    }

    /** key: namespace|metric|dimension=value,… (sorted) */
    private final Map<String, List<Point>> series = new TreeMap<>();

    synchronized void add(String namespace, String metric, Map<String, String> dimensions, Instant at, double v) {
        series.computeIfAbsent(key(namespace, metric, new TreeMap<>(dimensions)), k -> new ArrayList<>())
                .add(new Point(at, v));
    }

    void put(JsonNode putMetricData) {
        String namespace = putMetricData.path("Namespace").asText();
        for (JsonNode d : putMetricData.path("MetricData")) {
            TreeMap<String, String> dims = new TreeMap<>();
            d.path("Dimensions").forEach(x -> dims.put(x.path("Name").asText(), x.path("Value").asText()));
            add(namespace, d.path("MetricName").asText(), dims, seconds(d.path("Timestamp")), d.path("Value").asDouble());
        }
    }

    synchronized Answer answer(JsonNode request) {
        JsonNode queries = request.path("MetricDataQueries");
        if (queries.size() > MAX_QUERIES)
            return error("InvalidParameterValue", "The collection MetricDataQueries must not have a size greater than "
                    + MAX_QUERIES + ".");
        int max = request.has("MaxDatapoints") ? request.path("MaxDatapoints").asInt() : MAX_DATAPOINTS;
        if (max < 1 || max > MAX_DATAPOINTS)
            return error("InvalidParameterValue", "MaxDatapoints must be 1.." + MAX_DATAPOINTS);
        Instant start = seconds(request.path("StartTime"));
        Instant end = seconds(request.path("EndTime"));
        List<Flat> flat = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            JsonNode stat = queries.get(q).path("MetricStat");
            JsonNode metric = stat.path("Metric");
            TreeMap<String, String> dims = new TreeMap<>();
            metric.path("Dimensions").forEach(x -> dims.put(x.path("Name").asText(), x.path("Value").asText()));
            long period = stat.path("Period").asLong();
            TreeMap<Long, DoubleSummaryStatistics> buckets = new TreeMap<>();
            for (Point p : series.getOrDefault(key(metric.path("Namespace").asText(),
                    metric.path("MetricName").asText(), dims), List.of())) {
                if (p.at().isBefore(start) || !p.at().isBefore(end)) continue;
                long bucket = (p.at().getEpochSecond() - start.getEpochSecond()) / period;
                buckets.computeIfAbsent(bucket, b -> new DoubleSummaryStatistics()).accept(p.value());
            }
            for (Map.Entry<Long, DoubleSummaryStatistics> b : buckets.entrySet()) {
                DoubleSummaryStatistics s = b.getValue();
                double v = switch (stat.path("Stat").asText()) {
                    case "Minimum" -> s.getMin();
                    case "Maximum" -> s.getMax();
                    case "Average" -> s.getAverage();
                    case "Sum" -> s.getSum();
                    case "SampleCount" -> s.getCount();
                    default -> throw new IllegalArgumentException("stat " + stat.path("Stat").asText());
                };
                flat.add(new Flat(q, start.plusSeconds(b.getKey() * period), v));
            }
        }
        int from = request.hasNonNull("NextToken") ? Integer.parseInt(request.path("NextToken").asText()
                .substring("page-".length())) : 0;
        int to = Math.min(flat.size(), from + max);
        return new Answer(200, page(queries, flat.subList(from, to), to < flat.size() ? "page-" + to : null));
    }

    private static byte[] page(JsonNode queries, List<Flat> points, String nextToken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            for (int q = 0; q < queries.size(); q++) {
                int query = q;
                List<Flat> mine = points.stream().filter(f -> f.query() == query).toList();
                g.writeStartObject();
                g.writeStringField("Id", queries.get(q).path("Id").asText());
                g.writeStringField("Label", queries.get(q).path("MetricStat").path("Metric").path("MetricName").asText());
                g.writeFieldName("Timestamps");
                g.writeStartArray();
                for (Flat f : mine) {
                    g.writeTag(1);
                    g.writeNumber(f.at().getEpochSecond());
                }
                g.writeEndArray();
                g.writeFieldName("Values");
                g.writeStartArray();
                for (Flat f : mine) g.writeNumber(f.value());
                g.writeEndArray();
                g.writeStringField("StatusCode", nextToken == null ? "Complete" : "PartialData");
                g.writeEndObject();
            }
            g.writeEndArray();
            if (nextToken != null) g.writeStringField("NextToken", nextToken);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Answer error(String type, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("__type", "com.amazonaws.cloudwatch#" + type);
            g.writeStringField("message", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(400, out.toByteArray());
    }

    private static Instant seconds(JsonNode n) {
        double s = n.asDouble();
        return Instant.ofEpochMilli(Math.round(s * 1000));
    }

    private static String key(String namespace, String metric, TreeMap<String, String> dims) {
        return namespace + "|" + metric + "|" + dims;
    }
}
