package dev.eksip.testing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The trivial handler the cold-start measurement compares with: reads the event, answers {"ok":true}. */
public final class BaselineHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write("{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
