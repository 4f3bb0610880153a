package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.plan.StepPayload;

/**
 * What the ECK adapter does with each kind of plan step: every permitted {@link StepPayload} is
 * named here, so a new kind fails loudly (by name) instead of being ignored.
 */
public final class EckSteps {

  private EckSteps() {}

  /** How the adapter executes a kind of step. */
  public enum Handling {
    /** Becomes fields of the rendered ECK resources. */
    RENDERED,
    /** Runs against Elasticsearch or is done by a person: listed as pending, not rendered. */
    OUTSIDE_KUBERNETES,
    /** Removal: the reconciler removes what its ownership annotations say it made. */
    REMOVAL,
    /** Cannot be expressed in ECK resources: the render refuses the plan, naming the kind. */
    REFUSED
  }

  /**
   * The handling of a kind of step.
   *
   * @param kind a permitted subclass of {@link StepPayload}
   * @return how the adapter executes it
   * @throws IllegalStateException for a kind this adapter does not know (a new payload kind)
   */
  public static Handling handling(Class<?> kind) {
    if (kind == StepPayload.DeclareEckRemoteCluster.class
        || kind == StepPayload.PutRemoteSettings.class
        || kind == StepPayload.EnableRemoteClusterServer.class
        || kind == StepPayload.ExposeService.class
        || kind == StepPayload.TrustCa.class
        || kind == StepPayload.StoreCredentials.class) {
      return Handling.RENDERED;
    }
    if (kind == StepPayload.CreateCrossClusterApiKey.class
        || kind == StepPayload.UpdateCrossClusterApiKey.class
        || kind == StepPayload.InvalidateApiKeys.class
        || kind == StepPayload.InvalidateOtherApiKeys.class
        || kind == StepPayload.CreateLocalRole.class
        || kind == StepPayload.VerifyConnected.class
        || kind == StepPayload.ReloadSecureSettings.class
        || kind == StepPayload.Manual.class) {
      return Handling.OUTSIDE_KUBERNETES;
    }
    if (kind == StepPayload.RemoveEckRemoteCluster.class
        || kind == StepPayload.RemoveRemoteSettings.class
        || kind == StepPayload.RemoveCredentials.class
        || kind == StepPayload.DeleteLocalRole.class) {
      return Handling.REMOVAL;
    }
    if (kind == StepPayload.MigrateSecurityModel.class) {
      return Handling.REFUSED;
    }
    throw new IllegalStateException(
        "the ECK adapter cannot express plan step " + kind.getSimpleName()
            + ": it knows no way to render it into ECK resources");
  }

  /**
   * Why the adapter refuses a step it cannot express.
   *
   * @param payload the step's payload
   * @return the message, naming the kind and the alias
   */
  public static String refusal(StepPayload payload) {
    return "the ECK adapter cannot express plan step " + payload.getClass().getSimpleName()
        + " of alias [" + payload.alias() + "] in ECK resources; apply this plan with the"
        + " Elasticsearch reconciler";
  }
}
