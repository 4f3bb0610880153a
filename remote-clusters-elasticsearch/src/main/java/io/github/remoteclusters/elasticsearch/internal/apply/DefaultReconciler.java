package io.github.remoteclusters.elasticsearch.internal.apply;

import static io.github.remoteclusters.elasticsearch.internal.apply.Rotation.rotationPlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.LinkResult.Change;
import io.github.remoteclusters.elasticsearch.LinkResult;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.ProgressListener;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.internal.es.EsJson;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.HttpRequest;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepEncoder;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriteException;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.elasticsearch.spi.ManualStepRequiredException;
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
  private final Verification verification;
  private final Rotation rotation;
  private final StatusReader statusReader;

  /**
   * Creates the reconciler.
   *
   * @param config the configuration
   * @param connector how to open transports
   */
  public DefaultReconciler(ReconcilerConfig config, EsConnector connector) {
    this.config = Objects.requireNonNull(config, "config");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.verification = new Verification(config);
    this.rotation = new Rotation(config, this::session, verification);
    this.statusReader = new StatusReader(config, this::session);
  }

  /** What the plan wants on one local cluster. */
  static final class Work {
    final Cluster cluster;
    final Map<String, ObjectNode> desired = new TreeMap<>();
    final Set<String> removals = new TreeSet<>();
    final Map<String, Plan> plans = new TreeMap<>();
    final List<Remote<StepPayload.CreateCrossClusterApiKey>> keys = new ArrayList<>();
    final List<StepPayload.CreateLocalRole> roles = new ArrayList<>();
    final List<Remote<StepPayload.UpdateCrossClusterApiKey>> updates = new ArrayList<>();
    /** Per alias, the steps after its settings write that remove what it made, in plan order. */
    final Map<String, List<Remote<StepPayload>>> cleanup = new TreeMap<>();
    final Map<String, StepPayload.MigrateSecurityModel> migrations = new TreeMap<>();
    /**
     * Per migrating alias, the steps of its switch that come before the settings write, in plan
     * order: the credentials' removal and the reload, right before the write.
     */
    final Map<String, List<Remote<StepPayload>>> beforeSwitch = new TreeMap<>();
    /** Per migrating alias, the steps that come once its switch is verified, in plan order. */
    final Map<String, List<Remote<StepPayload>>> afterVerify = new TreeMap<>();

    Work(Cluster cluster) {
      this.cluster = cluster;
    }
  }

  /** A payload that runs on the remote cluster of a link. */
  private record Remote<P extends StepPayload>(String cluster, P payload) {}

  @Override
  public ApplyReport apply(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    return apply(topology, plan(topology));
  }

  @Override
  public TopologyPlan plan(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    List<LinkFootprint> owned = new ArrayList<>();
    for (Cluster c : topology.clusters()) {
      try {
        owned.addAll(config.ownership().footprints(c.name()).values());
      } catch (RuntimeException e) {
        break; // the apply reports the store's failure on every cluster, before any write
      }
    }
    return config.planner().plan(topology, owned);
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
    Map<String, ApplyException> storeFailures = new TreeMap<>();
    for (Cluster c : topology.clusters()) {
      try {
        if (!owned(c.name(), storeFailures).isEmpty()) {
          work.put(c.name(), new Work(c));
        }
      } catch (ApplyException e) {
        work.put(c.name(), new Work(c)); // fails below, before anything is read or written
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
    ClusterClaims claims = null;
    if (!config.dryRun()) {
      try {
        claims = new ClusterClaims(config.ownership().ownerId(), "", CLAIM_LEASE);
      } catch (RuntimeException e) {
        // an ownership store that cannot say who it is fails every cluster before any write
        for (Cluster c : topology.clusters()) {
          storeFailures.putIfAbsent(c.name(), new ApplyException(c.name(), null,
              ApplyStep.OWNERSHIP, 0, String.valueOf(e.getMessage()), e));
        }
      }
    }
    // writes, cluster after cluster; a failed read or write stops the later clusters' writes
    // unless the run continues on failure
    List<Object> slots = new ArrayList<>(); // a ClusterRun to verify, or a final outcome
    List<ClusterRun> written = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < ordered.size(); i++) {
      Work w = ordered.get(i);
      if (failed && !config.continueOnFailure()) {
        slots.add(new ClusterOutcome.Skipped(w.cluster.name(),
            "not attempted after an earlier failure; run again to resume"));
        continue;
      }
      ClusterRun run = new ClusterRun(w, i + 1, ordered.size(), topology, storeFailures);
      run.claims = claims;
      ClusterOutcome early = runCluster(run);
      if (early != null) {
        run.progress("done",
            "[" + run.name + "] failed: " + ((ClusterOutcome.Failed) early).cause().getMessage());
        slots.add(early);
        failed = true;
      } else {
        slots.add(run);
        written.add(run);
      }
    }
    // verification of every written cluster at once, under one deadline: a link that does not
    // connect on one cluster neither stops nor delays the others
    Map<ClusterRun, Map<String, RemoteInfo>> latest = verifyAll(written);
    for (ClusterRun run : written) {
      run.afterVerify(latest.get(run)); // what a migration removes once its switch is verified
    }
    List<ClusterOutcome> outcomes = new ArrayList<>();
    List<LinkResult> links = new ArrayList<>();
    for (Object slot : slots) {
      if (slot instanceof ClusterOutcome o) {
        outcomes.add(o);
        continue;
      }
      ClusterRun run = (ClusterRun) slot;
      ClusterOutcome o = run.outcome(diagnoser, latest.getOrDefault(run, run.info), links);
      notRun.addAll(run.manualLeft);
      run.progress("done", "[" + run.name + "] " + (o instanceof ClusterOutcome.Failed f
          ? "failed: " + f.cause().getMessage()
          : o instanceof ClusterOutcome.Applied ? "applied" : "already in place"));
      outcomes.add(o);
    }
    if (claims != null) {
      claims.release(sessions::get); // the leases end; the claims of owned aliases stay
    }
    return new ApplyReport(config.dryRun(), outcomes, links, notRun, plan.problems());
  }

  /** How long a run's claim of an alias holds against other runs of the same owner. */
  private static final java.time.Duration CLAIM_LEASE = java.time.Duration.ofMinutes(15);

  /**
   * The footprints of the links the store says this tool owns on a cluster; a store that fails
   * (an invalid file, a lock held by another run) is a failure of the cluster, and is not asked
   * again in the run.
   */
  private Map<String, LinkFootprint> owned(String cluster, Map<String, ApplyException> storeFailures) {
    if (!storeFailures.isEmpty()) {
      ApplyException first = storeFailures.values().iterator().next();
      throw storeFailures.computeIfAbsent(cluster, c -> new ApplyException(c, null,
          ApplyStep.OWNERSHIP, 0, first.getCause().getMessage(), first.getCause()));
    }
    try {
      return config.ownership().footprints(cluster);
    } catch (RuntimeException e) {
      ApplyException failure = new ApplyException(cluster, null, ApplyStep.OWNERSHIP, 0,
          String.valueOf(e.getMessage()), e);
      storeFailures.put(cluster, failure);
      throw failure;
    }
  }

  /** Runs a change of the ownership record; a failing store fails the cluster. */
  private void ownership(String cluster, String alias, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      throw new ApplyException(cluster, alias, ApplyStep.OWNERSHIP, 0,
          String.valueOf(e.getMessage()) + "; nothing of [" + alias + "] was created or removed"
              + " after this", e);
    }
  }

  /**
   * Files one step of a plan under the work of its local cluster, by the kind of its payload.
   *
   * @return whether this applier carries the step out (alone or as part of another step); false
   *     for steps left to a person or to ECK, which are reported as not run
   */
  static boolean collect(Plan p, PlanStep step, Map<String, Cluster> byName, Map<String, Work> work,
      List<PlanStep> notRun) {
    StepPayload payload = step.payload();
    boolean applier = step instanceof ElasticsearchRequestStep
        || step instanceof ManualStep && (payload instanceof StepPayload.StoreCredentials
            || payload instanceof StepPayload.RemoveCredentials
            || payload instanceof StepPayload.MigrateSecurityModel);
    if (!applier) {
      notRun.add(step); // ECK patches and instructions for a person
      return false;
    }
    Work local = work.computeIfAbsent(p.local(), n -> new Work(byName.get(n)));
    if (payload instanceof StepPayload.PutRemoteSettings put) {
      local.desired.put(put.alias(), nonNull((ObjectNode) EsJson.tree(StepEncoder.remoteSettings(put))));
      local.plans.put(put.alias(), p);
    } else if (payload instanceof StepPayload.RemoveRemoteSettings remove) {
      local.removals.add(remove.alias());
      local.plans.put(remove.alias(), p);
    } else if (payload instanceof StepPayload.CreateCrossClusterApiKey key) {
      local.keys.add(new Remote<>(step.target(), key));
    } else if (payload instanceof StepPayload.UpdateCrossClusterApiKey update) {
      local.updates.add(new Remote<>(step.target(), update));
    } else if (payload instanceof StepPayload.CreateLocalRole role) {
      local.roles.add(role);
    } else if (payload instanceof StepPayload.MigrateSecurityModel migrate) {
      local.migrations.put(migrate.alias(), migrate);
    } else if (migrates(p) && (payload instanceof StepPayload.ReloadSecureSettings
        || payload instanceof StepPayload.RemoveCredentials) && !afterSettings(p, step)) {
      local.beforeSwitch.computeIfAbsent(payload.alias(), a -> new ArrayList<>())
          .add(new Remote<>(step.target(), payload));
    } else if (payload instanceof StepPayload.InvalidateOtherApiKeys
        || migrates(p) && afterVerify(p, step)) {
      local.afterVerify.computeIfAbsent(payload.alias(), a -> new ArrayList<>())
          .add(new Remote<>(step.target(), payload));
    } else if (payload instanceof StepPayload.InvalidateApiKeys
        || payload instanceof StepPayload.RemoveCredentials
        || payload instanceof StepPayload.DeleteLocalRole
        || payload instanceof StepPayload.ReloadSecureSettings && afterSettings(p, step)) {
      local.cleanup.computeIfAbsent(payload.alias(), a -> new ArrayList<>())
          .add(new Remote<>(step.target(), payload));
    } else if (payload instanceof StepPayload.ReloadSecureSettings
        || payload instanceof StepPayload.StoreCredentials
        || payload instanceof StepPayload.VerifyConnected) {
      // done as part of creating a key (store, reload) and of every write (verify)
    } else {
      throw new IllegalStateException("unexpected request step " + payload.getClass());
    }
    return true;
  }

  /** Whether a plan changes the security model of its alias. */
  private static boolean migrates(Plan p) {
    for (PlanStep s : p.steps()) {
      if (s.payload() instanceof StepPayload.MigrateSecurityModel) {
        return true;
      }
    }
    return false;
  }

  /** Whether a step comes after the verification of its plan (a migration's last steps). */
  private static boolean afterVerify(Plan p, PlanStep step) {
    return after(p, step, x -> x instanceof StepPayload.VerifyConnected);
  }

  /** Whether a step comes after the settings write of its plan (a removal's or a migration's). */
  private static boolean afterSettings(Plan p, PlanStep step) {
    return after(p, step, x -> x instanceof StepPayload.PutRemoteSettings
        || x instanceof StepPayload.RemoveRemoteSettings);
  }

  /** Whether a step comes after a step of its plan whose payload is a {@code mark}. */
  private static boolean after(Plan p, PlanStep step,
      java.util.function.Predicate<StepPayload> mark) {
    boolean seen = false;
    for (PlanStep s : p.steps()) {
      if (s == step) {
        return seen;
      }
      seen |= mark.test(s.payload());
    }
    return false;
  }

  /** The set keys of a {@code cluster.remote.<alias>} object. */
  private static ObjectNode nonNull(ObjectNode alias) {
    ObjectNode out = EsJson.object();
    new TreeMap<>(toMap(alias)).forEach((k, v) -> {
      if (!v.isNull()) {
        out.set(k, v);
      }
    });
    return out;
  }

  private static Map<String, JsonNode> toMap(ObjectNode node) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  /** One cluster's run: what was read, decided and sent. */
  private final class ClusterRun {
    final Work w;
    final String name;
    final int index;
    final int total;
    final Topology topology;
    final Map<String, Cluster> byName;
    final Map<String, ApplyException> storeFailures;
    final List<HttpRequest> requests = new ArrayList<>();
    EsSession session;
    int reads;
    int writesBefore;
    Map<String, RemoteInfo> info;
    Set<String> owned;
    Map<String, LinkFootprint> footprints;
    SettingsDiff.Result diff;
    /** The claims of aliases on the clusters; null in a dry run. */
    ClusterClaims claims;
    int claimWritesBefore;

    /**
     * Claims an alias this run adds on this cluster before anything of it is created (not in a
     * dry run). Only a new alias needs it: an alias that exists is owned by whoever recorded it,
     * and a concurrent writer sees it as a conflict; two writers that both see it new race on the
     * claim, which exactly one wins. One request per new alias.
     */
    void claim(String alias) {
      if (claims != null && !config.dryRun() && diff.changes().get(alias) == Change.ADDED) {
        claims.claim(session, alias);
      }
    }

    /** Steps of the plan this run leaves to a person (a removal without a credential writer). */
    final List<PlanStep> manualLeft = new ArrayList<>();

    ClusterRun(Work w, int index, int total, Topology topology,
        Map<String, ApplyException> storeFailures) {
      this.w = w;
      this.storeFailures = storeFailures;
      this.name = w.cluster.name();
      this.index = index;
      this.total = total;
      this.topology = topology;
      this.byName = topology.clustersByName();
    }

    void progress(String phase, String message) {
      // always on the applying thread: the verification threads only poll _remote/info
      config.progress().onProgress(new ProgressListener.Event(name, phase, index, total, message));
    }

    int writes() {
      return session == null ? 0 : session.counter().writes() - writesBefore
          - (claims == null ? 0 : claims.writes(name) - claimWritesBefore);
    }

    /**
     * Read: the ownership record, a connection, then the settings (only once the cluster state is
     * recovered: an empty read from a node that has just started must not forget owned aliases)
     * and remote info of the cluster.
     */
    void read() {
      footprints = new TreeMap<>(DefaultReconciler.this.owned(name, storeFailures));
      // only the aliases the plan names are read as owned: an owned alias the plan does not
      // name (a plan made without the ownership record) is left alone, nothing is sent for it
      owned = new TreeSet<>(footprints.keySet());
      owned.retainAll(planned());
      progress("connect", "connecting to [" + name + "]");
      session = session(w.cluster);
      int r0 = session.counter().reads();
      writesBefore = session.counter().writes();
      claimWritesBefore = claims == null ? 0 : claims.writes(name);
      progress("read", "reading cluster settings and remote info of [" + name + "]");
      EsSession.SettingsRead read = session.readSettingsIfRecovered();
      if (read instanceof EsSession.SettingsRead.NotRecovered nr) {
        reads = session.counter().reads() - r0;
        throw new ApplyException(name, null, ApplyStep.READ_SETTINGS, 0, nr.reason()
            + "; nothing was written and the ownership record is left as it was", null);
      }
      EsSession.Settings current = ((EsSession.SettingsRead.Complete) read).settings();
      info = session.remoteInfo();
      reads = session.counter().reads() - r0;
      diff = SettingsDiff.compute(
          w.desired, w.removals, owned, current.persistent(), current.transientSettings(),
          info.keySet(), config.adoptExisting());
    }

    private boolean is(String alias, Change change) {
      return diff.changes().get(alias) == change;
    }

    private Set<String> planned() {
      Set<String> out = new TreeSet<>(w.desired.keySet());
      out.addAll(w.removals);
      return out;
    }

    /** The footprint of a desired alias as its plan makes it. */
    private LinkFootprint plannedFootprint(String alias) {
      Plan p = w.plans.get(alias);
      String keyName = null;
      String role = null;
      for (PlanStep step : p.steps()) {
        if (step.payload() instanceof StepPayload.CreateCrossClusterApiKey k) {
          keyName = k.keyName();
        } else if (step.payload() instanceof StepPayload.CreateLocalRole r) {
          role = r.role().name();
        }
      }
      LinkFootprint old = footprints.get(alias);
      if (keyName == null && old != null && old.keyName() != null
          && p.security() == io.github.remoteclusters.core.SecurityModel.API_KEY) {
        keyName = old.keyName(); // an update by the recorded id: the same key
      }
      return LinkFootprint.planned(name, alias, p.remote(), p.security(), keyName, role);
    }

    /**
     * Write-ahead: before anything is created for a link, its footprint is recorded; a store that
     * cannot record it (a read-only file) fails the cluster before any write to a cluster.
     */
    void recordAhead() {
      if (config.dryRun()) {
        return;
      }
      for (Map.Entry<String, Change> e : diff.changes().entrySet()) {
        String alias = e.getKey();
        Change change = e.getValue();
        if (!w.desired.containsKey(alias) || change == Change.CONFLICT) {
          continue;
        }
        LinkFootprint old = footprints.get(alias);
        LinkFootprint planned = plannedFootprint(alias);
        LinkFootprint merged = old == null ? planned : old.merge(planned);
        // a migration keeps the old model on record until it is done: a run killed half way
        // plans the migration again, with what the old model made
        LinkFootprint next = old == null || !w.migrations.containsKey(alias) ? merged
            : new LinkFootprint(merged.local(), merged.alias(), merged.topology(),
                merged.remote(), old.security(), merged.keyName(), merged.keyId(),
                merged.localRole(), merged.credentialsSetting(), merged.material(), true);
        if (!next.equals(old)) {
          claim(alias);
          ownership(name, alias, () -> config.ownership().record(next));
          footprints.put(alias, next);
        }
      }
    }

    /** Records the id of a key that exists now, once it is known. */
    private void recordKeyId(String alias, String id) {
      LinkFootprint f = footprints.get(alias);
      if (!config.dryRun() && f != null && id != null && !id.equals(f.keyId())) {
        LinkFootprint next = f.withKeyId(id);
        ownership(name, alias, () -> config.ownership().record(next));
        footprints.put(alias, next);
      }
    }

    /** Keys: API keys first, so that credentials exist before the alias is configured. */
    void keys() {
      for (Remote<StepPayload.CreateCrossClusterApiKey> k : w.keys) {
        Change change = diff.changes().get(k.payload().alias());
        String alias = k.payload().alias();
        if (change == Change.ADDED || (change == Change.UNCHANGED || change == Change.UPDATED)
            && config.credentials().automatic() && noCredentials(alias)) {
          // new, or configured but no credentials ever reached the keystore (a create whose
          // answer was lost): a key found by name has a secret nobody holds; make a new one
          requests.add(StepEncoder.request(k.payload()).orElseThrow());
          if (!config.dryRun()) {
            claim(alias);
            // a migration's reload is the first half of its switch, right before the settings
            recordKeyId(alias, ensureKey(w.cluster, byName.get(k.cluster()), k.payload(), session,
                !switching(alias)));
          }
        } else if (change == Change.UNCHANGED || change == Change.UPDATED) {
          // a link recorded before key ids were: its key, found by name, is brought up to date
          // and its id recorded, so that the next plan updates it by id
          Remote<StepPayload.UpdateCrossClusterApiKey> found = keyByName(k);
          if (found != null) {
            update(found);
          }
        }
      }
      for (Remote<StepPayload.UpdateCrossClusterApiKey> u : w.updates) {
        Change change = diff.changes().get(u.payload().alias());
        if (change == Change.UNCHANGED || change == Change.UPDATED || change == Change.ADDED) {
          update(u);
        }
      }
    }

    /** The newest active key of a create's name as the planned update of its access, or null. */
    private Remote<StepPayload.UpdateCrossClusterApiKey> keyByName(
        Remote<StepPayload.CreateCrossClusterApiKey> k) {
      List<String> ids = session(byName.get(k.cluster())).findCrossClusterApiKeys(k.payload().keyName());
      if (ids.isEmpty()) {
        return null;
      }
      String id = ids.get(ids.size() - 1);
      recordKeyId(k.payload().alias(), id);
      return new Remote<>(k.cluster(), new StepPayload.UpdateCrossClusterApiKey(
          k.payload().alias(), id, k.payload().access()));
    }

    /**
     * Carries out a planned key update: the key is looked up by its id; one that is gone,
     * invalidated or expired is replaced through the rotation plan (issue: a key revoked behind
     * this tool's back); a valid one gets the planned access when it differs.
     */
    private void update(Remote<StepPayload.UpdateCrossClusterApiKey> u) {
      StepPayload.UpdateCrossClusterApiKey payload = u.payload();
      Cluster remote = byName.get(u.cluster());
      KeyCheck.State state = KeyCheck.of(session(remote), payload.id());
      if (state.usable()) {
        if (!AccessComparison.same(EsJson.access(payload.access()), state.access(), "search",
            "replication")) {
          requests.add(StepEncoder.request(payload).orElseThrow());
          if (!config.dryRun()) {
            claim(payload.alias());
            session(remote).updateCrossClusterApiKey(payload.alias(), payload.id(),
                payload.access());
          }
        }
        return;
      }
      progress("repair", "[" + name + "] the key of [" + payload.alias() + "] (id "
          + payload.id() + ") is " + state.why() + ": replacing it through the rotation plan");
      LinkFootprint f = footprints.get(payload.alias());
      String keyName = f != null && f.keyName() != null ? f.keyName()
          : EckNames.ownApiKeyName(name, payload.alias());
      List<PlanStep> rotation = rotationPlan(w.cluster, remote, new StepPayload
          .CreateCrossClusterApiKey(payload.alias(), keyName, name, payload.access()),
          List.of(payload.id()));
      if (config.dryRun()) {
        rotation.forEach(st -> StepEncoder.request(st.payload()).ifPresent(requests::add));
        return;
      }
      claim(payload.alias());
      executeRotation(w.cluster, remote, rotation, requests, session, id -> recordKeyId(payload.alias(), id));
    }

    /** Whether {@code _remote/info} shows the alias without {@code cluster_credentials}. */
    private boolean noCredentials(String alias) {
      RemoteInfo ri = info.get(alias);
      return ri != null && Boolean.FALSE.equals(ri.credentials());
    }

    /** Roles: the local roles of new links, and of existing links whose access changed. */
    void roles() {
      for (StepPayload.CreateLocalRole role : w.roles) {
        Change change = diff.changes().get(role.alias());
        HttpRequest put = StepEncoder.request(role).orElseThrow();
        ObjectNode body = (ObjectNode) EsJson.tree(put.body());
        boolean outdated = (change == Change.UNCHANGED || change == Change.UPDATED)
            && !AccessComparison.same(body, session.role(role.role().name()), "remote_indices");
        if (change == Change.ADDED || outdated) {
          requests.add(put);
          if (!config.dryRun()) {
            claim(role.alias());
            session.putRole(role.alias(), role.role());
          }
        }
      }
    }

    /** Settings: one {@code PUT _cluster/settings} for every alias that changes. */
    void settings() {
      if (!diff.isEmpty()) {
        if (!config.dryRun()) {
          diff.changes().forEach((alias, change) -> {
            if (change == Change.ADDED || change == Change.UPDATED || change == Change.REMOVED) {
              claim(alias);
            }
          });
        }
        // the first half of every migration's switch: its credentials leave the keystore (no
        // effect before a reload), then one reload, and the write as soon as the reload dropped the
        // old connections (Switchover)
        List<String> reload = new ArrayList<>();
        for (Map.Entry<String, List<Remote<StepPayload>>> e : w.beforeSwitch.entrySet()) {
          if (switching(e.getKey())) {
            for (Remote<StepPayload> step : e.getValue()) {
              if (step.payload() instanceof StepPayload.ReloadSecureSettings) {
                reload.add(e.getKey());
              } else {
                run(step);
              }
            }
          }
        }
        if (!reload.isEmpty()) {
          requests.add(StepEncoder.request(new StepPayload.ReloadSecureSettings(reload.get(0)))
              .orElseThrow());
        }
        requests.add(new HttpRequest("PUT", "/_cluster/settings", EsJson.compact(diff.body())));
        if (!config.dryRun()) {
          Runnable write = () -> {
            session.putSettings(diff.persistent(), diff.transientSettings());
            progress("write", "[" + name + "] PUT _cluster/settings accepted: " + diff.changes());
          };
          if (reload.isEmpty()) {
            write.run();
          } else {
            new Switchover(name, session).run(reload, info, write);
          }
        }
      }
    }

    /**
     * Removal: for every owned alias the plan removes, and every alias migrating away from API
     * keys, the planned steps after the settings write, in plan order (invalidate the key by its
     * recorded id, remove the credentials, reload, delete the role); the record is forgotten (or,
     * after a migration, replaced) only once every step succeeded.
     */
    void cleanup() {
      for (Map.Entry<String, List<Remote<StepPayload>>> e : w.cleanup.entrySet()) {
        String alias = e.getKey();
        Change change = diff.changes().get(alias);
        boolean removal = w.removals.contains(alias) && owned.contains(alias)
            && (change == Change.REMOVED || change == Change.FORGOTTEN);
        boolean migration = switching(alias);
        if (!removal && !migration) {
          continue; // not this tool's: nothing it made is removed
        }
        claim(alias);
        for (Remote<StepPayload> step : e.getValue()) {
          run(step);
        }
        if (change == Change.FORGOTTEN && removal) {
          diff.changes().put(alias, Change.REMOVED); // the settings were gone, the key was not
        }
      }
      if (config.dryRun()) {
        return;
      }
      for (String alias : w.removals) {
        Change change = diff.changes().get(alias);
        if (owned.contains(alias) && (change == Change.REMOVED || change == Change.FORGOTTEN)) {
          ownership(name, alias, () -> config.ownership().forget(name, alias));
          if (claims != null) {
            claims.forget(session, alias); // nothing of the alias is left: neither is its claim
          }
        }
      }
    }

    /** Whether a migration of the alias runs on this cluster (it is this tool's to change). */
    private boolean switching(String alias) {
      return w.migrations.containsKey(alias) && w.desired.containsKey(alias)
          && diff.changes().get(alias) != Change.CONFLICT;
    }

    /** Why a step after verification failed, or null. */
    ApplyException afterFailure;

    /**
     * After verification: for every migration of the cluster whose alias is connected (or with
     * verification off), the plan's steps that come once the switch is verified (invalidate the
     * key, delete the role), then the record of the new model. An alias not connected keeps its
     * record and its old key: the next run plans the migration again.
     *
     * @param latest the last {@code _remote/info} of verification, or null
     */
    void afterVerify(Map<String, RemoteInfo> latest) {
      Set<String> aliases = new TreeSet<>(w.migrations.keySet());
      aliases.addAll(w.afterVerify.keySet());
      try {
        for (String alias : aliases) {
          boolean migration = switching(alias);
          Change change = diff.changes().get(alias);
          if (!migration && (!w.desired.containsKey(alias) || change == null
              || change == Change.CONFLICT)) {
            continue;
          }
          boolean verified = config.dryRun() || config.verifyTimeout().isZero()
              || latest != null && latest.get(alias) != null && latest.get(alias).connected();
          if (!verified) {
            continue;
          }
          for (Remote<StepPayload> step : w.afterVerify.getOrDefault(alias, List.of())) {
            run(step);
          }
          if (config.dryRun() || !migration) {
            continue;
          }
          LinkFootprint planned = plannedFootprint(alias);
          LinkFootprint old = footprints.get(alias);
          LinkFootprint next = old != null && planned.apiKey() ? old.merge(planned) : planned;
          ownership(name, alias, () -> config.ownership().record(next));
          footprints.put(alias, next);
        }
      } catch (ApplyException e) {
        afterFailure = e;
      } catch (RuntimeException e) {
        afterFailure = new ApplyException(name, null, ApplyStep.APPLY, 0,
            String.valueOf(e.getMessage()), e);
      }
    }

    /** One removal step of the plan: its request, or the credential writer for the credentials. */
    private void run(Remote<StepPayload> step) {
      StepPayload payload = step.payload();
      String alias = payload.alias();
      if (payload instanceof StepPayload.InvalidateApiKeys invalidate) {
        requests.add(StepEncoder.request(invalidate).orElseThrow());
        Cluster remote = byName.get(step.cluster());
        if (remote == null) {
          throw new ApplyException(name, alias, ApplyStep.INVALIDATE_API_KEY, 0, "the remote"
              + " cluster [" + step.cluster() + "] of [" + alias + "] is no longer in the topology:"
              + " add it back so that its key " + invalidate.ids() + " can be invalidated (the"
              + " ownership record keeps the link until then)", null);
        }
        if (!config.dryRun()) {
          DefaultReconciler.this.invalidate(remote, invalidate);
        }
      } else if (payload instanceof StepPayload.InvalidateOtherApiKeys other) {
        Cluster remote = byName.get(step.cluster());
        LinkFootprint f = footprints.get(alias);
        String inUse = f == null ? null : f.keyId();
        if (config.dryRun()) {
          requests.add(StepEncoder.request(other).orElseThrow());
        } else if (remote != null && inUse != null) {
          // the key in use is known: every other active key of its name is one nothing holds
          List<String> others = new ArrayList<>(session(remote)
              .findCrossClusterApiKeys(other.keyName()));
          others.remove(inUse);
          if (!others.isEmpty()) {
            ObjectNode body = EsJson.object();
            others.forEach(body.putArray("ids")::add);
            requests.add(new HttpRequest("DELETE", "/_security/api_key", EsJson.compact(body)));
            progress("repair", "[" + name + "] invalidating " + others.size() + " other active"
                + " key(s) named " + other.keyName() + " (left by a run killed while creating one)");
            session(remote).invalidateApiKeys(alias, others);
          }
        }
      } else if (payload instanceof StepPayload.RemoveCredentials remove) {
        if (!config.credentials().automatic()) {
          manualLeft.add(new ManualStep(name, "remove " + remove.setting() + " from the keystore"
              + " of [" + name + "] (no --credentials-remove-command)", remove,
              List.of("on every node: bin/elasticsearch-keystore remove " + remove.setting()
                  + ", then POST /_nodes/reload_secure_settings"), false));
        } else if (!config.dryRun()) {
          config.credentials().remove(w.cluster, alias);
        }
      } else if (payload instanceof StepPayload.ReloadSecureSettings reload) {
        requests.add(StepEncoder.request(reload).orElseThrow());
        if (!config.dryRun()) {
          session.reloadSecureSettings(alias);
        }
      } else if (payload instanceof StepPayload.DeleteLocalRole role) {
        requests.add(StepEncoder.request(role).orElseThrow());
        if (!config.dryRun()) {
          session.deleteRole(alias, role.role());
        }
      } else {
        throw new IllegalStateException("unexpected removal step " + payload.getClass());
      }
    }

    /** The aliases to wait for: those written, and those already there but not connected. */
    Set<String> toWaitFor() {
      Set<String> out = new TreeSet<>();
      diff.changes().forEach((alias, change) -> {
        RemoteInfo ri = info.get(alias);
        if (!w.desired.containsKey(alias)) {
          return; // a removal (or an absent link already gone): nothing to connect
        }
        if (change == Change.ADDED || change == Change.UPDATED
            || (change == Change.UNCHANGED && (ri == null || !ri.connected()))) {
          out.add(alias);
        }
      });
      return out;
    }

    /**
     * The outcome once verified: every alias of the plan this tool owns on the cluster must be
     * connected, whether or not this run changed it; the first that is not fails the cluster.
     * With verification off, statuses of unchanged aliases are reported but not judged.
     *
     * @param latest the last {@code _remote/info} read
     * @param links where the per-alias results go
     */
    ClusterOutcome outcome(Diagnoser diagnoser, Map<String, RemoteInfo> latest,
        List<LinkResult> links) {
      int writes = config.dryRun() ? requests.size() : writes();
      Map<String, LinkStatus> statuses = new TreeMap<>();
      ApplyException failure = null;
      boolean waited = !config.verifyTimeout().isZero();
      if (!config.dryRun()) {
        for (Map.Entry<String, Change> e : diff.changes().entrySet()) {
          String alias = e.getKey();
          boolean written = e.getValue() == Change.ADDED || e.getValue() == Change.UPDATED;
          if (!w.desired.containsKey(alias)
              || !written && e.getValue() != Change.UNCHANGED || written && !waited) {
            continue; // not a link of the plan, or written and not verified: unknown
          }
          if (pollError != null && waited && toWaitFor().contains(alias)) {
            failure = failure != null ? failure : new ApplyException(name, alias,
                ApplyStep.VERIFY_CONNECTED, 0, "could not read _remote/info while verifying: "
                    + pollError.getMessage(), pollError);
            continue;
          }
          LinkStatus st = status(topology, alias, latest.get(alias),
              written || owned.contains(alias), diagnoser, w.cluster, session);
          statuses.put(alias, st);
          if (!st.connected() && failure == null && waited) {
            // with verification off (a zero timeout) the statuses are reported, not judged
            failure = new ApplyException(name, alias, ApplyStep.VERIFY_CONNECTED, 0,
                (written ? "" : "unchanged by this run but ") + "not connected after "
                    + config.verifyTimeout().toSeconds() + "s"
                    + (reported.containsKey(alias)
                        ? "; [" + name + "] reports: " + reported.get(alias) : "")
                    + (st.diagnosis() == null ? "" : ": " + st.diagnosis().message()), null);
          }
        }
      }
      diff.changes().forEach((alias, change) ->
          links.add(new LinkResult(name, alias, change, statuses.get(alias))));
      failure = failure != null ? failure : afterFailure;
      if (failure != null) {
        return new ClusterOutcome.Failed(name, reads, writes, requests, failure);
      }
      ApplyException conflict = conflict();
      if (conflict != null) {
        return new ClusterOutcome.Failed(name, reads, writes, requests, conflict);
      }
      return requests.isEmpty()
          ? new ClusterOutcome.AlreadyInPlace(name, reads)
          : new ClusterOutcome.Applied(name, reads, writes, requests);
    }

    /** Why the last {@code _remote/info} poll of verification failed, or null. */
    Exception pollError;

    /** What {@code _resolve/cluster} last reported of an alias that did not connect. */
    final Map<String, String> reported = new java.util.concurrent.ConcurrentHashMap<>();

    /** The alias that belongs to someone else, as a failure, or null. */
    ApplyException conflict() {
      for (Map.Entry<String, Change> e : diff.changes().entrySet()) {
        if (e.getValue() == Change.CONFLICT) {
          String alias = e.getKey();
          return new ApplyException(name, alias, ApplyStep.PUT_REMOTE_SETTINGS, 0,
              "alias [" + alias + "] already exists on [" + name + "] and was not created by"
                  + " remote-clusters, so it is left untouched; remove it, pick another alias,"
                  + " or adopt it (--adopt)", null);
        }
      }
      return null;
    }
  }

  /**
   * Reads and writes one cluster: everything but verification.
   *
   * @return the failure, or null when the cluster is written and waits for verification
   */
  private ClusterOutcome runCluster(ClusterRun run) {
    String name = run.name;
    try {
      run.read();
      run.recordAhead();
      run.keys();
      run.roles();
      run.settings();
      run.cleanup();
      return null;
    } catch (ApplyException e) {
      return new ClusterOutcome.Failed(name, run.reads, run.writes(), run.requests, e);
    } catch (ManualStepRequiredException e) {
      return new ClusterOutcome.Failed(name, run.reads, run.writes(), run.requests,
          new ApplyException(name, e.alias(), ApplyStep.STORE_CREDENTIALS, 0, e.getMessage(), e));
    } catch (CredentialWriteException e) {
      return new ClusterOutcome.Failed(name, run.reads, run.writes(), run.requests,
          new ApplyException(name, e.alias(), ApplyStep.STORE_CREDENTIALS, 0, e.reason(), e));
    } catch (RuntimeException e) {
      return new ClusterOutcome.Failed(name, run.reads, run.writes(), run.requests,
          new ApplyException(name, null, ApplyStep.APPLY, 0, String.valueOf(e.getMessage()), e));
    }
  }

  /**
   * Waits until the aliases to verify of every written cluster are connected, or until one
   * deadline for the whole run: the {@link Verification} loop, with a progress message per
   * cluster that waits.
   *
   * @return the last {@code _remote/info} read of each cluster polled
   */
  private Map<ClusterRun, Map<String, RemoteInfo>> verifyAll(List<ClusterRun> runs) {
    Map<ClusterRun, Map<String, RemoteInfo>> latest = new HashMap<>();
    if (config.dryRun() || config.verifyTimeout().isZero()) {
      return latest;
    }
    Map<ClusterRun, Verification.Wait> pending = new LinkedHashMap<>();
    for (ClusterRun run : runs) {
      Set<String> wait = run.toWaitFor();
      if (!wait.isEmpty()) {
        pending.put(run, new Verification.Wait(run.session, wait, run.reported));
        run.progress("verify", "waiting up to " + config.verifyTimeout().toSeconds() + "s for "
            + wait + " to connect");
      }
    }
    verification.awaitAll(pending.values());
    pending.forEach((run, wait) -> {
      if (wait.latest != null) {
        latest.put(run, wait.latest);
      }
      run.pollError = wait.pollError;
    });
    return latest;
  }

  /**
   * Creates the cross-cluster API key on the remote, stores its credentials on the local cluster,
   * and reloads its keystore; called for a new alias and for one whose {@code _remote/info} shows
   * no credentials. Keys of that name found on the remote are invalidated first when a credential
   * writer stores keys (nobody may hold their secret: a create whose answer was lost); without
   * one, the key a person made is kept and only its access is brought up to date.
   */
  private String ensureKey(
      Cluster local, Cluster remote, StepPayload.CreateCrossClusterApiKey key,
      EsSession localSession, boolean reload) {
    EsSession remoteSession = session(remote);
    String alias = key.alias();
    List<String> existing = remoteSession.findCrossClusterApiKeys(key.keyName());
    if (!existing.isEmpty() && config.credentials().automatic()) {
      // this method runs only when the local cluster shows no stored credentials for the alias
      // (a new alias, or one without cluster_credentials): the key found may come from a create
      // whose answer was lost, its secret stored nowhere. Updating its access would leave the
      // link broken, so it is invalidated and a new key created and stored.
      remoteSession.invalidateApiKeys(alias, existing);
    } else if (!existing.isEmpty()) {
      // made earlier, by this tool or by a person following the manual step: keep its access
      // current; its credentials are where they were stored then
      StepPayload.UpdateCrossClusterApiKey update = new StepPayload.UpdateCrossClusterApiKey(
          alias, existing.get(existing.size() - 1), key.access());
      remoteSession.updateCrossClusterApiKey(alias, update.id(), update.access());
      return update.id();
    }
    if (!config.credentials().automatic()) {
      throw new ManualStepRequiredException(local.name(), alias,
          "no credential writer can store the key of [" + alias + "] on [" + local.name()
              + "]: create the cross-cluster API key " + key.keyName() + " on [" + remote.name()
              + "] (see: remote-clusters plan --format curl), put its encoded value on every node"
              + " of [" + local.name() + "] with bin/elasticsearch-keystore add cluster.remote."
              + alias + ".credentials, POST /_nodes/reload_secure_settings, then run this again");
    }
    EsSession.CreatedKey created = remoteSession.createCrossClusterApiKey(key);
    config.credentials().store(local, alias, created.encoded());
    if (reload) {
      localSession.reloadSecureSettings(alias);
    }
    return created.id();
  }

  @Override
  public ClusterOutcome rotateApiKey(Topology topology, String local, String alias) {
    return rotation.rotateApiKey(topology, local, alias);
  }

  /** Carries out a rotation plan (see {@link Rotation#executeRotation}). */
  private void executeRotation(Cluster local, Cluster remote, List<PlanStep> rotation,
      List<HttpRequest> requests, EsSession localSession,
      java.util.function.Consumer<String> newKeyId) {
    this.rotation.executeRotation(local, remote, rotation, requests, localSession, newKeyId);
  }

  private void invalidate(Cluster remote, StepPayload.InvalidateApiKeys invalidate) {
    rotation.invalidate(remote, invalidate);
  }

  private static LinkStatus status(
      Topology topology, String alias, RemoteInfo info, boolean owned, Diagnoser diagnoser,
      Cluster local, EsSession session) {
    return StatusReader.status(topology, alias, info, owned, diagnoser, local, session);
  }

  @Override
  public List<LinkStatus> status(Topology topology) {
    return statusReader.status(topology);
  }

  @Override
  public List<LinkStatus> status(Topology topology, Cluster cluster) {
    return statusReader.status(topology, cluster);
  }

  private EsSession session(Cluster cluster) {
    EsSession s = sessions.get(cluster.name());
    if (s == null) {
      // through the user's own client when the access yields one, else a connection of ours
      s = EsSession.connect(cluster, config.access(), connector, config.requestTimeout());
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
    verification.close();
    sessions.values().forEach(EsSession::close);
    sessions.clear();
  }
}
