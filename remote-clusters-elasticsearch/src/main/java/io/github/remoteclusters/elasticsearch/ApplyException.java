package io.github.remoteclusters.elasticsearch;

import java.util.Objects;

/**
 * A step of an apply or status run failed: a request was rejected, a cluster was unreachable, an
 * alias belonged to someone else, or a link did not connect in time.
 *
 * <p>The message reads {@code [cluster/step] failed: reason}, with the alias when one is
 * concerned: {@code [search/PUT_REMOTE_SETTINGS] failed: [illegal_argument_exception] ...}.
 *
 * @since 0.1.0
 */
public final class ApplyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The cluster the step ran against. */
  private final String cluster;

  /** The alias concerned, or null. */
  private final String alias;

  /** The step that failed. */
  private final ApplyStep step;

  /** The HTTP status of Elasticsearch's answer, or 0. */
  private final int httpStatus;

  /**
   * Creates the exception.
   *
   * @param cluster the cluster
   * @param alias the alias concerned, or null
   * @param step the step that failed
   * @param httpStatus Elasticsearch's HTTP status, or 0 when there was no answer
   * @param reason what went wrong, and what to do about it
   * @param cause the underlying exception, or null
   */
  public ApplyException(
      String cluster, String alias, ApplyStep step, int httpStatus, String reason,
      Throwable cause) {
    super(
        io.github.remoteclusters.security.SafeText.escape("["
            + Objects.requireNonNull(cluster, "cluster")
            + (alias == null ? "" : "/" + alias)
            + "/"
            + Objects.requireNonNull(step, "step").name()
            + "] failed: "
            + reason),
        cause);
    this.cluster = cluster;
    this.alias = alias;
    this.step = step;
    this.httpStatus = httpStatus;
  }

  /** {@return the cluster the step ran against} */
  public String cluster() {
    return cluster;
  }

  /** {@return the alias concerned, or null when the step concerned the whole cluster} */
  public String alias() {
    return alias;
  }

  /** {@return the step that failed, such as {@code READ_SETTINGS} or {@code PUT_REMOTE_SETTINGS}} */
  public ApplyStep step() {
    return step;
  }

  /** {@return Elasticsearch's HTTP status, or 0 when there was no answer} */
  public int httpStatus() {
    return httpStatus;
  }
}
