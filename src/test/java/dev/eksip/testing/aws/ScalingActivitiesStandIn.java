package dev.eksip.testing.aws;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for Auto Scaling's {@code DescribeScalingActivities} (AWS query protocol, XML answers):
 * moto 5.2.1 answers that action with an empty list whatever happened (moto/autoscaling/responses.py,
 * {@code describe_scaling_activities}: {@code {"Activities": []}}), so activities are seeded here. Answers newest
 * first, {@code MaxRecords} a page (default and maximum 100) with an opaque {@code NextToken}; a call for another
 * action, or without {@code AutoScalingGroupName}, gets a 400. Every call's form parameters are recorded.
 */
public final class ScalingActivitiesStandIn implements AutoCloseable {
    /** One seeded activity, as Auto Scaling describes it. */
    public record Seeded(String group, Instant start, Instant end, String status, String description, String details) {
    }

    private final HttpServer server;
    private final List<Seeded> activities = new ArrayList<>();
    private final List<Map<String, String>> calls = new ArrayList<>();

    public ScalingActivitiesStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (this) {
                calls.add(form);
            }
            byte[] body;
            int status = 200;
            if (!"DescribeScalingActivities".equals(form.get("Action")) || !form.containsKey("AutoScalingGroupName")) {
                status = 400;
                body = ("<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>unsupported "
                        + form.get("Action") + "</Message></Error><RequestId>x</RequestId></ErrorResponse>")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                body = page(form).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public synchronized ScalingActivitiesStandIn add(Seeded a) {
        activities.add(a);
        return this;
    }

    /** A successful launch into {@code subnet} that took a minute. */
    public ScalingActivitiesStandIn launch(String group, Instant at, String subnet) {
        return add(new Seeded(group, at.minusSeconds(60), at, "Successful", "Launching a new EC2 instance: i-0"
                + Long.toHexString(at.getEpochSecond()), "{\"Subnet ID\":\"" + subnet + "\",\"Availability Zone\":\"us-east-1a\"}"));
    }

    /** A successful termination; Auto Scaling's details name the subnet there too. */
    public ScalingActivitiesStandIn terminate(String group, Instant at, String subnet) {
        return add(new Seeded(group, at.minusSeconds(60), at, "Successful", "Terminating EC2 instance: i-0"
                + Long.toHexString(at.getEpochSecond()), "{\"Subnet ID\":\"" + subnet + "\",\"Availability Zone\":\"us-east-1a\"}"));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Map<String, String>> calls() {
        return List.copyOf(calls);
    }

    private synchronized String page(Map<String, String> form) {
        int size = Math.min(100, Integer.parseInt(form.getOrDefault("MaxRecords", "100")));
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken").substring(5)) : 0;
        List<Seeded> mine = activities.stream().filter(a -> a.group().equals(form.get("AutoScalingGroupName")))
                .sorted(Comparator.comparing(Seeded::start).reversed()).toList();
        int to = Math.min(mine.size(), from + size);
        StringBuilder xml = new StringBuilder("<DescribeScalingActivitiesResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">"
                + "<DescribeScalingActivitiesResult><Activities>");
        for (int i = from; i < to; i++) {
            Seeded a = mine.get(i);
            xml.append("<member><ActivityId>a-").append(i).append("</ActivityId><AutoScalingGroupName>")
                    .append(escape(a.group())).append("</AutoScalingGroupName><Description>")
                    .append(escape(a.description())).append("</Description><Cause>At ").append(a.start())
                    .append(" an instance was started in response to a difference between desired and actual capacity"
                            + "</Cause><StartTime>").append(a.start()).append("</StartTime><EndTime>").append(a.end())
                    .append("</EndTime><StatusCode>").append(a.status()).append("</StatusCode><Progress>100</Progress>"
                            + "<Details>").append(escape(a.details())).append("</Details></member>");
        }
        xml.append("</Activities>");
        if (to < mine.size()) xml.append("<NextToken>page-").append(to).append("</NextToken>");
        xml.append("</DescribeScalingActivitiesResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</DescribeScalingActivitiesResponse>");
        return xml.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
