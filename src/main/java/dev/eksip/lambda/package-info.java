/**
 * The function: a thin stream handler that parses events, routes them to {@code app.trigger}, and serialises the
 * typed outcome into the response and the JSON log lines; {@code Wiring} is the composition root. The only package
 * that imports the Lambda runtime library.
 */
package dev.eksip.lambda;
