package io.github.remoteclusters.k8s;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.github.remoteclusters.core.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a reconcile changed and where each link stands, in the spirit of the Java Operator SDK's
 * {@code UpdateControl} and {@code ReconcileResult} (without depending on it).
 *
 * <p>Experimental API.
 *
 * @param changes every resource looked at, with what was done
 * @param links the status of every link of the environment, removed ones included
 * @param problems warnings and errors found
 * @since 0.1.0
 */
public record ReconcileOutcome(
    List<ResourceChange> changes, List<EckLinkStatus> links, List<Problem> problems) {

  /** How long to wait before reconciling again while something is pending. */
  public static final Duration PENDING_RETRY = Duration.ofSeconds(30);

  /** Copies the lists. */
  public ReconcileOutcome {
    changes = List.copyOf(changes);
    links = List.copyOf(links);
    problems = List.copyOf(problems);
  }

  /** {@return true when some resource was created, updated or deleted} */
  public boolean changed() {
    return changes.stream().anyMatch(ResourceChange::changed);
  }

  /** {@return true when no link failed and no error was found} */
  public boolean ok() {
    return problems.stream().noneMatch(Problem::isError)
        && links.stream().noneMatch(l -> l.phase() == LinkPhase.FAILED);
  }

  /** {@return when to reconcile again: after {@link #PENDING_RETRY} while a link is pending} */
  public Optional<Duration> rescheduleAfter() {
    boolean pending = links.stream().anyMatch(l -> l.phase() == LinkPhase.PENDING);
    return pending ? Optional.of(PENDING_RETRY) : Optional.empty();
  }

  /** The condition type of {@link #condition()}. */
  public static final String CONDITION_TYPE = "RemoteClustersReady";

  /**
   * A Kubernetes condition summing up the links, for the {@code status.conditions} of an
   * operator's custom resource: {@code True} when every link is configured (or removed), {@code
   * False} when one failed or an error was found, {@code Unknown} while one is pending.
   *
   * @return the condition, without a transition time (the operator keeps the previous one when the
   *     status does not change)
   */
  public Condition condition() {
    String status;
    String reason;
    String message;
    Optional<String> error = lastError();
    if (error.isPresent()) {
      status = "False";
      reason = "Failed";
      message = error.get();
    } else if (links.stream().anyMatch(l -> l.phase() == LinkPhase.PENDING)) {
      status = "Unknown";
      reason = "Pending";
      message =
          links.stream()
              .filter(l -> l.phase() == LinkPhase.PENDING)
              .map(l -> "[" + l.alias() + "] " + l.message())
              .findFirst()
              .orElse("");
    } else {
      status = "True";
      reason = "Configured";
      message = links.size() + " link(s) in place";
    }
    return new ConditionBuilder()
        .withType(CONDITION_TYPE)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .build();
  }

  /** {@return the first error message of a link or problem, for a {@code lastError} field} */
  public Optional<String> lastError() {
    for (EckLinkStatus l : links) {
      if (l.lastError() != null) {
        return Optional.of(l.lastError());
      }
    }
    return problems.stream().filter(Problem::isError).map(Problem::message).findFirst();
  }
}
