package dev.eksip.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SDK execution interceptor that counts HTTP requests per operation, keyed {@code service:Operation}
 * (e.g. {@code EC2:DescribeInstances}). Retries are counted as requests: each attempt is one. {@link #calls()} counts
 * the calls themselves (one per page asked for), whatever retries they took.
 */
final class ApiCallCounter implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(key(attributes), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counts.computeIfAbsent(key(attributes), k -> new AtomicInteger()).incrementAndGet();
    }

    private static String key(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** Requests (attempts, retries included) per {@code service:Operation}, sorted by key. */
    public Map<String, Integer> counts() {
        return sorted(counts);
    }

    /** Calls (pages asked for; a retried call counts once) per {@code service:Operation}, sorted by key. */
    public Map<String, Integer> calls() {
        return sorted(calls);
    }

    private static Map<String, Integer> sorted(Map<String, AtomicInteger> m) {
        Map<String, Integer> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int count(String serviceOperation) {
        AtomicInteger n = counts.get(serviceOperation);
        return n == null ? 0 : n.get();
    }

    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void reset() {
        counts.clear();
        calls.clear();
    }
}
