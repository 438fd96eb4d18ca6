package dev.eksip.domain;

/** Subnet forecasts summed per availability zone and VPC. */
public record ZoneForecast(String availabilityZone, String vpcId, int subnets, int usableIps, int availableIps,
                           int warmIps, GrowthForecast atDesired, GrowthForecast atMax, Severity severity) {
}
