package io.github.remoteclusters.core.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.apply.ApplyException;
import io.github.remoteclusters.core.apply.ApplyReport;
import io.github.remoteclusters.core.apply.ClusterOutcome;
import io.github.remoteclusters.core.apply.Diagnosis;
import io.github.remoteclusters.core.apply.LinkResult;
import io.github.remoteclusters.core.apply.LinkResult.Change;
import io.github.remoteclusters.core.apply.LinkStatus;
import io.github.remoteclusters.core.apply.ProgressListener;
import io.github.remoteclusters.core.apply.Reconciler;
import io.github.remoteclusters.core.apply.ReconcilerConfig;
import io.github.remoteclusters.core.apply.RemoteInfo;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.core.internal.es.EsConnector;
import io.github.remoteclusters.core.internal.es.EsSession;
import io.github.remoteclusters.core.plan.EckResourceStep;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.HttpRequest;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.core.spi.ClusterEndpoint;
import io.github.remoteclusters.core.spi.ManualStepRequiredException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The {@link Reconciler} over the official client. Not API. */
public final class DefaultReconciler implements Reconciler {

  private final ReconcilerConfig config;
  private final EsConnector connector;
  private final Map<String, EsSession> sessions = new HashMap<>();

  /**
   * Creates the reconciler.
   *
   * @param config the configuration
   * @param connector how to open transports
   */
  public DefaultReconciler(ReconcilerConfig config, EsConnector connector) {
    this.config = Objects.requireNonNull(config, "config");
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  /** What the plan wants on one local cluster. */
  private static final class Work {
    final Cluster cluster;
    final Map<String, ObjectNode> desired = new TreeMap<>();
    final Set<String> removals = new TreeSet<>();
    final Map<String, Plan> plans = new TreeMap<>();
    final List<ElasticsearchRequestStep> keySteps = new ArrayList<>();
    final List<ElasticsearchRequestStep> roleSteps = new ArrayList<>();
    final List<ElasticsearchRequestStep> invalidations = new ArrayList<>();

    Work(Cluster cluster) {
      this.cluster = cluster;
    }
  }

  @Override
  public ApplyReport apply(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    return apply(topology, config.planner().plan(topology));
  }

  @Override
  public ApplyReport apply(Topology topology, TopologyPlan plan) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(plan, "plan");
    if (plan.hasErrors()) {
      return new ApplyReport(config.dryRun(), List.of(), List.of(), List.of(), plan.problems());
    }
    Map<String, Cluster> byName = topology.clustersByName();
    Map<String, Work> work = new LinkedHashMap<>();
    for (Cluster c : topology.clusters()) {
      if (!config.ownership().owned(c.name()).isEmpty()) {
        work.put(c.name(), new Work(c));
      }
    }
    List<PlanStep> notRun = new ArrayList<>();
    for (PlanResult r : plan.links()) {
      Plan p = ((PlanResult.Planned) r).plan();
      for (PlanStep step : p.steps()) {
        collect(p, step, byName, work, notRun);
      }
    }
    // topology order
    List<Work> ordered = new ArrayList<>();
    for (Cluster c : topology.clusters()) {
      if (work.containsKey(c.name())) {
        ordered.add(work.get(c.name()));
      }
    }
    Diagnoser diagnoser = new Diagnoser(topology);
    List<ClusterOutcome> outcomes = new ArrayList<>();
    List<LinkResult> links = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < ordered.size(); i++) {
      Work w = ordered.get(i);
      if (failed && !config.continueOnFailure()) {
        outcomes.add(new ClusterOutcome.Skipped(w.cluster.name(),
            "not attempted after an earlier failure; run again to resume"));
        continue;
      }
      ClusterOutcome o = runCluster(w, i + 1, ordered.size(), topology, diagnoser, links);
      outcomes.add(o);
      failed |= o instanceof ClusterOutcome.Failed;
    }
    return new ApplyReport(config.dryRun(), outcomes, links, notRun, plan.problems());
  }

  private void collect(
      Plan p, PlanStep step, Map<String, Cluster> byName, Map<String, Work> work,
      List<PlanStep> notRun) {
    if (step instanceof ElasticsearchRequestStep s) {
      Work local = work.computeIfAbsent(p.local(), n -> new Work(byName.get(n)));
      switch (s.action()) {
        case PUT_REMOTE_SETTINGS:
          local.desired.put(p.alias(), aliasKeys(s.request().body(), p.alias()));
          local.plans.put(p.alias(), p);
          break;
        case REMOVE_REMOTE:
          local.removals.add(p.alias());
          local.plans.put(p.alias(), p);
          break;
        case CREATE_CROSS_CLUSTER_API_KEY:
          local.keySteps.add(s);
          break;
        case CREATE_LOCAL_ROLE:
          local.roleSteps.add(s);
          break;
        case INVALIDATE_API_KEY:
          local.invalidations.add(s);
          break;
        case RELOAD_SECURE_SETTINGS:
        case VERIFY_CONNECTED:
          // done as part of storing credentials and of every write
          break;
        default:
          notRun.add(step);
      }
    } else if (step instanceof ManualStep m) {
      if (m.action() != StepAction.STORE_CREDENTIALS) {
        notRun.add(m);
      }
    } else if (step instanceof EckResourceStep) {
      notRun.add(step);
    } else {
      throw new IllegalStateException("unknown step kind " + step.getClass());
    }
  }

  /** The non-null keys of one alias in a planner body, by suffix. */
  static ObjectNode aliasKeys(JsonNode body, String alias) {
    Map<String, JsonNode> flat = new TreeMap<>();
    JsonNode persistent = body == null ? null : body.get("persistent");
    if (persistent != null) {
      flatten(persistent, "", flat);
    }
    ObjectNode out = Json.object();
    String prefix = "cluster.remote." + alias + ".";
    flat.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && !v.isNull()) {
            out.set(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  private static void flatten(JsonNode node, String prefix, Map<String, JsonNode> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
      }
    } else {
      out.put(prefix, node);
    }
  }

  private ClusterOutcome runCluster(
      Work w, int index, int total, Topology topology, Diagnoser diagnoser,
      List<LinkResult> links) {
    Map<String, Cluster> byName = topology.clustersByName();
    String name = w.cluster.name();
    ProgressListener progress = config.progress();
    List<HttpRequest> requests = new ArrayList<>();
    int reads = 0;
    int writesBefore = 0;
    EsSession session = null;
    try {
      progress.onProgress(new ProgressListener.Event(name, "connect", index, total,
          "connecting to [" + name + "]"));
      session = session(w.cluster);
      int r0 = session.counter().reads();
      writesBefore = session.counter().writes();
      progress.onProgress(new ProgressListener.Event(name, "read", index, total,
          "reading cluster settings and remote info of [" + name + "]"));
      EsSession.Settings current = session.readSettings();
      Map<String, RemoteInfo> info = session.remoteInfo();
      reads = session.counter().reads() - r0;
      Set<String> owned = config.ownership().owned(name);
      SettingsDiff.Result diff = SettingsDiff.compute(
          w.desired, w.removals, owned, current.persistent(), current.transientSettings(),
          info.keySet(), config.adoptExisting());

      // API keys first, so that credentials exist before the alias is configured
      for (ElasticsearchRequestStep s : w.keySteps) {
        String alias = aliasOfKeyStep(s, w);
        Change change = diff.changes().get(alias);
        if (change == Change.ADDED) {
          requests.add(s.request());
          if (!config.dryRun()) {
            ensureKey(w.cluster, byName.get(s.target()), alias, s, session);
          }
        } else if (change == Change.UNCHANGED || change == Change.UPDATED) {
          // an existing link whose key may have an older access: update the key in place
          HttpRequest update = updateKeyAccess(byName.get(s.target()), alias, s);
          if (update != null) {
            requests.add(update);
          }
        }
      }
      for (ElasticsearchRequestStep s : w.roleSteps) {
        String role = s.request().path().substring(s.request().path().lastIndexOf('/') + 1);
        String alias = w.plans.keySet().stream().filter(a -> role.equals("remote-" + a)).findFirst()
            .orElse("");
        Change change = diff.changes().get(alias);
        boolean outdated = (change == Change.UNCHANGED || change == Change.UPDATED)
            && !AccessComparison.same(s.request().body(), session.role(role), "remote_indices");
        if (change == Change.ADDED || outdated) {
          requests.add(s.request());
          if (!config.dryRun()) {
            session.putRole(alias, role, (ObjectNode) s.request().body());
          }
        }
      }

      if (!diff.isEmpty()) {
        HttpRequest put = new HttpRequest("PUT", "/_cluster/settings", diff.body());
        requests.add(put);
        if (!config.dryRun()) {
          progress.onProgress(new ProgressListener.Event(name, "write", index, total,
              "PUT _cluster/settings on [" + name + "]: " + diff.changes()));
          config.ownership().save(name, diff.ownedBeforeWrite());
          session.putSettings(diff.persistent(), diff.transientSettings());
        }
      }
      if (!config.dryRun() && !diff.ownedAfterWrite().equals(owned)) {
        config.ownership().save(name, diff.ownedAfterWrite());
      }
      for (ElasticsearchRequestStep s : w.invalidations) {
        String alias = aliasOf(s, w);
        if (alias != null && diff.changes().get(alias) == Change.REMOVED) {
          requests.add(s.request());
          if (!config.dryRun()) {
            invalidate(byName.get(s.target()), alias, s);
          }
          // what the link left on the local cluster: its credentials and its local role
          if (config.credentials().automatic()) {
            requests.add(new HttpRequest("POST", "/_nodes/reload_secure_settings", null));
            if (!config.dryRun()) {
              config.credentials().remove(w.cluster, alias);
              session.reloadSecureSettings(alias);
            }
          }
          requests.add(new HttpRequest("DELETE", "/_security/role/remote-" + alias, null));
          if (!config.dryRun()) {
            session.deleteRole(alias, "remote-" + alias);
          }
        }
      }
      int writes = config.dryRun() ? requests.size() : session.counter().writes() - writesBefore;

      // verify
      Map<String, LinkStatus> statuses = new TreeMap<>();
      ApplyException verifyFailure = null;
      if (!config.dryRun()) {
        Set<String> toVerify = new TreeSet<>();
        diff.changes().forEach((alias, change) -> {
          if (change == Change.ADDED || change == Change.UPDATED) {
            toVerify.add(alias);
          }
        });
        Map<String, RemoteInfo> latest = info;
        if (!toVerify.isEmpty() && !config.verifyTimeout().isZero()) {
          progress.onProgress(new ProgressListener.Event(name, "verify", index, total,
              "waiting up to " + config.verifyTimeout().toSeconds() + "s for " + toVerify
                  + " to connect"));
          latest = awaitConnected(session, toVerify);
          for (String alias : toVerify) {
            LinkStatus st = status(topology, alias, latest.get(alias), true, diagnoser,
                w.cluster, session);
            statuses.put(alias, st);
            if (!st.connected() && verifyFailure == null) {
              verifyFailure = new ApplyException(name, alias, "VERIFY_CONNECTED", 0,
                  "not connected after " + config.verifyTimeout().toSeconds() + "s: "
                      + (st.diagnosis() == null ? "" : st.diagnosis().message()), null);
            }
          }
        }
        for (Map.Entry<String, Change> e : diff.changes().entrySet()) {
          if (e.getValue() == Change.UNCHANGED && latest.containsKey(e.getKey())) {
            statuses.put(e.getKey(), status(topology, e.getKey(), latest.get(e.getKey()),
                owned.contains(e.getKey()), diagnoser, w.cluster, session));
          }
        }
      }
      diff.changes().forEach((alias, change) ->
          links.add(new LinkResult(name, alias, change, statuses.get(alias))));
      progress.onProgress(new ProgressListener.Event(name, "done", index, total,
          "[" + name + "] " + (requests.isEmpty() ? "already in place" : "applied")));
      if (verifyFailure != null) {
        return new ClusterOutcome.Failed(name, reads, writes, requests, verifyFailure);
      }
      if (diff.changes().containsValue(Change.CONFLICT)) {
        String alias = diff.changes().entrySet().stream()
            .filter(e -> e.getValue() == Change.CONFLICT).map(Map.Entry::getKey)
            .findFirst().orElseThrow();
        return new ClusterOutcome.Failed(name, reads, writes, requests,
            new ApplyException(name, alias, "PUT_REMOTE_SETTINGS", 0,
                "alias [" + alias + "] already exists on [" + name + "] and was not created by"
                    + " remote-clusters, so it is left untouched; remove it, pick another alias,"
                    + " or adopt it (--adopt)", null));
      }
      return requests.isEmpty()
          ? new ClusterOutcome.AlreadyInPlace(name, reads)
          : new ClusterOutcome.Applied(name, reads, writes, requests);
    } catch (ApplyException e) {
      int writes = session == null ? 0 : session.counter().writes() - writesBefore;
      return new ClusterOutcome.Failed(name, reads, writes, requests, e);
    } catch (ManualStepRequiredException e) {
      int writes = session == null ? 0 : session.counter().writes() - writesBefore;
      return new ClusterOutcome.Failed(name, reads, writes, requests,
          new ApplyException(name, e.alias(), "STORE_CREDENTIALS", 0, e.getMessage(), e));
    } catch (RuntimeException e) {
      int writes = session == null ? 0 : session.counter().writes() - writesBefore;
      return new ClusterOutcome.Failed(name, reads, writes, requests,
          new ApplyException(name, null, "APPLY", 0, String.valueOf(e.getMessage()), e));
    }
  }

  private static String aliasOfKeyStep(ElasticsearchRequestStep s, Work w) {
    JsonNode body = s.request().body();
    JsonNode alias = body == null ? null : body.path("metadata").get("alias");
    if (alias != null) {
      return alias.asText();
    }
    String keyName = body == null ? "" : body.path("name").asText();
    for (String a : w.plans.keySet()) {
      if (keyName.equals("remote-clusters-" + w.cluster.name() + "-" + a)) {
        return a;
      }
    }
    return "";
  }

  private static String aliasOf(ElasticsearchRequestStep s, Work w) {
    String keyName = s.request().body() == null ? "" : s.request().body().path("name").asText();
    for (String a : w.plans.keySet()) {
      if (keyName.equals("remote-clusters-" + w.cluster.name() + "-" + a)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Creates the cross-cluster API key on the remote (or updates the access of the existing key
   * of that name), stores new credentials on the local cluster, and reloads its keystore.
   */
  private void ensureKey(
      Cluster local, Cluster remote, String alias, ElasticsearchRequestStep s, EsSession localSession) {
    EsSession remoteSession = session(remote);
    ObjectNode body = (ObjectNode) s.request().body();
    String keyName = body.path("name").asText();
    List<String> existing = remoteSession.findCrossClusterApiKeys(keyName);
    if (!existing.isEmpty()) {
      // made earlier, by this tool or by a person following the manual step: keep its access
      // current; its credentials are where they were stored then
      remoteSession.updateCrossClusterApiKey(alias, existing.get(existing.size() - 1), body.get("access"));
      return;
    }
    if (!config.credentials().automatic()) {
      throw new ManualStepRequiredException(local.name(), alias,
          "no credential writer can store the key of [" + alias + "] on [" + local.name()
              + "]: create the cross-cluster API key " + keyName + " on [" + remote.name()
              + "] (see: remote-clusters plan --format curl), put its encoded value on every node"
              + " of [" + local.name() + "] with bin/elasticsearch-keystore add cluster.remote."
              + alias + ".credentials, POST /_nodes/reload_secure_settings, then run this again");
    }
    EsSession.CreatedKey key = remoteSession.createCrossClusterApiKey(alias, body);
    config.credentials().store(local, alias, key.encoded());
    localSession.reloadSecureSettings(alias);
  }

  /**
   * Updates the access of the existing cross-cluster API key of an alias when it differs from the
   * plan's; reads only when it does not.
   *
   * @return the update request sent (or, in a dry run, that would be sent), or null for none
   */
  private HttpRequest updateKeyAccess(Cluster remote, String alias, ElasticsearchRequestStep s) {
    JsonNode access = s.request().body().get("access");
    if (access == null) {
      return null;
    }
    EsSession remoteSession = session(remote);
    Map<String, JsonNode> keys =
        remoteSession.crossClusterApiKeyAccess(s.request().body().path("name").asText());
    HttpRequest update = null;
    for (Map.Entry<String, JsonNode> key : keys.entrySet()) {
      ObjectNode stored = Json.object().set("access", key.getValue());
      ObjectNode desired = Json.object().set("access", access);
      if (!AccessComparison.same(desired.get("access"), stored.get("access"),
          "search", "replication")) {
        update = new HttpRequest("PUT", "/_security/cross_cluster/api_key/" + key.getKey(),
            desired);
        if (!config.dryRun()) {
          remoteSession.updateCrossClusterApiKey(alias, key.getKey(), access);
        }
      }
    }
    return update;
  }

  @Override
  public ClusterOutcome rotateApiKey(Topology topology, String local, String alias) {
    Objects.requireNonNull(topology, "topology");
    Map<String, Cluster> byName = topology.clustersByName();
    TopologyPlan plan = config.planner().plan(topology);
    ElasticsearchRequestStep create = null;
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned p && p.plan().local().equals(local)
          && p.plan().alias().equals(alias)) {
        for (PlanStep step : p.plan().steps()) {
          if (step instanceof ElasticsearchRequestStep s
              && s.action() == StepAction.CREATE_CROSS_CLUSTER_API_KEY) {
            create = s;
          }
        }
      }
    }
    if (create == null) {
      throw new IllegalArgumentException("link [" + local + "/" + alias + "] of the topology"
          + " has no cross-cluster API key to rotate (is it planned with security: api-key?)");
    }
    Cluster localCluster = byName.get(local);
    Cluster remote = byName.get(create.target());
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
      EsSession remoteSession = session(remote);
      ObjectNode body = (ObjectNode) create.request().body();
      List<String> old = remoteSession.findCrossClusterApiKeys(body.path("name").asText());
      // the new key first: the remote accepts both until the old one is invalidated
      requests.add(create.request());
      EsSession.CreatedKey key = remoteSession.createCrossClusterApiKey(alias, body);
      config.credentials().store(localCluster, alias, key.encoded());
      requests.add(new HttpRequest("POST", "/_nodes/reload_secure_settings", null));
      localSession.reloadSecureSettings(alias);
      if (!config.verifyTimeout().isZero()) {
        RemoteInfo info = awaitConnected(localSession, Set.of(alias)).get(alias);
        if (info == null || !info.connected()) {
          throw new ApplyException(local, alias, "VERIFY_CONNECTED", 0,
              "not connected with the new key after " + config.verifyTimeout().toSeconds()
                  + "s; the old keys " + old + " are left valid", null);
        }
      }
      if (!old.isEmpty()) {
        requests.add(new HttpRequest("DELETE", "/_security/api_key",
            Json.object().set("ids", Json.JSON.valueToTree(old))));
        remoteSession.invalidateApiKeys(alias, old);
      }
      return new ClusterOutcome.Applied(local, 0,
          localSession.counter().writes() - writesBefore, requests);
    } catch (ApplyException e) {
      return new ClusterOutcome.Failed(local, 0,
          localSession == null ? 0 : localSession.counter().writes() - writesBefore, requests, e);
    } catch (ManualStepRequiredException e) {
      return new ClusterOutcome.Failed(local, 0, 0, requests,
          new ApplyException(local, alias, "STORE_CREDENTIALS", 0, e.getMessage(), e));
    }
  }

  private void invalidate(Cluster remote, String alias, ElasticsearchRequestStep s) {
    EsSession remoteSession = session(remote);
    String keyName = s.request().body().path("name").asText();
    List<String> ids = remoteSession.findCrossClusterApiKeys(keyName);
    if (!ids.isEmpty()) {
      remoteSession.invalidateApiKeys(alias, ids);
    }
  }

  private Map<String, RemoteInfo> awaitConnected(EsSession session, Set<String> aliases) {
    long deadline = System.nanoTime() + config.verifyTimeout().toNanos();
    Map<String, RemoteInfo> info;
    while (true) {
      info = session.remoteInfo();
      boolean all = true;
      for (String a : aliases) {
        RemoteInfo ri = info.get(a);
        all &= ri != null && ri.connected();
      }
      if (all || System.nanoTime() >= deadline) {
        return info;
      }
      try {
        Thread.sleep(config.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return info;
      }
    }
  }

  private static LinkStatus status(
      Topology topology, String alias, RemoteInfo info, boolean owned, Diagnoser diagnoser,
      Cluster local, EsSession session) {
    String cluster = local.name();
    if (info == null) {
      return new LinkStatus(cluster, alias, LinkStatus.State.NOT_CONFIGURED, owned, null,
          new Diagnosis(Diagnosis.Code.NOT_CONFIGURED,
              "[" + alias + "] is not configured on [" + cluster + "]"));
    }
    if (info.connected()) {
      return new LinkStatus(cluster, alias, LinkStatus.State.CONNECTED, owned, info, null);
    }
    Link link = linkOf(topology, local.name(), alias);
    Cluster remote = link == null ? null : topology.cluster(link.remote()).orElse(null);
    Diagnosis d = diagnoser.diagnose(local, session == null ? null : session.version(), alias,
        info, remote, null, link == null ? null : link.security());
    return new LinkStatus(cluster, alias, LinkStatus.State.DISCONNECTED, owned, info, d);
  }

  private static Link linkOf(Topology topology, String local, String alias) {
    for (Link l : topology.links()) {
      if (l.local().equals(local) && l.alias().equals(alias) && l.state() == LinkState.PRESENT) {
        return l;
      }
    }
    return null;
  }

  @Override
  public List<LinkStatus> status(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    List<LinkStatus> out = new ArrayList<>();
    Set<String> locals = new TreeSet<>();
    topology.links().forEach(l -> locals.add(l.local()));
    for (Cluster c : topology.clusters()) {
      if (locals.contains(c.name()) || !config.ownership().owned(c.name()).isEmpty()) {
        out.addAll(status(topology, c));
      }
    }
    return out;
  }

  @Override
  public List<LinkStatus> status(Topology topology, Cluster cluster) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(cluster, "cluster");
    Set<String> owned = config.ownership().owned(cluster.name());
    List<LinkStatus> out = new ArrayList<>();
    Map<String, RemoteInfo> info;
    EsSession session;
    try {
      session = session(cluster);
      info = session.remoteInfo();
    } catch (ApplyException e) {
      for (Link l : topology.links()) {
        if (l.local().equals(cluster.name()) && l.state() == LinkState.PRESENT) {
          out.add(new LinkStatus(cluster.name(), l.alias(), LinkStatus.State.UNKNOWN,
              owned.contains(l.alias()), null,
              new Diagnosis(Diagnosis.Code.UNREACHABLE, e.getMessage())));
        }
      }
      return out;
    }
    Diagnoser diagnoser = new Diagnoser(topology);
    Set<String> seen = new TreeSet<>();
    info.forEach((alias, ri) -> {
      seen.add(alias);
      out.add(status(topology, alias, ri, owned.contains(alias), diagnoser, cluster, session));
    });
    for (Link l : topology.links()) {
      if (l.local().equals(cluster.name()) && l.state() == LinkState.PRESENT
          && !seen.contains(l.alias())) {
        seen.add(l.alias());
        out.add(status(topology, l.alias(), null, owned.contains(l.alias()), diagnoser,
            cluster, session));
      }
    }
    return out;
  }

  private EsSession session(Cluster cluster) {
    EsSession s = sessions.get(cluster.name());
    if (s == null) {
      ClusterEndpoint endpoint;
      try {
        endpoint = config.access().endpoint(cluster);
      } catch (IllegalArgumentException e) {
        throw new ApplyException(cluster.name(), null, "CONNECT", 0, e.getMessage(), e);
      }
      s = EsSession.connect(cluster.name(), endpoint, connector);
      sessions.put(cluster.name(), s);
    }
    return s;
  }

  /**
   * The open session to a cluster, for tests that count requests.
   *
   * @param name the cluster name
   * @return the session, or null when none is open
   */
  public EsSession openSession(String name) {
    return sessions.get(name);
  }

  @Override
  public void close() {
    sessions.values().forEach(EsSession::close);
    sessions.clear();
  }
}
