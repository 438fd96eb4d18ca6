package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Eni;

/**
 * An ENI as {@code DescribeNetworkInterfaces} shows it.
 *
 * @param trunkEniId for a branch ENI, the trunk ENI it rides on (the VPC resource controller's
 *                   {@code vpcresources.k8s.aws/trunk-eni-id} tag); "" otherwise
 */
public record EniFacts(Eni eni, String trunkEniId) {
    public EniFacts {
        requireNonNull(eni, "eni");
        requireNonNull(trunkEniId, "trunkEniId");
    }
}
