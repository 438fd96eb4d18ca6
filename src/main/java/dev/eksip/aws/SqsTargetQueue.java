package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.fleet.AuditTarget;
import dev.eksip.app.fleet.TargetQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * The fan-out queue: one message per target, body {@code {"auditTarget":"111122223333/eu-west-1"}}, sent ten to a
 * {@code SendMessageBatch} call (its maximum; IAM action {@code sqs:SendMessage}). Entries the batch call reports as
 * failed, and batches whose call failed, are collected and named in one {@link AwsCallException} after every batch
 * was tried — one bad batch does not keep the others from being sent.
 */
public final class SqsTargetQueue implements TargetQueue {
    static final int BATCH = 10;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsTargetQueue(SqsClient sqs, String queueUrl) {
        this.sqs = requireNonNull(sqs, "sqs");
        this.queueUrl = requireNonNull(queueUrl, "queueUrl");
    }

    /** The message body for {@code target}. */
    public static String body(AuditTarget target) {
        return "{\"auditTarget\":\"" + target.key() + "\"}";
    }

    @Override
    public void send(List<AuditTarget> targets) {
        List<String> failed = new ArrayList<>();
        String firstCode = null;
        for (int from = 0; from < targets.size(); from += BATCH) {
            List<AuditTarget> batch = targets.subList(from, Math.min(targets.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++)
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body(batch.get(i))).build());
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                for (var f : response.failed()) {
                    failed.add(batch.get(Integer.parseInt(f.id())).key());
                    if (firstCode == null) firstCode = f.code();
                }
            } catch (SdkException e) {
                batch.forEach(t -> failed.add(t.key()));
                if (firstCode == null) firstCode = AwsCalls.errorCode(e);
            }
        }
        if (!failed.isEmpty())
            throw new AwsCallException("sqs:SendMessage", firstCode, "%d of %d targets not queued: %s".formatted(
                    failed.size(), targets.size(), String.join(", ", failed.stream().limit(20).toList())), null);
    }
}
