package io.github.remoteclusters.elasticsearch.internal.apply;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.HttpRequest;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepEncoder;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriteException;
import io.github.remoteclusters.elasticsearch.spi.ManualStepRequiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rotation of a link's cross-cluster API key as a plan of typed steps, and the invalidation of
 * keys: the new key is created, stored, reloaded and verified before the old ones are invalidated.
 * Also the repair of a key revoked behind the tool's back, which an apply runs through it. Not API.
 */
final class Rotation {

  private final ReconcilerConfig config;
  private final Function<Cluster, EsSession> sessions;
  private final Verification verification;

  /**
   * A rotation.
   *
   * @param config the credential writer, the ownership store and the verification timeout
   * @param sessions the session to a cluster, opened once and shared with the reconciler
   * @param verification how to wait for the alias to connect with the new key
   */
  Rotation(ReconcilerConfig config, Function<Cluster, EsSession> sessions,
      Verification verification) {
    this.config = Objects.requireNonNull(config, "config");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.verification = Objects.requireNonNull(verification, "verification");
  }

  private EsSession session(Cluster cluster) {
    return sessions.apply(cluster);
  }

  /** See {@link io.github.remoteclusters.elasticsearch.Reconciler#rotateApiKey}. */
  ClusterOutcome rotateApiKey(Topology topology, String local, String alias) {
    Objects.requireNonNull(topology, "topology");
    Map<String, Cluster> byName = topology.clustersByName();
    TopologyPlan plan = config.planner().plan(topology);
    StepPayload.CreateCrossClusterApiKey create = null;
    String remoteName = null;
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned p && p.plan().local().equals(local)
          && p.plan().alias().equals(alias)) {
        for (PlanStep step : p.plan().steps()) {
          if (step.payload() instanceof StepPayload.CreateCrossClusterApiKey k) {
            create = k;
            remoteName = step.target();
          }
        }
      }
    }
    if (create == null) {
      throw new IllegalArgumentException("link [" + local + "/" + alias + "] of the topology"
          + " has no cross-cluster API key to rotate (is it planned with security: api-key?)");
    }
    Cluster localCluster = byName.get(local);
    Cluster remote = byName.get(remoteName);
    List<HttpRequest> requests = new ArrayList<>();
    int writesBefore = 0;
    EsSession localSession = null;
    try {
      if (!config.credentials().automatic()) {
        throw new ManualStepRequiredException(local, alias,
            "no credential writer: rotate the key of [" + alias + "] by hand");
      }
      localSession = session(localCluster);
      writesBefore = localSession.counter().writes();
      List<String> old = session(remote).findCrossClusterApiKeys(create.keyName());
      List<PlanStep> rotation = rotationPlan(localCluster, remote, create, old);
      LinkFootprint recorded = ownedFootprint(local, alias);
      executeRotation(localCluster, remote, rotation, requests, localSession, id -> {
        if (recorded != null) {
          config.ownership().record(recorded.withKeyId(id));
        }
      });
      return new ClusterOutcome.Applied(local, 0,
          localSession.counter().writes() - writesBefore, requests);
    } catch (ApplyException e) {
      return new ClusterOutcome.Failed(local, 0,
          localSession == null ? 0 : localSession.counter().writes() - writesBefore, requests, e);
    } catch (ManualStepRequiredException e) {
      return new ClusterOutcome.Failed(local, 0, 0, requests,
          new ApplyException(local, alias, ApplyStep.STORE_CREDENTIALS, 0, e.getMessage(), e));
    } catch (CredentialWriteException e) {
      return new ClusterOutcome.Failed(local, 0,
          localSession == null ? 0 : localSession.counter().writes() - writesBefore, requests,
          new ApplyException(local, alias, ApplyStep.STORE_CREDENTIALS, 0, e.reason(), e));
    }
  }

  private LinkFootprint ownedFootprint(String cluster, String alias) {
    try {
      return config.ownership().footprints(cluster).get(alias);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The rotation of a link's key as a plan of typed steps: create the new key on the remote,
   * store its credentials, reload the local keystore, verify the alias is connected with it, and
   * only then invalidate the old keys (the remote accepts both until then).
   *
   * @param local the local cluster
   * @param remote the remote cluster
   * @param create the key to create
   * @param old the ids of the keys it replaces
   * @return the steps, in order
   */
  static List<PlanStep> rotationPlan(Cluster local, Cluster remote,
      StepPayload.CreateCrossClusterApiKey create, List<String> old) {
    String alias = create.alias();
    List<PlanStep> steps = new ArrayList<>();
    steps.add(new ElasticsearchRequestStep(remote.name(), "create the new cross-cluster API key"
        + " of [" + alias + "]", create, false));
    steps.add(new ManualStep(local.name(), "store the new key as cluster.remote." + alias
        + ".credentials", new StepPayload.StoreCredentials(alias, create.keyName()),
        List.of("done by the credential writer"), false));
    steps.add(new ElasticsearchRequestStep(local.name(), "reload the keystore",
        new StepPayload.ReloadSecureSettings(alias), false));
    steps.add(new ElasticsearchRequestStep(local.name(), "check that [" + alias + "] connects"
        + " with the new key", new StepPayload.VerifyConnected(alias,
            io.github.remoteclusters.core.Mode.SNIFF, true), false));
    if (!old.isEmpty()) {
      steps.add(new ElasticsearchRequestStep(remote.name(), "invalidate the old keys of ["
          + alias + "]", new StepPayload.InvalidateApiKeys(alias, create.keyName(), old), false));
    }
    return steps;
  }

  /**
   * Carries out a rotation plan step by step; every request comes from one of its payloads.
   *
   * @param newKeyId told the new key's id as soon as it exists
   */
  void executeRotation(Cluster local, Cluster remote, List<PlanStep> rotation,
      List<HttpRequest> requests, EsSession localSession,
      java.util.function.Consumer<String> newKeyId) {
    EsSession remoteSession = session(remote);
    EsSession.CreatedKey key = null;
    for (PlanStep step : rotation) {
      StepPayload payload = step.payload();
      String alias = payload.alias();
      StepEncoder.request(payload).ifPresent(requests::add);
      if (payload instanceof StepPayload.CreateCrossClusterApiKey create) {
        key = remoteSession.createCrossClusterApiKey(create);
        newKeyId.accept(key.id());
      } else if (payload instanceof StepPayload.StoreCredentials) {
        config.credentials().store(local, alias, Objects.requireNonNull(key, "key").encoded());
      } else if (payload instanceof StepPayload.ReloadSecureSettings) {
        localSession.reloadSecureSettings(alias);
      } else if (payload instanceof StepPayload.VerifyConnected) {
        if (!config.verifyTimeout().isZero()) {
          Verification.Wait wait = verification.awaitConnected(localSession, Set.of(alias));
          RemoteInfo info = wait.latest == null ? null : wait.latest.get(alias);
          if ((info == null || !info.connected()) && wait.pollError instanceof ApplyException e) {
            throw e; // the last _remote/info poll failed: its error, as before the loop was shared
          }
          if (info == null || !info.connected()) {
            throw new ApplyException(local.name(), alias, ApplyStep.VERIFY_CONNECTED, 0,
                "not connected with the new key after " + config.verifyTimeout().toSeconds()
                    + "s; the old keys are left as they were", null);
          }
        }
      } else if (payload instanceof StepPayload.InvalidateApiKeys invalidate) {
        remoteSession.invalidateApiKeys(alias, invalidate.ids());
      } else {
        throw new IllegalStateException("unexpected rotation step " + payload.getClass());
      }
    }
  }

  /**
   * Invalidates the keys of a removed link on its remote: by their recorded ids, or else every
   * active key of the link's name.
   */
  void invalidate(Cluster remote, StepPayload.InvalidateApiKeys invalidate) {
    EsSession remoteSession = session(remote);
    List<String> ids = invalidate.ids().isEmpty()
        ? remoteSession.findCrossClusterApiKeys(invalidate.keyName())
        : invalidate.ids();
    if (!ids.isEmpty()) {
      remoteSession.invalidateApiKeys(invalidate.alias(), ids);
    }
  }
}
