/**
 * The TLS certificate model: create CAs and node certificates, read and write PEM and PKCS#12,
 * check trust one way ({@link io.github.remoteclusters.security.certs.TrustCheck}) and both ways
 * ({@link io.github.remoteclusters.security.certs.MutualTrust}), and build CA bundles.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.security.certs;
