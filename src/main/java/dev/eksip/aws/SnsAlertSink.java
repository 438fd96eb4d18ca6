package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.alert.Alert;
import dev.eksip.app.port.AlertSink;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends an {@link Alert} to the SNS topic with {@code MessageStructure=json}: {@code default} and {@code email}
 * carry the text, {@code sqs} and {@code lambda} the JSON document; message attributes {@code severity},
 * {@code cluster}, {@code account}, {@code region} and {@code kind} allow subscription filter policies.
 * <p>
 * SNS refuses a message over {@value #MAX_BYTES} bytes ("Message too long"), counting the whole structured message
 * (all four forms), the subject and every message attribute's name, type and value: {@link #fits} measures that,
 * so {@link dev.eksip.app.alert.AlertPolicy} lists fewer subnets until it fits. A service error is
 * {@link AlertSink.NotSentException} (SNS refused the request: nothing was delivered); a client-side failure
 * (timeout, connection lost) leaves the delivery unknown and is rethrown as is.
 */
final class SnsAlertSink implements AlertSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertSink(SnsClient sns, String topicArn) {
        this.sns = requireNonNull(sns, "sns");
        this.topicArn = requireNonNull(topicArn, "topicArn");
    }

    /** SNS's limit for one message: 256 KiB. */
    static final int MAX_BYTES = 262_144;

    @Override
    public void send(Alert alert) {
        PublishRequest request = request(topicArn, alert);
        long bytes = bytes(request);
        if (bytes > MAX_BYTES)
            throw new NotSentException("alert for cluster %s is %d bytes, over SNS's %d".formatted(alert.cluster(),
                    bytes, MAX_BYTES), null);
        try {
            sns.publish(request);
        } catch (AwsServiceException refused) {
            throw new NotSentException("sns:Publish refused: " + refused.getMessage(), refused);
        }
    }

    @Override
    public boolean fits(Alert alert) {
        return bytes(request(topicArn, alert)) <= MAX_BYTES;
    }

    /** What SNS counts against {@link #MAX_BYTES}: subject, message and the attributes' names, types and values. */
    static long bytes(PublishRequest r) {
        long n = utf8(r.subject()) + utf8(r.message());
        for (Map.Entry<String, MessageAttributeValue> a : r.messageAttributes().entrySet()) {
            n += utf8(a.getKey()) + utf8(a.getValue().dataType()) + utf8(a.getValue().stringValue());
            if (a.getValue().binaryValue() != null) n += a.getValue().binaryValue().asByteArray().length;
        }
        return n;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    static PublishRequest request(String topicArn, Alert alert) {
        return PublishRequest.builder()
                .topicArn(topicArn)
                .subject(alert.subject())
                .messageStructure("json")
                .message(structuredMessage(alert))
                .messageAttributes(attributes(alert))
                .build();
    }

    static String structuredMessage(Alert alert) {
        ObjectNode m = JSON.createObjectNode();
        m.put("default", alert.text());
        m.put("email", alert.text());
        m.put("sqs", alert.json());
        m.put("lambda", alert.json());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render SNS message", e);
        }
    }

    static Map<String, MessageAttributeValue> attributes(Alert alert) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("severity", text(alert.kind() == Alert.Kind.RECOVERED ? "ok" : alert.severity().label()));
        a.put("cluster", text(alert.cluster()));
        a.put("account", text(alert.account().isEmpty() ? "unknown" : alert.account()));
        a.put("region", text(alert.region()));
        a.put("kind", text(alert.kind().label()));
        return a;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
