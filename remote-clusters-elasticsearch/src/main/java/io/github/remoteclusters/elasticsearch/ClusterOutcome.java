package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.core.plan.HttpRequest;
import java.util.List;
import java.util.Objects;

/**
 * What happened on one local cluster during an apply run.
 *
 * <p>{@code reads} counts the requests that compared the cluster with the plan ({@code GET
 * _cluster/state/blocks}, which tells whether the settings can be trusted yet, {@code GET
 * _cluster/settings} and {@code GET _remote/info}: three per run); {@code writes} the requests that
 * changed it. The {@code GET /} that detects the version when the applier first connects, and the
 * {@code GET _remote/info} polls of verification, are not counted here.
 *
 * @since 0.1.0
 */
public sealed interface ClusterOutcome
    permits ClusterOutcome.Applied,
        ClusterOutcome.AlreadyInPlace,
        ClusterOutcome.Failed,
        ClusterOutcome.Skipped {

  /** {@return the cluster's name} */
  String cluster();

  /** {@return the reads that compared the cluster with the plan} */
  int reads();

  /** {@return the requests that changed the cluster (in a dry run: that would have)} */
  int writes();

  /** {@return the changing requests sent, or in a dry run those that would be, secrets redacted} */
  List<HttpRequest> requests();

  /** {@return {@code applied}, {@code in_place}, {@code failed} or {@code skipped}} */
  default String status() {
    if (this instanceof Applied) {
      return "applied";
    }
    if (this instanceof AlreadyInPlace) {
      return "in_place";
    }
    if (this instanceof Failed) {
      return "failed";
    }
    if (this instanceof Skipped) {
      return "skipped";
    }
    throw new IllegalStateException("unknown outcome " + getClass());
  }

  /**
   * The cluster was changed (in a dry run: would be).
   *
   * @param cluster the cluster
   * @param reads reads
   * @param writes writes
   * @param requests the changing requests
   * @since 0.1.0
   */
  record Applied(String cluster, int reads, int writes, List<HttpRequest> requests)
      implements ClusterOutcome {
    /** Checks and copies. */
    public Applied {
      Objects.requireNonNull(cluster, "cluster");
      requests = List.copyOf(requests);
    }
  }

  /**
   * Nothing differed, nothing was written, and every link of the plan on the cluster is connected
   * (when verification is on).
   *
   * @param cluster the cluster
   * @param reads reads
   * @since 0.1.0
   */
  record AlreadyInPlace(String cluster, int reads) implements ClusterOutcome {
    /** Checks the name. */
    public AlreadyInPlace {
      Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public int writes() {
      return 0;
    }

    @Override
    public List<HttpRequest> requests() {
      return List.of();
    }
  }

  /**
   * A step failed, or a link of the plan this tool owns on the cluster is not connected at the end
   * of the run (whether or not the run changed it). A failed read or write skips the writes of
   * later clusters unless the run continues on failure; a failed verification skips nothing.
   * Running the same apply again resumes: what was already written is found in place.
   *
   * @param cluster the cluster
   * @param reads reads
   * @param writes writes that succeeded before the failure
   * @param requests the changing requests sent or attempted
   * @param cause what failed and why
   * @since 0.1.0
   */
  record Failed(
      String cluster, int reads, int writes, List<HttpRequest> requests, ApplyException cause)
      implements ClusterOutcome {
    /** Checks and copies. */
    public Failed {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(cause, "cause");
      requests = List.copyOf(requests);
    }
  }

  /**
   * Not attempted, because an earlier cluster failed.
   *
   * @param cluster the cluster
   * @param reason why
   * @since 0.1.0
   */
  record Skipped(String cluster, String reason) implements ClusterOutcome {
    /** Checks the components. */
    public Skipped {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int reads() {
      return 0;
    }

    @Override
    public int writes() {
      return 0;
    }

    @Override
    public List<HttpRequest> requests() {
      return List.of();
    }
  }
}
