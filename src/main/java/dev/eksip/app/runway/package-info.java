/**
 * IP runway, pure: how many days until a subnet's free addresses (or, for prefix-delegation subnets, free /28
 * blocks) reach zero at the current trend. {@link dev.eksip.app.runway.DailyMinima} reduces a series to each
 * day's worst point, {@link dev.eksip.app.runway.TheilSen} fits a robust slope with Sen's confidence interval,
 * {@link dev.eksip.app.runway.RunwayEstimator} turns it into a {@link dev.eksip.app.runway.Runway};
 * {@link dev.eksip.app.runway.ScalingDemand} rebuilds a free-address series from Auto Scaling activities when the
 * function's own metrics do not exist yet. Reads no clock: "now" is a parameter. Imports nothing but the JDK.
 */
package dev.eksip.app.runway;
