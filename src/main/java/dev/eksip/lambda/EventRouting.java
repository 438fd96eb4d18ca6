package dev.eksip.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.trigger.Target;
import dev.eksip.app.trigger.TriggerRequest;
import dev.eksip.app.trigger.TriggerRequest.BatchRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure translation of an invocation's JSON into a {@link TriggerRequest}: an EventBridge envelope (the body of an
 * SQS record, or an event delivered directly) into the {@link Target} to audit.
 * <ul>
 *   <li>{@code aws.eks} / {@code AWS API Call via CloudTrail} with eventName CreateNodegroup, UpdateNodegroupConfig,
 *       UpdateNodegroupVersion or DeleteNodegroup: the cluster is {@code detail.requestParameters.name} (the URI
 *       parameter of those calls); absent → every cluster. A call that failed ({@code detail.errorCode} set, as
 *       CloudTrail records it) changed nothing: {@link Target.Ignored} (the rule excludes them too).</li>
 *   <li>{@code aws.autoscaling} / {@code EC2 Instance Launch Successful}, {@code EC2 Instance Launch Unsuccessful},
 *       {@code EC2 Instance Terminate Successful}: the group {@code detail.AutoScalingGroupName}. A managed node
 *       group's group is named {@code eks-<nodegroup>-<uuid>}, which names the node group but not the cluster, so the
 *       cluster comes from the group's tags ({@code eks:cluster-name}, {@code kubernetes.io/cluster/NAME}) through
 *       {@link dev.eksip.app.port.ClusterLookup}; unresolvable → every cluster.</li>
 *   <li>{@code aws.events} / {@code Scheduled Event}: every cluster.</li>
 *   <li>anything else, or a field of the wrong type: {@link Target.Invalid} with the reason.</li>
 * </ul>
 */
final class EventRouting {
    static final Set<String> EKS_EVENT_NAMES = Set.of("CreateNodegroup", "UpdateNodegroupConfig",
            "UpdateNodegroupVersion", "DeleteNodegroup");
    static final Set<String> AUTOSCALING_DETAIL_TYPES = Set.of("EC2 Instance Launch Successful",
            "EC2 Instance Launch Unsuccessful", "EC2 Instance Terminate Successful");
    static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}");
    static final Pattern ASG_NAME = Pattern.compile("[\\x20-\\x7E&&[^:]]{1,255}");
    /** EventBridge events are at most 256 KB; anything bigger in a record body is not one of ours. */
    static final int MAX_EVENT_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRouting() {
    }

    static Target target(JsonNode envelope) {
        if (envelope == null || !envelope.isObject())
            return new Target.Invalid("expected an EventBridge event (a JSON object), got " + kind(envelope));
        JsonNode source = envelope.get("source");
        JsonNode detailType = envelope.get("detail-type");
        if (source == null || !source.isTextual())
            return new Target.Invalid("field 'source': expected a string, got " + kind(source));
        if (detailType == null || !detailType.isTextual())
            return new Target.Invalid("field 'detail-type': expected a string, got " + kind(detailType));
        JsonNode detail = envelope.get("detail");
        return switch (source.asText()) {
            case "aws.eks" -> eks(detailType.asText(), detail);
            case "aws.autoscaling" -> autoScaling(detailType.asText(), detail);
            case "aws.events", "aws.scheduler" -> detailType.asText().equals("Scheduled Event")
                    ? new Target.AllClusters("scheduled event")
                    : new Target.Invalid("source %s: unsupported detail-type '%s'".formatted(source.asText(),
                    clip(detailType.asText())));
            default -> new Target.Invalid("unsupported source '%s': expected aws.eks, aws.autoscaling or aws.events"
                    .formatted(clip(source.asText())));
        };
    }

    /** {@code {"clusters": [...]}}: the names, validated. @throws IllegalArgumentException naming what is wrong */
    static TriggerRequest.Clusters clusters(JsonNode clustersNode) {
        if (clustersNode == null || !clustersNode.isArray())
            throw new IllegalArgumentException("field 'clusters': expected an array of cluster names, got "
                    + kind(clustersNode));
        List<String> names = new ArrayList<>();
        for (JsonNode n : clustersNode) {
            if (!n.isTextual() || !CLUSTER_NAME.matcher(n.asText()).matches())
                throw new IllegalArgumentException("field 'clusters': expected EKS cluster names, got " + kind(n));
            names.add(n.asText());
        }
        return new TriggerRequest.Clusters(names);
    }

    /** The records of an SQS batch (an array), each routed on its own. */
    static TriggerRequest.Batch batch(JsonNode records) {
        List<BatchRecord> out = new ArrayList<>();
        int index = 0;
        for (JsonNode record : records) {
            JsonNode id = record.get("messageId");
            Optional<String> messageId = id != null && id.isTextual() && !id.asText().isBlank()
                    ? Optional.of(id.asText()) : Optional.empty();
            out.add(new BatchRecord(index++, messageId, messageId.isEmpty()
                    ? new Target.Invalid("record has no messageId") : recordTarget(record)));
        }
        return new TriggerRequest.Batch(out);
    }

    private static Target recordTarget(JsonNode record) {
        if (!record.isObject()) return new Target.Invalid("record: expected an object, got " + kind(record));
        JsonNode source = record.get("eventSource");
        if (source != null && !(source.isTextual() && source.asText().equals("aws:sqs")))
            return new Target.Invalid("record eventSource: expected 'aws:sqs', got " + kind(source));
        JsonNode body = record.get("body");
        if (body == null || !body.isTextual())
            return new Target.Invalid("record body: expected a string holding an EventBridge event, got " + kind(body));
        String text = body.asText();
        if (text.length() > MAX_EVENT_BYTES)
            return new Target.Invalid("record body: %d characters, more than an EventBridge event can hold (%d)"
                    .formatted(text.length(), MAX_EVENT_BYTES));
        JsonNode envelope;
        try {
            envelope = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Target.Invalid("record body is not JSON: " + clip(e.getOriginalMessage()));
        }
        return target(envelope);
    }

    private static Target eks(String detailType, JsonNode detail) {
        if (!detailType.equals("AWS API Call via CloudTrail"))
            return new Target.Invalid("source aws.eks: unsupported detail-type '%s'".formatted(clip(detailType)));
        if (detail == null || !detail.isObject())
            return new Target.Invalid("field 'detail': expected an object, got " + kind(detail));
        JsonNode eventName = detail.get("eventName");
        if (eventName == null || !eventName.isTextual())
            return new Target.Invalid("field 'detail.eventName': expected a string, got " + kind(eventName));
        if (!EKS_EVENT_NAMES.contains(eventName.asText()))
            return new Target.Invalid("aws.eks eventName '%s' is not a node group change (expected one of %s)"
                    .formatted(clip(eventName.asText()), String.join(", ", EKS_EVENT_NAMES.stream().sorted().toList())));
        JsonNode errorCode = detail.get("errorCode");
        if (errorCode != null && !errorCode.isNull())
            return new Target.Ignored("%s failed with %s: nothing changed".formatted(eventName.asText(),
                    errorCode.isTextual() ? clip(errorCode.asText()) : kind(errorCode)));
        JsonNode params = detail.get("requestParameters");
        if (params == null || params.isNull()) return new Target.AllClusters("no requestParameters in CloudTrail event");
        if (!params.isObject())
            return new Target.Invalid("field 'detail.requestParameters': expected an object, got " + kind(params));
        JsonNode name = params.get("name");
        if (name == null || name.isNull()) return new Target.AllClusters("no cluster name in CloudTrail event");
        if (!name.isTextual() || !CLUSTER_NAME.matcher(name.asText()).matches())
            return new Target.Invalid("field 'detail.requestParameters.name': expected an EKS cluster name, got "
                    + kind(name));
        return new Target.Cluster(name.asText());
    }

    private static Target autoScaling(String detailType, JsonNode detail) {
        if (!AUTOSCALING_DETAIL_TYPES.contains(detailType))
            return new Target.Invalid("source aws.autoscaling: unsupported detail-type '%s'".formatted(clip(detailType)));
        if (detail == null || !detail.isObject())
            return new Target.Invalid("field 'detail': expected an object, got " + kind(detail));
        JsonNode group = detail.get("AutoScalingGroupName");
        if (group == null || group.isNull()) return new Target.AllClusters("no AutoScalingGroupName in event");
        if (!group.isTextual() || !ASG_NAME.matcher(group.asText()).matches())
            return new Target.Invalid("field 'detail.AutoScalingGroupName': expected an Auto Scaling group name, got "
                    + kind(group));
        return new Target.AutoScalingGroup(group.asText());
    }

    /** A short description of a JSON value for error messages (never the whole value). */
    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isTextual()) return "the string '%s'".formatted(clip(n.asText()));
        if (n.isNumber()) return "the number " + clip(n.asText());
        if (n.isBoolean()) return "the boolean " + n.asText();
        if (n.isArray()) return "an array of " + n.size();
        return "an object";
    }

    static String clip(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }
}
