/**
 * Types shared by the certificate and API-key parts of the security module: the sealed {@link
 * io.github.remoteclusters.security.TrustModel}, the error thrown for unreadable input and the
 * severity of findings.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.security;
