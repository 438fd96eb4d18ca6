package dev.eksip.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the handler once, locally, the way Lambda would (INIT from the environment, the event's bytes in, the
 * response's bytes out) — for {@code java -jar eks-ip-forecaster.jar invoke --event FILE}. Logs go to {@code log}.
 */
public final class LocalInvoke {
    private LocalInvoke() {
    }

    /**
     * @return the handler's response
     * @throws IllegalStateException    a configuration error (names the variable)
     * @throws IllegalArgumentException the event is not one the function accepts
     * @throws RuntimeException         anything the invocation threw (AWS failures included)
     */
    public static String invoke(byte[] event, Map<String, String> env, PrintStream log) {
        ForecastHandler handler = new ForecastHandler(Wiring.production(env).triggers(), log, Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The {@link Context} of a local run (also the handler tests'). */
    record LocalContext(PrintStream log, String requestId) implements Context {
        LocalContext(PrintStream log) {
            this(log, UUID.randomUUID().toString());
        }

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "local"; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return "ForecastFunction"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "local"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 900_000; }
        @Override public int getMemoryLimitInMB() { return (int) (Runtime.getRuntime().maxMemory() >> 20); }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { log.println(message); }
                @Override public void log(byte[] message) { log.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
