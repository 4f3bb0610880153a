package io.github.remoteclusters.elasticsearch.spi;

import java.util.Objects;

/**
 * Thrown by a {@link CredentialWriter} when storing or removing credentials failed, for example
 * because the user's command exited with a non-zero code. The message never holds the secret.
 *
 * @since 0.1.0
 */
public final class CredentialWriteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The cluster whose credentials were written. */
  private final String cluster;

  /** The alias the credentials are for. */
  private final String alias;

  /** The exit code of the command, or -1 when it did not exit by itself. */
  private final int exitCode;

  /** What failed, without the bracketed prefix. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param cluster the local cluster
   * @param alias the alias
   * @param exitCode the command's exit code, or -1 when it did not exit by itself
   * @param message what failed; must not contain the secret
   * @param cause the cause, or null
   */
  public CredentialWriteException(
      String cluster, String alias, int exitCode, String message, Throwable cause) {
    super("[" + cluster + "/" + alias + "/STORE_CREDENTIALS] failed: " + message, cause);
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.alias = Objects.requireNonNull(alias, "alias");
    this.exitCode = exitCode;
    this.reason = Objects.requireNonNull(message, "message");
  }

  /** {@return the local cluster} */
  public String cluster() {
    return cluster;
  }

  /** {@return the alias} */
  public String alias() {
    return alias;
  }

  /** {@return what failed, without the {@code [cluster/alias/STORE_CREDENTIALS] failed:} prefix} */
  public String reason() {
    return reason;
  }

  /** {@return the command's exit code, or -1 when it did not exit by itself} */
  public int exitCode() {
    return exitCode;
  }
}
