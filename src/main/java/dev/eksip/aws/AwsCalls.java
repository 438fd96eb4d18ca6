package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.AwsCallException;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one translation of SDK failures for the inventory readers. Any {@link SdkException} — a service error
 * ({@link AwsServiceException}) or a client-side one ({@code SdkClientException}, {@code ApiCallTimeoutException}…)
 * — either becomes an {@link InventoryGap} naming the call and error code ({@link #gapOr}: the rest is still read),
 * or a fatal {@link AwsCallException} naming the call ({@link #required}: the calls every forecast needs).
 * Throttling and 5xx have already been retried by the clients ({@link AwsClients}) when a failure arrives here.
 */
final class AwsCalls {
    private final List<InventoryGap> gaps;

    /** @param gaps where gaps are added, in the order they occur */
    AwsCalls(List<InventoryGap> gaps) {
        this.gaps = requireNonNull(gaps, "gaps");
    }

    /** The call's result, or empty after adding a gap on {@code scope} saying {@code message}. */
    <T> Optional<T> gapOr(Scope scope, String operation, String message, Supplier<T> call) {
        return gapOr(scope, operation, e -> message, call);
    }

    /** As {@link #gapOr(Scope, String, String, Supplier)}, the message depending on the failure. */
    <T> Optional<T> gapOr(Scope scope, String operation, Function<SdkException, String> message, Supplier<T> call) {
        T value;
        try {
            value = call.get();
        } catch (SdkException e) {
            gaps.add(new InventoryGap(scope, operation, errorCode(e), message.apply(e)));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A gap that is no failed call (e.g. unreadable configuration values). */
    void gap(InventoryGap gap) {
        gaps.add(requireNonNull(gap, "gap"));
    }

    /** The call's result; any SDK failure is fatal. */
    static <T> T required(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new AwsCallException(operation, errorCode(e), detail(e), e);
        }
    }

    /** HTTP 404 (EKS {@code ResourceNotFoundException}). */
    static boolean notFound(SdkException e) {
        return e instanceof SdkServiceException s && s.statusCode() == 404;
    }

    /** The AWS error code, else {@code HTTP <status>} for a service error, else the client exception's class name. */
    static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null
                && a.awsErrorDetails().errorCode() != null && !a.awsErrorDetails().errorCode().isEmpty())
            return a.awsErrorDetails().errorCode();
        if (e instanceof SdkServiceException s) return "HTTP " + s.statusCode();
        return e.getClass().getSimpleName();
    }

    private static String detail(SdkException e) {
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null
                && a.awsErrorDetails().errorMessage() != null) return a.awsErrorDetails().errorMessage();
        return e.getMessage();
    }
}
