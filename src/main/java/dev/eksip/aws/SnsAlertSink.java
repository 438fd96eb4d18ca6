package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.alert.Alert;
import dev.eksip.app.port.AlertSink;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends an {@link Alert} to the SNS topic with {@code MessageStructure=json}: {@code default} and {@code email}
 * carry the text, {@code sqs} and {@code lambda} the JSON document; message attributes {@code severity},
 * {@code cluster}, {@code account}, {@code region} and {@code kind} allow subscription filter policies.
 */
final class SnsAlertSink implements AlertSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertSink(SnsClient sns, String topicArn) {
        this.sns = requireNonNull(sns, "sns");
        this.topicArn = requireNonNull(topicArn, "topicArn");
    }

    @Override
    public void send(Alert alert) {
        sns.publish(request(topicArn, alert));
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
