package io.github.remoteclusters.core.upgrade.internal;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.upgrade.BlockingLink;
import io.github.remoteclusters.core.upgrade.ClusterUpgrade;
import io.github.remoteclusters.core.upgrade.LinkCheck;
import io.github.remoteclusters.core.upgrade.UpgradePaths;
import io.github.remoteclusters.core.upgrade.UpgradePlan;
import io.github.remoteclusters.core.upgrade.UpgradeRequest;
import io.github.remoteclusters.core.upgrade.UpgradeResult;
import io.github.remoteclusters.core.upgrade.UpgradeStep;
import io.github.remoteclusters.core.upgrade.Wave;
import io.github.remoteclusters.core.upgrade.WayOut;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a request, runs the {@link Engine} and turns its states into the public plan. */
public final class Assembler {

  /** At most this many extra plans are tried when looking for ways out. */
  private static final int MAX_TRIES = 24;

  /** The exact search's budget for each of those extra plans. */
  private static final int PROBE_BUDGET = 100_000;

  private final List<FleetView.Node> nodes;
  private final List<FleetView.Edge> edges;
  private final UpgradeRequest request;
  private final List<String> notes = new ArrayList<>();
  private final Map<Long, CompatibilityVerdict> searchVerdicts = new HashMap<>();
  private final Map<Long, CompatibilityVerdict> replicationVerdicts = new HashMap<>();
  private final Map<CompatibilityVerdict, String> reasons = new java.util.IdentityHashMap<>();
  private EsVersion[] targets;

  private Assembler(Topology topology, UpgradeRequest request) {
    this.nodes = FleetView.nodes(topology);
    this.edges = FleetView.edges(topology);
    this.request = request;
  }

  /**
   * Plans an upgrade.
   *
   * @param topology the fleet
   * @param request the targets and options
   * @return the plan, or the errors of the request
   */
  public static UpgradeResult plan(Topology topology, UpgradeRequest request) {
    Assembler a = new Assembler(topology, request);
    List<String> errors = a.validate();
    if (!errors.isEmpty()) {
      return new UpgradeResult.Invalid(errors);
    }
    return new UpgradeResult.Planned(a.run());
  }

  private List<String> validate() {
    List<String> errors = new ArrayList<>();
    Map<String, EsVersion> current = new HashMap<>();
    for (FleetView.Node node : nodes) {
      current.put(node.name(), node.version());
    }
    if (request.target() == null && request.targets().isEmpty()) {
      errors.add("no target: give --to VERSION for the fleet or --target NAME=VERSION per cluster");
    }
    for (String name : new java.util.TreeSet<>(request.targets().keySet())) {
      if (!current.containsKey(name)) {
        errors.add("--target [" + name + "=" + request.targets().get(name) + "]: cluster [" + name
            + "] is not in the topology (clusters: " + String.join(", ", sortedNames()) + ")");
      }
    }
    targets = new EsVersion[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      FleetView.Node node = nodes.get(i);
      EsVersion own = request.targets().get(node.name());
      EsVersion target = own != null ? own : request.target();
      if (target == null || target.compareTo(node.version()) == 0) {
        targets[i] = node.version();
        continue;
      }
      if (target.compareTo(node.version()) < 0) {
        if (own != null) {
          errors.add("cluster [" + node.name() + "]: target " + target + " is older than its version "
              + node.version() + ": a cluster cannot be downgraded");
        } else {
          notes.add("cluster [" + node.name() + "] is on " + node.version() + ", not older than "
              + target + ": it stays as it is");
        }
        targets[i] = node.version();
        continue;
      }
      UpgradePaths.Hop direct = UpgradePaths.check(node.version(), target);
      if (!direct.allowed() && UpgradePaths.path(node.version(), target).isEmpty()) {
        errors.add("cluster [" + node.name() + "]: no upgrade path from " + node.version() + " to "
            + target + ": " + direct.reason());
      }
      targets[i] = target;
    }
    return errors;
  }

  private List<String> sortedNames() {
    List<String> names = new ArrayList<>();
    for (FleetView.Node node : nodes) {
      names.add(node.name());
    }
    names.sort(null);
    return names;
  }

  // ---------------------------------------------------------------------------------------------

  private UpgradePlan run() {
    Engine engine = new Engine(nodes, edges, targets, request.maxPerWave(), request.allow(), Set.of());
    List<int[]> states = engine.solve();
    int lower = engine.lowerBound();
    for (int k = 0; k < edges.size(); k++) {
      FleetView.Edge e = edges.get(k);
      if (engine.procedural(k) && e.local().compareTo(e.remote()) < 0) {
        notes.add("[" + e.local() + "] and [" + e.remote() + "] replicate from each other:"
            + " following is paused before each wave that upgrades either and resumed when both"
            + " are on equal versions again, as Elasticsearch's docs ask for bi-directional"
            + " replication");
      }
    }
    if (states != null) {
      List<Wave> waves = waves(engine, states);
      if (!waves.isEmpty()) {
        notes.add("a stepping stone written as a minor (8.19) means its latest patch release;"
            + " release dates are not checked: each version must be released after the one it"
            + " upgrades from");
      }
      boolean minimal = engine.exactFor(states);
      if (!minimal) {
        notes.add("more than " + Engine.EXACT_LIMIT + " linked clusters: waves found by the"
            + " heuristic; no plan has fewer than " + lower + " waves");
      }
      return new UpgradePlan(true, waves, List.of(), List.of(), minimal, lower, notes);
    }
    List<Integer> blocking = blockingEdges(engine);
    List<BlockingLink> links = new ArrayList<>();
    for (int k : blocking) {
      links.addAll(explain(engine, k));
    }
    if (links.isEmpty()) {
      notes.add(!engine.exhaustive()
          ? "the heuristic found no safe order (fleets of more than " + Engine.EXACT_LIMIT
              + " linked clusters, or beyond the exact search's budget); one may still exist;"
              + " every linked pair can be upgraded on its own"
          : "every linked pair can be upgraded on its own, but no order keeps all links at once");
    }
    return new UpgradePlan(false, List.of(), links, waysOut(blocking), false, lower,
        notes);
  }

  private List<Wave> waves(Engine engine, List<int[]> states) {
    List<Wave> out = new ArrayList<>();
    int[] prev = new int[engine.size()];
    Set<Integer> paused = new LinkedHashSet<>();
    for (int w = 0; w < states.size(); w++) {
      int[] next = states.get(w);
      int[] after = w + 1 < states.size() ? states.get(w + 1) : next;
      List<ClusterUpgrade> upgrades = new ArrayList<>();
      List<UpgradeStep> steps = new ArrayList<>();
      List<LinkCheck> checks = new ArrayList<>();
      boolean[] moved = new boolean[engine.size()];
      for (int i = 0; i < engine.size(); i++) {
        if (next[i] != prev[i]) {
          moved[i] = true;
          upgrades.add(new ClusterUpgrade(
              nodes.get(i).name(), engine.version(i, prev[i]), engine.version(i, next[i])));
        }
      }
      for (int k = 0; k < edges.size(); k++) {
        int l = engine.eLocal[k];
        int r = engine.eRemote[k];
        if (engine.procedural(k) && (moved[l] || moved[r]) && paused.add(k)) {
          FleetView.Edge e = edges.get(k);
          steps.add(new UpgradeStep.PauseFollowing(e.local(), e.remote(), e.alias(),
              "bi-directional replication is paused before upgrading either cluster"));
        }
      }
      for (ClusterUpgrade u : upgrades) {
        steps.add(new UpgradeStep.UpgradeCluster(u));
      }
      for (int k = 0; k < edges.size(); k++) {
        int l = engine.eLocal[k];
        int r = engine.eRemote[k];
        FleetView.Edge e = edges.get(k);
        if (paused.contains(k)) {
          boolean movesNext = after != next && (after[l] != next[l] || after[r] != next[r]);
          if (!movesNext && engine.alive(k, engine.version(l, next[l]), engine.version(r, next[r]))) {
            paused.remove(k);
            steps.add(new UpgradeStep.ResumeFollowing(e.local(), e.remote(), e.alias()));
            checks.addAll(checks(engine, k, next[l], next[r]));
          }
          continue;
        }
        if (!(moved[l] || moved[r]) || (engine.procedural(k) && !e.search())) {
          continue;
        }
        int[] xs = prev[l] == next[l] ? new int[] {prev[l]} : new int[] {prev[l], next[l]};
        int[] ys = prev[r] == next[r] ? new int[] {prev[r]} : new int[] {prev[r], next[r]};
        for (int x : xs) {
          for (int y : ys) {
            List<LinkCheck> found = checks(engine, k, x, y);
            checks.addAll(engine.procedural(k) ? found.subList(0, 1) : found);
          }
        }
      }
      out.add(new Wave(w + 1, upgrades, steps, checks));
      prev = next;
    }
    return out;
  }

  /** The verdicts for link {@code k} with its ends on rungs {@code x} and {@code y}. */
  private List<LinkCheck> checks(Engine engine, int k, int x, int y) {
    FleetView.Edge e = edges.get(k);
    int l = engine.eLocal[k];
    int r = engine.eRemote[k];
    long key = ((long) engine.vid[l][x] << 32) | engine.vid[r][y];
    List<LinkCheck> out = new ArrayList<>(2);
    if (e.search()) {
      out.add(check(engine, e, searchVerdicts.computeIfAbsent(key,
          q -> Compatibility.search(engine.version(l, x), engine.version(r, y)))));
    }
    if (e.replication()) {
      out.add(check(engine, e, replicationVerdicts.computeIfAbsent(key,
          q -> Compatibility.replication(engine.version(l, x), engine.version(r, y)))));
    }
    return out;
  }

  private LinkCheck check(Engine engine, FleetView.Edge e, CompatibilityVerdict v) {
    // a fleet has few distinct pairs of versions: build each reason sentence once
    String reason = reasons.computeIfAbsent(v, CompatibilityVerdict::reason);
    return new LinkCheck(e.local(), e.remote(), e.alias(), v.use(), v.local(), v.remote(),
        engine.verdicts.accepted(v), v.rule(), v.basis(), reason);
  }

  // ---------------------------------------------------------------------------------------------
  // Why not, and ways out

  private List<Integer> blockingEdges(Engine engine) {
    boolean[] pairBlocked = engine.pairBlocked();
    List<Integer> out = new ArrayList<>();
    Map<String, List<Integer>> byPair = new HashMap<>();
    for (int k = 0; k < edges.size(); k++) {
      if (pairBlocked[k]) {
        byPair.computeIfAbsent(pairKey(k), x -> new ArrayList<>()).add(k);
      }
    }
    for (int k = 0; k < edges.size(); k++) {
      if (!pairBlocked[k]) {
        continue;
      }
      boolean alone = engine.edgeBlocked(k);
      boolean anyAlone = false;
      for (int q : byPair.get(pairKey(k))) {
        anyAlone |= engine.edgeBlocked(q);
      }
      if (alone || !anyAlone) {
        out.add(k);
      }
    }
    if (out.isEmpty() && nodes.size() <= Engine.EXACT_LIMIT) {
      int tries = 0;
      for (int k = 0; k < edges.size() && tries < MAX_TRIES; k++, tries++) {
        if (solve(targets, request.allow(), Set.of(k)) != null) {
          out.add(k);
        }
      }
    }
    return out;
  }

  private String pairKey(int k) {
    FleetView.Edge e = edges.get(k);
    return e.local().compareTo(e.remote()) < 0
        ? e.local() + "\u0000" + e.remote()
        : e.remote() + "\u0000" + e.local();
  }

  private List<BlockingLink> explain(Engine engine, int k) {
    FleetView.Edge e = edges.get(k);
    int l = engine.eLocal[k];
    int r = engine.eRemote[k];
    EsVersion l0 = engine.version(l, 0);
    EsVersion r0 = engine.version(r, 0);
    EsVersion lg = engine.version(l, engine.goal[l]);
    EsVersion rg = engine.version(r, engine.goal[r]);
    if (!engine.procedural(k) && !engine.alive(k, l0, r0)) {
      return blocking(engine, k, l0, r0, "fails before any upgrade: ");
    }
    if (!engine.alive(k, lg, rg)) {
      return blocking(engine, k, lg, rg, "fails once both reach their targets: ");
    }
    for (int x = 0; x <= engine.goal[l]; x++) {
      for (int y = 0; y <= engine.goal[r]; y++) {
        if ((x == 0 || y == 0) && !engine.alive(k, engine.version(l, x), engine.version(r, y))) {
          return blocking(engine, k, engine.version(l, x), engine.version(r, y),
              "no order of upgrades keeps it supported; it breaks for example with [" + e.local()
                  + "] on " + engine.version(l, x) + " and [" + e.remote() + "] on "
                  + engine.version(r, y) + ": ");
        }
      }
    }
    return blocking(engine, k, lg, r0, "together with the other links, no order of upgrades keeps"
        + " every link supported; without this one an order exists: ");
  }

  private List<BlockingLink> blocking(
      Engine engine, int k, EsVersion lv, EsVersion rv, String prefix) {
    FleetView.Edge e = edges.get(k);
    List<LinkCheck> all = new ArrayList<>(2);
    if (e.search()) {
      all.add(check(engine, e, Compatibility.search(lv, rv)));
    }
    if (e.replication()) {
      all.add(check(engine, e, Compatibility.replication(lv, rv)));
    }
    List<BlockingLink> out = new ArrayList<>();
    for (LinkCheck c : all) {
      if (!c.supported()) {
        out.add(new BlockingLink(e.local(), e.remote(), e.alias(), c.use(),
            prefix + c.reason() + basisNote(c), c));
      }
    }
    if (out.isEmpty()) {
      LinkCheck c = all.get(0);
      out.add(new BlockingLink(e.local(), e.remote(), e.alias(), c.use(), prefix + c.reason(), c));
    }
    return out;
  }

  private String basisNote(LinkCheck c) {
    if (c.basis() == Basis.INFERRED || (c.rule().allows() && c.basis() != Basis.DOCUMENTED)) {
      return " (the verdict is " + c.basis().id() + "; --allow " + c.basis().id()
          + " accepts it)";
    }
    return "";
  }

  private List<WayOut> waysOut(List<Integer> blocking) {
    List<WayOut> out = new ArrayList<>();
    if (request.allow() == Basis.DOCUMENTED) {
      List<int[]> plan = solve(targets, Basis.INFERRED, Set.of());
      if (plan != null) {
        out.add(new WayOut(WayOut.Kind.ALLOW_INFERRED, "accept verdicts inferred from documented"
            + " rules beyond Elastic's tables (--allow inferred): " + plan.size() + " waves",
            Map.of(), List.of(), List.of(), plan.size()));
      }
    }
    Set<Integer> pausable = new LinkedHashSet<>();
    Engine probe = new Engine(nodes, edges, targets, request.maxPerWave(), request.allow(), Set.of());
    for (int k : blocking) {
      int l = probe.eLocal[k];
      int r = probe.eRemote[k];
      if (!probe.procedural(k)
          && probe.alive(k, probe.version(l, probe.goal[l]), probe.version(r, probe.goal[r]))) {
        pausable.add(k);
      }
    }
    if (!pausable.isEmpty()) {
      List<int[]> plan = solve(targets, request.allow(), pausable);
      if (plan != null) {
        List<UpgradeStep> before = new ArrayList<>();
        List<UpgradeStep> after = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k : pausable) {
          FleetView.Edge e = edges.get(k);
          names.add(e.local() + " -> " + e.remote() + " [" + e.alias() + "]");
          if (e.replication()) {
            before.add(new UpgradeStep.PauseFollowing(e.local(), e.remote(), e.alias(),
                "no order of upgrades keeps it supported"));
            after.add(new UpgradeStep.ResumeFollowing(e.local(), e.remote(), e.alias()));
          }
          if (e.search()) {
            before.add(new UpgradeStep.RemoveSearchAlias(e.local(), e.remote(), e.alias()));
            after.add(new UpgradeStep.RestoreSearchAlias(e.local(), e.remote(), e.alias()));
          }
        }
        out.add(new WayOut(WayOut.Kind.PAUSE_LINKS, "take " + String.join(", ", names)
            + " out of use before the first wave and restore after the last: " + plan.size()
            + " waves", Map.of(), before, after, plan.size()));
      }
    }
    Set<Integer> clusters = new LinkedHashSet<>();
    for (int k : blocking) {
      clusters.add(probe.eLocal[k]);
      clusters.add(probe.eRemote[k]);
    }
    int tries = 0;
    for (int c : clusters) {
      for (int rung = probe.goal[c] - 1; rung >= 0 && tries < MAX_TRIES; rung--, tries++) {
        EsVersion[] alt = targets.clone();
        alt[c] = probe.version(c, rung);
        List<int[]> plan = solve(alt, request.allow(), Set.of());
        if (plan != null) {
          String name = nodes.get(c).name();
          out.add(new WayOut(WayOut.Kind.INTERMEDIATE_VERSION, rung == 0
              ? "leave [" + name + "] on " + alt[c] + " for now (instead of " + targets[c] + "): "
                  + plan.size() + " waves"
              : "upgrade [" + name + "] only to " + alt[c] + " for now (instead of " + targets[c]
                  + "): " + plan.size() + " waves",
              Map.of(name, alt[c]), List.of(), List.of(), plan.size()));
          break;
        }
      }
    }
    return out;
  }

  private List<int[]> solve(EsVersion[] t, Basis allow, Set<Integer> paused) {
    return new Engine(nodes, edges, t, request.maxPerWave(), allow, paused)
        .withBudget(PROBE_BUDGET).solve();
  }
}
