/**
 * Configuration from the environment: the function's {@code AppConfig} (validated at INIT) and the per-cluster
 * CNI settings ({@code CNI_SETTINGS}). Imports {@code domain}, {@code simulation} and {@code app}.
 */
package dev.eksip.config;
