package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brute-force planner written apart from the real one, for small fleets: breadth-first search
 * over every state, every wave (every subset of clusters, every allowed next version), and every
 * subset of a wave checked link by link with the compat module. Release facts are its own.
 */
final class Oracle {

  /** The last minor of each finished major, as the docs give them. */
  private static final Map<Integer, Integer> LAST_MINOR = Map.of(6, 8, 7, 17, 8, 19);

  private Oracle() {}

  /** Whether Elasticsearch allows the rolling upgrade, from the upgrade docs. */
  static boolean hopAllowed(EsVersion from, EsVersion to) {
    if (to.compareTo(from) <= 0 || from.isPreRelease() || to.isPreRelease()) {
      return false;
    }
    if (to.major() == from.major()) {
      return true;
    }
    if (to.major() != from.major() + 1) {
      return false;
    }
    Integer last = LAST_MINOR.get(from.major());
    boolean fromLast = last != null && last == from.minor();
    boolean releasedTogether = to.minor() == 0
        && ((from.major() == 8 && from.minor() == 18) || (from.major() == 6 && from.minor() == 7));
    return fromLast || releasedTogether;
  }

  /** Every version an upgrade may pass through: current, each released minor between, target. */
  static List<EsVersion> candidates(EsVersion from, EsVersion to) {
    List<EsVersion> out = new ArrayList<>();
    out.add(from);
    if (to.compareTo(from) <= 0) {
      return out;
    }
    for (int major = from.major(); major <= to.major(); major++) {
      int first = major == from.major() ? from.minor() + 1 : 0;
      int last = major == to.major() ? to.minor() - 1 : LAST_MINOR.getOrDefault(major, -1);
      for (int m = first; m <= last; m++) {
        out.add(EsVersion.of(major, m));
      }
    }
    out.add(to);
    return out;
  }

  /**
   * The fewest waves, or -1 when no safe order exists.
   *
   * @param fleet the fleet (no pair may replicate both ways)
   * @return the count
   */
  static int minimumWaves(Fleets.Fleet fleet) {
    List<Cluster> clusters = fleet.topology().clusters();
    int n = clusters.size();
    List<List<EsVersion>> cands = new ArrayList<>();
    for (Cluster c : clusters) {
      EsVersion t = fleet.request().targetOf(c.name()).orElse(c.version());
      cands.add(candidates(c.version(), t.compareTo(c.version()) < 0 ? c.version() : t));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(clusters.get(i).name(), i);
    }
    int cap = fleet.request().maxPerWave() == 0 ? n : fleet.request().maxPerWave();
    Map<List<Object>, Boolean> memo = new HashMap<>();
    int[] start = new int[n];
    if (!safe(fleet, cands, index, start, start, memo)) {
      return -1;
    }
    Map<String, Integer> depth = new HashMap<>();
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    depth.put(Arrays.toString(start), 0);
    queue.add(start);
    while (!queue.isEmpty()) {
      int[] s = queue.poll();
      int d = depth.get(Arrays.toString(s));
      boolean goal = true;
      for (int i = 0; i < n; i++) {
        goal &= s[i] == cands.get(i).size() - 1;
      }
      if (goal) {
        return d;
      }
      List<int[]> waves = new ArrayList<>();
      waves(cands, s, s.clone(), 0, 0, cap, waves);
      for (int[] next : waves) {
        String key = Arrays.toString(next);
        if (!depth.containsKey(key) && safe(fleet, cands, index, s, next, memo)) {
          depth.put(key, d + 1);
          queue.add(next);
        }
      }
    }
    return -1;
  }

  private static void waves(
      List<List<EsVersion>> cands, int[] s, int[] next, int i, int moved, int cap, List<int[]> out) {
    if (i == s.length) {
      if (moved > 0) {
        out.add(next.clone());
      }
      return;
    }
    next[i] = s[i];
    waves(cands, s, next, i + 1, moved, cap, out);
    if (moved < cap) {
      for (int r = s[i] + 1; r < cands.get(i).size(); r++) {
        if (hopAllowed(cands.get(i).get(s[i]), cands.get(i).get(r))) {
          next[i] = r;
          waves(cands, s, next, i + 1, moved + 1, cap, out);
        }
      }
    }
    next[i] = s[i];
  }

  /** Every subset of the wave finished: every link alive. */
  private static boolean safe(Fleets.Fleet fleet, List<List<EsVersion>> cands,
      Map<String, Integer> index, int[] s, int[] next, Map<List<Object>, Boolean> memo) {
    List<Integer> movers = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      if (s[i] != next[i]) {
        movers.add(i);
      }
    }
    for (int mask = 0; mask < (1 << movers.size()); mask++) {
      int[] state = s.clone();
      for (int b = 0; b < movers.size(); b++) {
        if ((mask & (1 << b)) != 0) {
          state[movers.get(b)] = next[movers.get(b)];
        }
      }
      for (Fleets.TestLink t : fleet.links()) {
        int l = index.get(t.local());
        int r = index.get(t.remote());
        EsVersion lv = cands.get(l).get(state[l]);
        EsVersion rv = cands.get(r).get(state[r]);
        if (!memo.computeIfAbsent(List.of(t, lv, rv), k -> Fleets.alive(t, lv, rv, fleet.request().allow()))) {
          return false;
        }
      }
    }
    return true;
  }
}
