/**
 * The audit report of a forecast: {@link dev.eksip.app.report.ReportTable} for people, {@link
 * dev.eksip.app.report.ReportJson} for programs ({@code reportVersion 1}, docs/audit-output.md), whose format is
 * the {@link dev.eksip.app.report.ReportV1} records. Imports {@code dev.eksip.domain} and Jackson only.
 */
package dev.eksip.app.report;
