package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.testing.aws.SdkFakes;
import dev.eksip.app.AwsCallException;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eks.model.EksException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every kind of SDK failure becomes a gap naming the call and code, or a fatal AwsCallException naming the call. */
class AwsCallsTest {
    final List<InventoryGap> gaps = new ArrayList<>();
    final AwsCalls calls = new AwsCalls(gaps);
    final Scope scope = Scope.cluster("prod");

    @Test
    void aSucceedingCallIsItsValueAndNoGap() {
        assertThat(calls.gapOr(scope, "eks:DescribeAddon", "unread", () -> "value")).contains("value");
        assertThat(AwsCalls.required("eks:ListClusters", () -> 42)).isEqualTo(42);
        assertThat(gaps).isEmpty();
    }

    @Test
    void aServiceErrorIsAGapWithItsAwsErrorCode() {
        Optional<String> read = calls.gapOr(scope, "eks:DescribeAddon", "unread", () -> {
            throw SdkFakes.eksError("AccessDeniedException", 403);
        });

        assertThat(read).isEmpty();
        assertThat(gaps).containsExactly(new InventoryGap(scope, "eks:DescribeAddon", "AccessDeniedException", "unread"));
    }

    @Test
    void clientSideFailuresAreGapsNamedByTheirKind() {
        calls.gapOr(scope, "eks:DescribeAddon", "unread", () -> {
            throw SdkClientException.create("Unable to execute HTTP request: connection refused");
        });
        calls.gapOr(scope, "eks:ListNodegroups", "unlisted", () -> {
            throw ApiCallTimeoutException.create(1000);
        });

        assertThat(gaps).extracting(InventoryGap::operation, InventoryGap::errorCode, InventoryGap::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eks:DescribeAddon", "SdkClientException", "unread"),
                        org.assertj.core.groups.Tuple.tuple("eks:ListNodegroups", "ApiCallTimeoutException",
                                "unlisted"));
    }

    @Test
    void aServiceErrorWithoutCodeIsNamedByItsHttpStatusAndTheMessageMayDependOnTheFailure() {
        calls.gapOr(scope, "eks:DescribeCluster", e -> AwsCalls.notFound(e) ? "not found" : "not described", () -> {
            throw EksException.builder().statusCode(404).build();
        });
        calls.gapOr(scope, "eks:DescribeCluster", e -> AwsCalls.notFound(e) ? "not found" : "not described", () -> {
            throw SdkServiceException.builder().statusCode(500).build();
        });

        assertThat(gaps).extracting(InventoryGap::errorCode, InventoryGap::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HTTP 404", "not found"),
                org.assertj.core.groups.Tuple.tuple("HTTP 500", "not described"));
    }

    @Test
    void aRequiredCallFailsNamingTheCallTheCodeAndTheAwsMessage() {
        assertThatThrownBy(() -> AwsCalls.required("ec2:DescribeSubnets", () -> {
            throw SdkFakes.ec2Error("UnauthorizedOperation");
        })).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.operation()).isEqualTo("ec2:DescribeSubnets");
            assertThat(e.errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.getMessage()).isEqualTo(
                    "ec2:DescribeSubnets failed: UnauthorizedOperation (UnauthorizedOperation for test)");
        });
        assertThatThrownBy(() -> AwsCalls.required("eks:ListClusters", () -> {
            throw SdkClientException.create("connection refused");
        })).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("SdkClientException");
            assertThat(e.getMessage()).isEqualTo("eks:ListClusters failed: SdkClientException (connection refused)");
        });
        assertThat(gaps).isEmpty();
    }

    @Test
    void failuresThatAreNoSdkFailuresAreNotTranslated() {
        assertThatThrownBy(() -> calls.gapOr(scope, "eks:DescribeAddon", "unread", () -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(gaps).isEmpty();
    }
}
