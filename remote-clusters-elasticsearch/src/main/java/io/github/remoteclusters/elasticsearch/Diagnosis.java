package io.github.remoteclusters.elasticsearch;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a link is not connected, and what to do about it.
 *
 * @param code the kind of problem, stable for scripts
 * @param message what was found, naming the alias, the address and the rule
 * @since 0.1.0
 */
public record Diagnosis(Diagnosis.Code code, String message) {

  /** Checks the components; escapes control and bidirectional characters in the message. */
  public Diagnosis {
    Objects.requireNonNull(code, "code");
    message = io.github.remoteclusters.security.SafeText.escape(
        Objects.requireNonNull(message, "message"));
  }

  /**
   * Kinds of connection problems.
   *
   * @since 0.1.0
   */
  public enum Code {
    /** The local and remote versions cannot talk (wire-incompatible). */
    INCOMPATIBLE_VERSIONS,
    /** The address is the remote's HTTP port, not its transport or remote cluster server port. */
    HTTP_PORT_AS_SEED,
    /** The port does not match the security model (9443 with API keys, transport port without). */
    WRONG_PORT_FOR_SECURITY_MODEL,
    /** The address belongs to another cluster than the link's remote (the name would not match). */
    NAME_MISMATCH,
    /** Nothing answers at the address from this machine. */
    UNREACHABLE,
    /** An API-key link whose alias has no {@code cluster_credentials} on the local cluster. */
    CREDENTIALS_MISSING,
    /** The remote rejects the alias's cross-cluster API key (invalidated, expired or unknown). */
    CREDENTIALS_REJECTED,
    /**
     * The remote's certificate is signed by a CA the local cluster does not trust; also the
     * certificate of a cluster's own URL when this tool does not trust it.
     */
    UNTRUSTED_CA,
    /**
     * The remote's certificate does not name the host or {@code server_name} the alias uses; also
     * the certificate of a cluster's own URL when it does not name the URL's host (this tool then
     * sent nothing to it).
     */
    SERVER_NAME_MISMATCH,
    /** An API-key link to a remote whose remote cluster server is not enabled. */
    REMOTE_CLUSTER_SERVER_DISABLED,
    /** A licence too low for the link's security model (the API-key model needs enterprise). */
    LICENSE_TOO_LOW,
    /** The alias is not configured on the local cluster. */
    NOT_CONFIGURED,
    /** The ownership record cannot be read (an invalid file, a lock held by another run). */
    OWNERSHIP,
    /** Reachable, but not connected: see the local cluster's log. */
    UNKNOWN;

    /** {@return the lower-case name used in JSON output} */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
