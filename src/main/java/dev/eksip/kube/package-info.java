/**
 * Exact mode's adapter (README "Exact mode"): reads each opted-in cluster's Kubernetes API with fabric8's
 * {@code kubernetes-client} on the JDK HttpClient transport, authenticated the way EKS authenticates
 * ({@link EksToken}), and returns SDK-free facts ({@code domain.KubeView}) that {@code app.inventory.KubeOverlay}
 * lays over the AWS inventory. {@link KubeInventorySource} decorates any {@code InventorySource}; a cluster whose
 * API cannot be read, or a part of it (403 on the CRDs only), becomes an {@code InventoryGap}, never a failed run.
 */
package dev.eksip.kube;
