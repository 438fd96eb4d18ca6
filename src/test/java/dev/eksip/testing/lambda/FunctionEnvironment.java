package dev.eksip.testing.lambda;

import dev.eksip.testing.aws.AlertPeers;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.MotoServer;

import java.util.HashMap;
import java.util.Map;

/** The environment the function runs with in the runtime tests, before each test's own settings. */
public final class FunctionEnvironment {
    private FunctionEnvironment() {
    }

    /**
     * The region, test credentials, moto and the CloudWatch stand-in as the endpoints, and the alert topic and state
     * table of {@code peers}; a mutable map for the test to add to.
     */
    public static Map<String, String> against(MotoServer moto, CloudWatchWireRecorder cloudWatch, AlertPeers peers) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatch.endpoint().toString());
        env.put("ALERT_TOPIC_ARN", peers.topicArn);
        env.put("ALERT_STATE_TABLE", peers.table);
        return env;
    }
}
