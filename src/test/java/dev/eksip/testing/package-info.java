/**
 * The tests' one fixture home: builders and stand-ins that tests of more than one package use, or that stand in
 * for a peer outside the process. A helper used by one test class stays beside it (e.g. {@code aws/CostTable},
 * {@code lambda/HandlerHarness}, {@code lambda/Template}); tests of package-private classes stay in those packages.
 * <ul>
 *   <li>{@code inventory}: {@link dev.eksip.testing.inventory.InventoryFixtures} (named-step builders for node groups,
 *       clusters, CNI settings, ENIs, instance limits) and {@link dev.eksip.testing.inventory.InventoryBuilder}
 *       (a whole account whose subnets hand out addresses consistently);</li>
 *   <li>{@code forecast}: {@link dev.eksip.testing.forecast.Forecasts}, hand-built forecasts for what consumes one;</li>
 *   <li>{@code ports}: {@link dev.eksip.testing.ports.InMemoryPorts}, recording metrics/alerts sinks and a state map;</li>
 *   <li>{@code aws}: moto ({@link dev.eksip.testing.aws.MotoServer}, its CPU seconds {@link dev.eksip.testing.aws.ProcessCpu},
 *       the seeded accounts and their managed nodes, the alert peers), the fault/delay proxy, the
 *       CloudWatch CBOR wire recorder and the hand-written SDK client fakes;</li>
 *   <li>{@code lambda}: the Lambda Runtime API stub, the runtime's child JVM, the function's environment against those
 *       peers ({@link dev.eksip.testing.lambda.FunctionEnvironment}) and a baseline handler.</li>
 * </ul>
 */
package dev.eksip.testing;
