/**
 * AWS SDK v2 adapters, the only package that imports the SDK: one reader per AWS resource returning SDK-free facts
 * (EKS, Auto Scaling, launch templates, instances, subnets, ENIs, instance types), one error translation
 * ({@code AwsCalls}), the inventory source that orchestrates them, and the CloudWatch, SNS and DynamoDB sinks.
 * Imports {@code domain}, {@code simulation}, {@code app} (ports, assembler) and {@code config}.
 */
package dev.eksip.aws;
