package io.github.remoteclusters.core.upgrade.internal;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.upgrade.UpgradePaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search behind the upgrade planner.
 *
 * <p>Each cluster moves along its ladder (its version, every released minor up to its target, the
 * target); a state gives each cluster a rung. A wave moves some clusters by one allowed hop each;
 * it is safe when every link is kept alive in every combination of its ends' old and new rungs,
 * which is exactly "whichever subset of the wave has finished", because a link has two ends. Hops
 * only go up, so the states form a DAG.
 *
 * <p>Lower bound {@code h}: the most hops any cluster still needs, the exact optimum of every
 * linked pair alone (computed by dynamic programming over the pair's rungs), and the remaining hops
 * divided by the wave limit. A fleet plan projected on a pair is a pair plan, so {@code h} never
 * overestimates. Up to {@link #EXACT_LIMIT} clusters an iterative-deepening search with a
 * transposition table finds a plan with the fewest waves; feasibility is decided first by a
 * depth-first search over single-cluster hops (any safe wave can be split into single hops, so a
 * plan exists exactly when such a path exists). Larger fleets are split into linked groups; groups
 * up to the limit are solved exactly and larger ones greedily, guided by the pair optima.
 */
public final class Engine {

  /** Fleets or linked groups up to this size are solved exactly. */
  public static final int EXACT_LIMIT = 8;

  /** States the exact search may expand before it gives way to the heuristic. */
  public static final int EXACT_BUDGET = 2_000_000;

  private int exactExpansions;
  private boolean exactGaveUp;
  private int budget = EXACT_BUDGET;

  /** Lowers the exact search's budget, for the extra plans tried when looking for ways out. */
  Engine withBudget(int value) {
    budget = value;
    return this;
  }

  /** Thrown inside the exact search when its budget is spent; never escapes this class. */
  private static final class BudgetSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetSpent() {
      super("exact search budget spent", null, false, false);
    }
  }

  static final int SEARCH = 1;
  static final int REPLICATION = 2;
  static final int INF = Integer.MAX_VALUE / 4;

  final int n;
  final EsVersion[][] rungs;
  final int[][] vid;
  /** Clusters with the same version and target share a ladder, and its number. */
  private final int[] ladderId;
  final int[] goal;
  final boolean[][][] hop;
  final int[][] dist;
  final int cap;
  final List<FleetView.Edge> edges;
  final int[] eLocal;
  final int[] eRemote;
  final int[] eUses;
  /**
   * Edges paused by procedure (bi-directional replication): their following must work before the
   * upgrade and after it; in between it is paused around the waves that move either end.
   */
  final boolean[] procedural;
  /** Edges paused as a way out: only the final state counts. */
  final boolean[] paused;
  final VerdictCache verdicts;

  final int pairCount;
  final int[] pa;
  final int[] pb;
  final int[][] pairEdges;
  final boolean[][] pairOk;
  final int[][] pairDist;
  final int[][] pairsOf;

  private final Map<Long, Integer> failed = new HashMap<>();
  private final Set<Long> dead = new HashSet<>();

  /**
   * Prepares a problem.
   *
   * @param nodes the clusters
   * @param edges the links
   * @param targets the target of each cluster, by index (its version when it stays)
   * @param maxPerWave the wave limit, 0 for none
   * @param allow the weakest accepted basis
   * @param pausedEdges links taken out of use for the whole upgrade, by index
   */
  public Engine(
      List<FleetView.Node> nodes,
      List<FleetView.Edge> edges,
      EsVersion[] targets,
      int maxPerWave,
      Basis allow,
      Set<Integer> pausedEdges) {
    this.n = nodes.size();
    this.cap = maxPerWave <= 0 ? Math.max(1, n) : maxPerWave;
    this.verdicts = new VerdictCache(allow);
    this.rungs = new EsVersion[n][];
    this.vid = new int[n][];
    this.goal = new int[n];
    this.hop = new boolean[n][][];
    this.dist = new int[n][];
    Map<List<EsVersion>, Object[]> ladders = new HashMap<>();
    Map<Object[], Integer> ladderIds = new java.util.IdentityHashMap<>();
    this.ladderId = new int[n];
    for (int i = 0; i < n; i++) {
      List<EsVersion> key = List.of(nodes.get(i).version(), targets[i]);
      Object[] ladder = ladders.computeIfAbsent(key, k -> ladder(k.get(0), k.get(1)));
      ladderId[i] = ladderIds.computeIfAbsent(ladder, l -> ladderIds.size());
      rungs[i] = (EsVersion[]) ladder[0];
      hop[i] = (boolean[][]) ladder[1];
      dist[i] = (int[]) ladder[2];
      goal[i] = rungs[i].length - 1;
      vid[i] = new int[rungs[i].length];
      for (int r = 0; r < rungs[i].length; r++) {
        vid[i][r] = verdicts.id(rungs[i][r]);
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i).name(), i);
    }
    this.edges = List.copyOf(edges);
    int e = edges.size();
    eLocal = new int[e];
    eRemote = new int[e];
    eUses = new int[e];
    procedural = new boolean[e];
    paused = new boolean[e];
    Set<Long> replicationPairs = new HashSet<>();
    for (int k = 0; k < e; k++) {
      FleetView.Edge edge = edges.get(k);
      eLocal[k] = index.get(edge.local());
      eRemote[k] = index.get(edge.remote());
      eUses[k] = (edge.search() ? SEARCH : 0) | (edge.replication() ? REPLICATION : 0);
      paused[k] = pausedEdges.contains(k);
      if (edge.replication()) {
        replicationPairs.add(((long) eLocal[k] << 32) | eRemote[k]);
      }
    }
    for (int k = 0; k < e; k++) {
      if (edges.get(k).replication()
          && replicationPairs.contains(((long) eRemote[k] << 32) | eLocal[k])) {
        procedural[k] = true;
      }
    }
    // Group links by unordered pair of clusters.
    Map<Long, List<Integer>> byPair = new HashMap<>();
    List<Long> order = new ArrayList<>();
    for (int k = 0; k < e; k++) {
      int a = Math.min(eLocal[k], eRemote[k]);
      int b = Math.max(eLocal[k], eRemote[k]);
      long key = ((long) a << 32) | b;
      List<Integer> list = byPair.get(key);
      if (list == null) {
        list = new ArrayList<>();
        byPair.put(key, list);
        order.add(key);
      }
      list.add(k);
    }
    pairCount = order.size();
    pa = new int[pairCount];
    pb = new int[pairCount];
    pairEdges = new int[pairCount][];
    pairOk = new boolean[pairCount][];
    pairDist = new int[pairCount][];
    int[] degree = new int[n];
    Map<String, Object[]> pairTables = new HashMap<>();
    for (int p = 0; p < pairCount; p++) {
      long key = order.get(p);
      pa[p] = (int) (key >>> 32);
      pb[p] = (int) key;
      pairEdges[p] = byPair.get(key).stream().mapToInt(Integer::intValue).toArray();
      degree[pa[p]]++;
      degree[pb[p]]++;
      // pairs with the same ladders and the same kinds of links share their tables
      StringBuilder sig = new StringBuilder().append(ladderId[pa[p]]).append('/')
          .append(ladderId[pb[p]]);
      for (int k : pairEdges[p]) {
        sig.append(eLocal[k] == pa[p] ? '>' : '<').append(eUses[k])
            .append(procedural[k] ? 'p' : '-').append(paused[k] ? 'x' : '-');
      }
      Object[] tables = pairTables.get(sig.toString());
      if (tables == null) {
        boolean[] ok = okMatrix(p, pairEdges[p]);
        tables = new Object[] {ok, pairTable(p, ok)};
        pairTables.put(sig.toString(), tables);
      }
      pairOk[p] = (boolean[]) tables[0];
      pairDist[p] = (int[]) tables[1];
    }
    pairsOf = new int[n][];
    for (int i = 0; i < n; i++) {
      pairsOf[i] = new int[degree[i]];
    }
    int[] fill = new int[n];
    for (int p = 0; p < pairCount; p++) {
      pairsOf[pa[p]][fill[pa[p]]++] = p;
      pairsOf[pb[p]][fill[pb[p]]++] = p;
    }
  }

  private static Object[] ladder(EsVersion from, EsVersion to) {
    EsVersion[] r = UpgradePaths.ladder(from, to).toArray(new EsVersion[0]);
    int len = r.length;
    boolean[][] h = new boolean[len][len];
    int[] d = new int[len];
    Arrays.fill(d, INF);
    d[len - 1] = 0;
    for (int a = len - 2; a >= 0; a--) {
      for (int b = a + 1; b < len; b++) {
        h[a][b] = UpgradePaths.check(r[a], r[b]).allowed();
        if (h[a][b] && d[b] + 1 < d[a]) {
          d[a] = d[b] + 1;
        }
      }
    }
    return new Object[] {r, h, d};
  }

  /** Whether every given edge is alive with its ends on the given rungs. */
  boolean edgesOk(int[] list, int i, int ri, int j, int rj, boolean atGoal, boolean atStart) {
    for (int k : list) {
      if (paused[k] && !atGoal) {
        continue;
      }
      // following is paused by procedure, but searching over the same link still counts
      int uses = procedural[k] && !atGoal && !atStart ? eUses[k] & SEARCH : eUses[k];
      if (uses == 0) {
        continue;
      }
      int rl = eLocal[k] == i ? ri : rj;
      int rr = eLocal[k] == i ? rj : ri;
      int l = eLocal[k];
      int r = eRemote[k];
      if (!verdicts.ok(uses, vid[l][rl], vid[r][rr])) {
        return false;
      }
    }
    return true;
  }

  private boolean[] okMatrix(int p, int[] list) {
    int a = pa[p];
    int b = pb[p];
    int lb = rungs[b].length;
    boolean[] ok = new boolean[rungs[a].length * lb];
    for (int x = 0; x < rungs[a].length; x++) {
      for (int y = 0; y < lb; y++) {
        ok[x * lb + y] = edgesOk(list, a, x, b, y, x == goal[a] && y == goal[b], x == 0 && y == 0);
      }
    }
    return ok;
  }

  /** The fewest waves that bring the pair alone from each state to its goal. */
  int[] pairTable(int p, boolean[] ok) {
    int a = pa[p];
    int b = pb[p];
    int la = rungs[a].length;
    int lb = rungs[b].length;
    int[] d = new int[la * lb];
    int pairCap = Math.min(2, cap);
    for (int x = la - 1; x >= 0; x--) {
      for (int y = lb - 1; y >= 0; y--) {
        int s = x * lb + y;
        if (!ok[s]) {
          d[s] = INF;
          continue;
        }
        if (x == la - 1 && y == lb - 1) {
          d[s] = 0;
          continue;
        }
        int best = INF;
        for (int nx = x; nx < la; nx++) {
          if (nx != x && !hop[a][x][nx]) {
            continue;
          }
          if (!ok[nx * lb + y]) {
            continue;
          }
          for (int ny = y; ny < lb; ny++) {
            if ((nx == x && ny == y) || (ny != y && !hop[b][y][ny])) {
              continue;
            }
            if (nx != x && ny != y && pairCap < 2) {
              continue;
            }
            if (!ok[x * lb + ny] || !ok[nx * lb + ny]) {
              continue;
            }
            best = Math.min(best, d[nx * lb + ny]);
          }
        }
        d[s] = best >= INF ? INF : best + 1;
      }
    }
    return d;
  }

  int pd(int p, int[] s) {
    return pairDist[p][s[pa[p]] * rungs[pb[p]].length + s[pb[p]]];
  }

  boolean ok(int p, int x, int y) {
    return pairOk[p][x * rungs[pb[p]].length + y];
  }

  /** The lower bound on the waves from state {@code s}. */
  int h(int[] s, int[] members) {
    int best = 0;
    long total = 0;
    for (int i : members) {
      int d = dist[i][s[i]];
      if (d >= INF) {
        return INF;
      }
      best = Math.max(best, d);
      total += d;
      for (int p : pairsOf[i]) {
        if (pa[p] == i) {
          best = Math.max(best, pd(p, s));
        }
      }
    }
    return (int) Math.max(best, (total + cap - 1) / cap);
  }

  /** The state with every cluster on its current version. */
  int[] start() {
    return new int[n];
  }

  /** The lower bound for the whole fleet from its start. */
  public int lowerBound() {
    int h = h(start(), all());
    return h >= INF ? 0 : h;
  }

  int[] all() {
    int[] m = new int[n];
    for (int i = 0; i < n; i++) {
      m[i] = i;
    }
    return m;
  }

  /**
   * Plans the fleet.
   *
   * @return the states after each wave (the start excluded), or null when no plan exists or the
   *     heuristic found none
   */
  public List<int[]> solve() {
    if (n == 0) {
      return List.of();
    }
    List<int[]> plan = n <= EXACT_LIMIT ? exactOrGreedy(all()) : byGroups();
    return plan == null || (n <= EXACT_LIMIT && !exactGaveUp) ? plan : compact(plan);
  }

  /**
   * Pulls hops into the wave before theirs while that wave stays safe whichever of its clusters
   * has finished and within the wave limit, then drops empty waves. The later wave stays safe: the
   * cluster that moved earlier is now stationary there, a subset of the states it was checked in.
   */
  List<int[]> compact(List<int[]> plan) {
    List<int[]> s = new ArrayList<>();
    s.add(start());
    for (int[] state : plan) {
      s.add(state.clone());
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int w = 2; w < s.size(); w++) {
        int[] a = s.get(w - 2);
        int[] b = s.get(w - 1);
        int[] c = s.get(w);
        int moved = 0;
        for (int i = 0; i < n; i++) {
          moved += a[i] != b[i] ? 1 : 0;
        }
        for (int i = 0; i < n && moved < cap; i++) {
          if (c[i] == b[i] || a[i] != b[i]) {
            continue;
          }
          boolean fine = true;
          for (int p : pairsOf[i]) {
            int j = pa[p] == i ? pb[p] : pa[p];
            if (!comboOk(p, i, b[i], c[i], j, a[j], b[j])) {
              fine = false;
              break;
            }
          }
          if (fine) {
            b[i] = c[i];
            moved++;
            changed = true;
          }
        }
      }
      for (int w = s.size() - 1; w >= 1; w--) {
        if (Arrays.equals(s.get(w), s.get(w - 1))) {
          s.remove(w);
        }
      }
    }
    return new ArrayList<>(s.subList(1, s.size()));
  }

  /** Whether {@link #solve} proves the count minimal for this fleet. */
  public boolean exactFor(List<int[]> plan) {
    if (plan != null && plan.size() == lowerBound()) {
      return true;
    }
    if (exactGaveUp) {
      return false;
    }
    if (n <= EXACT_LIMIT) {
      return true;
    }
    if (plan != null && plan.size() == lowerBound()) {
      return true;
    }
    return lastGroupsExact && cap >= n;
  }

  private boolean lastGroupsExact;

  /**
   * Whether the search was exhaustive, so that "no plan" is proven.
   *
   * @return true for fleets up to {@link #EXACT_LIMIT} clusters whose search kept to its budget
   */
  public boolean exhaustive() {
    return n <= EXACT_LIMIT && !exactGaveUp;
  }

  private List<int[]> byGroups() {
    List<int[]> groups = groups();
    List<List<int[]>> plans = new ArrayList<>();
    boolean allExact = true;
    for (int[] g : groups) {
      List<int[]> plan;
      if (g.length <= EXACT_LIMIT) {
        plan = exactOrGreedy(g);
      } else {
        allExact = false;
        plan = greedy(g);
      }
      if (plan == null) {
        return null;
      }
      plans.add(toMoves(plan, g));
    }
    lastGroupsExact = allExact;
    return merge(plans);
  }

  /** Linked groups of clusters (connected components), each sorted. */
  List<int[]> groups() {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int p = 0; p < pairCount; p++) {
      int x = find(parent, pa[p]);
      int y = find(parent, pb[p]);
      if (x != y) {
        parent[x] = y;
      }
    }
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      List<Integer> list = byRoot.get(r);
      if (list == null) {
        list = new ArrayList<>();
        byRoot.put(r, list);
        roots.add(r);
      }
      list.add(i);
    }
    List<int[]> out = new ArrayList<>();
    for (int r : roots) {
      out.add(byRoot.get(r).stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Each wave of a group's plan as the moves {cluster, rung} it makes. */
  private List<int[]> toMoves(List<int[]> states, int[] members) {
    List<int[]> out = new ArrayList<>();
    int[] prev = start();
    for (int[] s : states) {
      List<Integer> moves = new ArrayList<>();
      for (int i : members) {
        if (s[i] != prev[i]) {
          moves.add(i);
          moves.add(s[i]);
        }
      }
      out.add(moves.stream().mapToInt(Integer::intValue).toArray());
      prev = s;
    }
    return out;
  }

  /**
   * Merges the groups' waves: a wave of one group runs beside waves of the others (no link joins
   * them). Waves larger than the limit are split, which is safe because every part of a safe wave
   * is safe; then the group with the most waves left goes first.
   */
  private List<int[]> merge(List<List<int[]>> plans) {
    List<Deque<int[]>> queues = new ArrayList<>();
    for (List<int[]> plan : plans) {
      Deque<int[]> q = new ArrayDeque<>();
      for (int[] wave : plan) {
        for (int from = 0; from < wave.length; from += 2 * cap) {
          q.add(Arrays.copyOfRange(wave, from, Math.min(wave.length, from + 2 * cap)));
        }
      }
      queues.add(q);
    }
    List<int[]> states = new ArrayList<>();
    int[] s = start();
    while (true) {
      queues.sort(Comparator.comparingInt((Deque<int[]> q) -> -q.size()));
      int room = cap;
      boolean any = false;
      int[] next = s.clone();
      for (Deque<int[]> q : queues) {
        if (!q.isEmpty() && q.peek().length / 2 <= room) {
          int[] wave = q.poll();
          for (int k = 0; k < wave.length; k += 2) {
            next[wave[k]] = wave[k + 1];
          }
          room -= wave.length / 2;
          any = true;
        }
      }
      if (!any) {
        return states;
      }
      states.add(next);
      s = next;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Exact search

  private int[] members;

  private List<int[]> exactOrGreedy(int[] group) {
    exactExpansions = 0;
    try {
      return exact(group);
    } catch (BudgetSpent e) {
      exactGaveUp = true;
      return greedy(group);
    }
  }

  private void spend() {
    if (++exactExpansions > budget) {
      throw new BudgetSpent();
    }
  }

  private List<int[]> exact(int[] group) {
    members = group;
    failed.clear();
    dead.clear();
    int[] s = start();
    if (h(s, group) >= INF || !feasible(s)) {
      return null;
    }
    Deque<int[]> path = new ArrayDeque<>();
    for (int depth = h(s, group); ; depth++) {
      failed.clear();
      if (dfs(s, depth, path)) {
        return new ArrayList<>(path);
      }
    }
  }

  private boolean isGoal(int[] s) {
    for (int i : members) {
      if (s[i] != goal[i]) {
        return false;
      }
    }
    return true;
  }

  private long key(int[] s) {
    long k = 0;
    for (int i : members) {
      k = k * 64 + s[i];
    }
    return k;
  }

  /** Whether the goal can be reached by single hops (complete: any plan splits into those). */
  private boolean feasible(int[] s) {
    if (isGoal(s)) {
      return true;
    }
    long k = key(s);
    if (dead.contains(k)) {
      return false;
    }
    spend();
    for (int i : members) {
      for (int r = goal[i]; r > s[i]; r--) {
        if (!hop[i][s[i]][r] || dist[i][r] >= INF) {
          continue;
        }
        int old = s[i];
        s[i] = r;
        boolean fine = true;
        for (int p : pairsOf[i]) {
          if (pd(p, s) >= INF) {
            fine = false;
            break;
          }
          int j = pa[p] == i ? pb[p] : pa[p];
          if (!(pa[p] == i ? ok(p, old, s[j]) && ok(p, r, s[j]) : ok(p, s[j], r))) {
            fine = false;
            break;
          }
        }
        boolean reached = fine && feasible(s);
        s[i] = old;
        if (reached) {
          return true;
        }
      }
    }
    dead.add(k);
    return false;
  }

  private boolean dfs(int[] s, int remaining, Deque<int[]> path) {
    if (isGoal(s)) {
      return true;
    }
    if (remaining <= 0 || h(s, members) > remaining) {
      return false;
    }
    long k = key(s);
    Integer f = failed.get(k);
    if (f != null && f >= remaining) {
      return false;
    }
    spend();
    int[] next = s.clone();
    if (enumerate(s, next, 0, 0, remaining, path)) {
      return true;
    }
    failed.put(k, remaining);
    return false;
  }

  private boolean enumerate(
      int[] s, int[] next, int idx, int moved, int remaining, Deque<int[]> path) {
    if (idx == members.length) {
      spend();
      if (moved == 0 || h(next, members) > remaining - 1) {
        return false;
      }
      int[] child = next.clone();
      if (dfs(child, remaining - 1, path)) {
        path.addFirst(child);
        return true;
      }
      return false;
    }
    int i = members[idx];
    // Order: straight to the target, then stay, then stepping stones from the newest down; so
    // among plans with the fewest waves, those with fewer hops come first.
    if (moved < cap && s[i] != goal[i] && tryRung(s, next, i, idx, goal[i], moved, remaining, path)) {
      return true;
    }
    next[i] = s[i];
    if (dist[i][s[i]] <= remaining - 1
        && consistent(i, idx, s, next, remaining)
        && enumerate(s, next, idx + 1, moved, remaining, path)) {
      return true;
    }
    if (moved < cap) {
      for (int r = goal[i] - 1; r > s[i]; r--) {
        if (tryRung(s, next, i, idx, r, moved, remaining, path)) {
          return true;
        }
      }
    }
    next[i] = s[i];
    return false;
  }

  private boolean tryRung(
      int[] s, int[] next, int i, int idx, int r, int moved, int remaining, Deque<int[]> path) {
    if (!hop[i][s[i]][r] || dist[i][r] > remaining - 1) {
      return false;
    }
    next[i] = r;
    boolean found = consistent(i, idx, s, next, remaining)
        && enumerate(s, next, idx + 1, moved + 1, remaining, path);
    if (!found) {
      next[i] = s[i];
    }
    return found;
  }

  /** Checks cluster i's choice against decided neighbours (all combinations) and the others. */
  private boolean consistent(int i, int idx, int[] s, int[] next, int remaining) {
    for (int p : pairsOf[i]) {
      int j = pa[p] == i ? pb[p] : pa[p];
      boolean decided = rank(j) < idx;
      if (!comboOk(p, i, s[i], next[i], j, s[j], decided ? next[j] : s[j])) {
        return false;
      }
      if (decided && pdAt(p, i, next[i], j, next[j]) > remaining - 1) {
        return false;
      }
    }
    return true;
  }

  private int rank(int j) {
    // members are sorted, so a binary search gives j's position in the enumeration order
    int r = Arrays.binarySearch(members, j);
    return r < 0 ? Integer.MAX_VALUE : r;
  }

  /** Whether the pair is fine in every combination of old and new rungs. */
  boolean comboOk(int p, int i, int oi, int ni, int j, int oj, int nj) {
    int x0 = pa[p] == i ? oi : oj;
    int x1 = pa[p] == i ? ni : nj;
    int y0 = pa[p] == i ? oj : oi;
    int y1 = pa[p] == i ? nj : ni;
    return ok(p, x0, y0) && ok(p, x1, y0) && ok(p, x0, y1) && ok(p, x1, y1);
  }

  int pdAt(int p, int i, int ri, int j, int rj) {
    int x = pa[p] == i ? ri : rj;
    int y = pa[p] == i ? rj : ri;
    return pairDist[p][x * rungs[pb[p]].length + y];
  }

  // ---------------------------------------------------------------------------------------------
  // Greedy, for large linked groups

  /**
   * The heuristic: one wave per round. Clusters are taken most constrained first (the largest own
   * or pair bound); each moves by the hop with the best pair bound when the hop keeps every link
   * alive in every combination with its neighbours' old and new rungs, leaves every linked pair
   * able to finish (finite pair optimum) and does not worsen its bound. When no cluster can move
   * that way, the one hop that keeps every pair able to finish is taken alone (an escape).
   */
  private List<int[]> greedy(int[] group) {
    for (int variant = 0; variant < RESTARTS; variant++) {
      List<int[]> plan = greedy(group, variant);
      if (plan != null) {
        return plan;
      }
    }
    return serial(group);
  }

  /** Greedy attempts with other tie-breaks before the backtracking fallback. */
  private static final int RESTARTS = 12;

  private java.util.Random tieBreak;
  private boolean shortestFirst;

  private List<int[]> greedy(int[] group, int variant) {
    tieBreak = variant == 0 ? null : new java.util.Random(variant);
    shortestFirst = variant % 2 == 1;
    int[] s = start();
    for (int i : group) {
      if (dist[i][0] >= INF) {
        return null;
      }
      for (int p : pairsOf[i]) {
        if (pd(p, s) >= INF) {
          return null;
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    Integer[] order = new Integer[group.length];
    int[] urgency = new int[n];
    while (true) {
      boolean done = true;
      for (int k = 0; k < group.length; k++) {
        int i = group[k];
        order[k] = i;
        done &= s[i] == goal[i];
        int u = dist[i][s[i]];
        for (int p : pairsOf[i]) {
          u = Math.max(u, pd(p, s));
        }
        urgency[i] = u;
      }
      if (done) {
        return out;
      }
      if (tieBreak != null) {
        java.util.Collections.shuffle(Arrays.asList(order), tieBreak);
      }
      Arrays.sort(order, Comparator.comparingInt((Integer i) -> -urgency[i]));
      int[] next = wave(order, s, false);
      if (next == null) {
        next = wave(order, s, true);
      }
      if (next == null) {
        return null;
      }
      out.add(next);
      s = next;
    }
  }

  /** Expansions the backtracking fallback may make before giving up. */
  private static final int SERIAL_BUDGET = 200_000;

  private long[][] zobrist;
  private Set<Long> serialDead;
  private int expansions;

  /**
   * The fallback when the greedy waves reach a dead end: a depth-first search over single hops
   * (complete, since any plan splits into single hops), remembering dead states by a 64-bit hash
   * and bounded by {@link #SERIAL_BUDGET} expansions; its hops are then layered into waves.
   */
  private List<int[]> serial(int[] group) {
    java.util.Random rnd = new java.util.Random(1);
    zobrist = new long[n][];
    for (int i : group) {
      zobrist[i] = new long[rungs[i].length];
      for (int r = 0; r < rungs[i].length; r++) {
        zobrist[i][r] = rnd.nextLong();
      }
    }
    serialDead = new HashSet<>();
    expansions = 0;
    int[] s = start();
    long hash = 0;
    for (int i : group) {
      hash ^= zobrist[i][0];
    }
    List<int[]> moves = new ArrayList<>();
    return serialDfs(group, s, hash, moves) ? layer(moves) : null;
  }

  private boolean serialDfs(int[] group, int[] s, long hash, List<int[]> moves) {
    boolean done = true;
    for (int i : group) {
      if (s[i] != goal[i]) {
        done = false;
        break;
      }
    }
    if (done) {
      return true;
    }
    if (serialDead.contains(hash) || ++expansions > SERIAL_BUDGET) {
      return false;
    }
    Integer[] order = new Integer[group.length];
    int[] urgency = new int[n];
    for (int k = 0; k < group.length; k++) {
      int i = group[k];
      order[k] = i;
      int u = dist[i][s[i]];
      for (int p : pairsOf[i]) {
        u = Math.max(u, pd(p, s));
      }
      urgency[i] = u;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -urgency[i]));
    for (int i : order) {
      for (int r = goal[i]; r > s[i]; r--) {
        if (!hop[i][s[i]][r] || dist[i][r] >= INF || !waveSafe(i, s, r, s)) {
          continue;
        }
        int old = s[i];
        s[i] = r;
        moves.add(new int[] {i, r});
        if (serialDfs(group, s, hash ^ zobrist[i][old] ^ zobrist[i][r], moves)) {
          return true;
        }
        moves.remove(moves.size() - 1);
        s[i] = old;
        if (expansions > SERIAL_BUDGET) {
          return false;
        }
      }
    }
    serialDead.add(hash);
    return false;
  }

  /** Layers serial hops {cluster, rung} into waves of at most {@code cap} hops: each pair then
   * sees exactly the states of the serial order, so every wave is safe. */
  private List<int[]> layer(List<int[]> moves) {
    int[] lastWave = new int[n];
    List<List<int[]>> waves = new ArrayList<>();
    for (int[] m : moves) {
      int i = m[0];
      int w = lastWave[i];
      for (int p : pairsOf[i]) {
        w = Math.max(w, lastWave[pa[p] == i ? pb[p] : pa[p]]);
      }
      while (w < waves.size() && waves.get(w).size() >= cap) {
        w++;
      }
      while (waves.size() <= w) {
        waves.add(new ArrayList<>());
      }
      waves.get(w).add(m);
      lastWave[i] = w + 1;
    }
    List<int[]> states = new ArrayList<>();
    int[] s = start();
    for (List<int[]> wave : waves) {
      s = s.clone();
      for (int[] m : wave) {
        s[m[0]] = m[1];
      }
      states.add(s);
    }
    return states;
  }

  /** One wave from {@code s}, or null when nothing moves; an escape wave moves one cluster. */
  private int[] wave(Integer[] order, int[] s, boolean escape) {
    int[] next = s.clone();
    int moved = 0;
    for (int i : order) {
      if (moved >= cap) {
        break;
      }
      if (s[i] == goal[i]) {
        continue;
      }
      int stay = localH(i, s[i], next);
      int best = -1;
      int bestScore = INF;
      for (int r = goal[i]; r > s[i]; r--) {
        if (!hop[i][s[i]][r] || dist[i][r] >= INF || !waveSafe(i, s, r, next)) {
          continue;
        }
        int score = shortestFirst ? dist[i][r] * 1024 + localH(i, r, next) : localH(i, r, next);
        if (score < bestScore || (score == bestScore && best >= 0 && dist[i][r] < dist[i][best])) {
          best = r;
          bestScore = score;
        }
      }
      if (best >= 0 && (escape || localH(i, best, next) <= stay)) {
        next[i] = best;
        moved++;
        if (escape) {
          return next;
        }
      }
    }
    return moved == 0 ? null : next;
  }

  private boolean waveSafe(int i, int[] s, int r, int[] next) {
    for (int p : pairsOf[i]) {
      int j = pa[p] == i ? pb[p] : pa[p];
      if (!comboOk(p, i, s[i], r, j, s[j], next[j]) || pdAt(p, i, r, j, next[j]) >= INF) {
        return false;
      }
    }
    return true;
  }

  private int localH(int i, int r, int[] next) {
    int h = dist[i][r];
    for (int p : pairsOf[i]) {
      int j = pa[p] == i ? pb[p] : pa[p];
      h = Math.max(h, pdAt(p, i, r, j, next[j]));
    }
    return h;
  }

  // ---------------------------------------------------------------------------------------------
  // Accessors for the assembler

  /**
   * The version of cluster {@code i} on rung {@code r}.
   *
   * @param i the cluster
   * @param r the rung
   * @return the version
   */
  public EsVersion version(int i, int r) {
    return rungs[i][r];
  }

  /**
   * The number of clusters.
   *
   * @return n
   */
  public int size() {
    return n;
  }

  /**
   * Whether link {@code k} is paused by procedure (bi-directional replication).
   *
   * @param k the link
   * @return true when paused around each wave that moves either end
   */
  public boolean procedural(int k) {
    return procedural[k];
  }

  /**
   * Whether link {@code k} is alive with its ends on the given versions, as this engine judges.
   *
   * @param k the link
   * @param local the local version
   * @param remote the remote version
   * @return true when supported, wire compatible and on an accepted basis
   */
  public boolean alive(int k, EsVersion local, EsVersion remote) {
    return verdicts.ok(eUses[k], verdicts.id(local), verdicts.id(remote));
  }

  /**
   * Whether linked pair analysis alone proves the link's pair cannot be upgraded, for each link.
   *
   * @return per link, whether its pair has no plan on its own
   */
  public boolean[] pairBlocked() {
    boolean[] out = new boolean[edges.size()];
    int[] s = start();
    for (int p = 0; p < pairCount; p++) {
      if (pd(p, s) >= INF) {
        for (int k : pairEdges[p]) {
          out[k] = true;
        }
      }
    }
    return out;
  }

  /**
   * Whether one link alone, between its two clusters, has no plan.
   *
   * @param k the link
   * @return true when the link by itself blocks
   */
  public boolean edgeBlocked(int k) {
    int p = -1;
    for (int q : pairsOf[eLocal[k]]) {
      if (pa[q] == Math.min(eLocal[k], eRemote[k]) && pb[q] == Math.max(eLocal[k], eRemote[k])) {
        p = q;
      }
    }
    if (p < 0) {
      return false;
    }
    int[] d = pairTable(p, okMatrix(p, new int[] {k}));
    return d[0] >= INF;
  }

  /**
   * Whether cluster {@code i} can reach its target at all.
   *
   * @param i the cluster
   * @return true when its ladder leads to its target
   */
  public boolean reachable(int i) {
    return dist[i][0] < INF;
  }
}
