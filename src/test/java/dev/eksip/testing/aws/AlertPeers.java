package dev.eksip.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.aws.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert side of the stack on moto, as the template declares it: an SNS topic with an SQS subscription (to
 * receive what subscribers get) and the DynamoDB alert-state table.
 */
public final class AlertPeers implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final SnsClient sns;
    public final SqsClient sqs;
    public final DynamoDbClient dynamoDb;
    public final String topicArn;
    public final String queueUrl;
    public final String table;
    private final MotoServer moto;

    public AlertPeers(MotoServer moto, String suffix) {
        this.moto = moto;
        sns = moto.client(SnsClient.builder());
        sqs = moto.client(SqsClient.builder());
        dynamoDb = moto.client(DynamoDbClient.builder());
        topicArn = sns.createTopic(r -> r.name("alerts-" + suffix)).topicArn();
        queueUrl = sqs.createQueue(r -> r.queueName("alert-subscriber-" + suffix)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        table = "alert-state-" + suffix;
        dynamoDb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("scope").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("scope").keyType(KeyType.HASH).build()));
    }

    /** The SNS envelopes the SQS subscriber received so far (parsed). */
    public List<JsonNode> received() {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (batch.isEmpty()) return out;
            for (Message m : batch) {
                try {
                    out.add(JSON.readTree(m.body()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** What was published to the topic, as moto recorded it (the full structured message, all protocols). */
    public List<JsonNode> published() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(moto.endpoint() + "/moto-api/data.json")).build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> out = new ArrayList<>();
            // moto's state dump: sns.Topic[].sent_notifications = [[messageId, message, subject, attributes, group]]
            for (JsonNode topic : JSON.readTree(r.body()).path("sns").path("Topic"))
                if (topic.path("arn").asText().equals(topicArn))
                    for (JsonNode n : topic.path("sent_notifications")) out.add(n);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sns.close();
        sqs.close();
        dynamoDb.close();
    }
}
