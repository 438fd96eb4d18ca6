/**
 * Alerts: when to send ({@code AlertPolicy}, pure, with the state last recorded per scope), what the message says
 * ({@code AlertRendering}, fitted to the sink's size limit), which gaps make a cluster's run incomplete
 * ({@code Completeness}) and the typed state ({@code AlertState}, {@code SubnetSeverities}). How the state is
 * stored is an adapter's business. Imports {@code domain} and {@code app} (the report's subnet shape).
 */
package dev.eksip.app.alert;
