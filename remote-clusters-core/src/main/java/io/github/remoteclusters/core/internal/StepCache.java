package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of steps that many links of one topology share, built once per planner run.
 *
 * <p>Links of a large topology repeat a few shapes: every link under one alias with one access
 * document has the same local role, every local cluster trusting one remote gets the same
 * instructions. Request bodies are not built while planning: {@code StepEncoder} writes them from
 * the steps' payloads when they are sent or printed. Each map is bounded so that a topology whose links share
 * nothing (one alias per link) does not keep every body alive while streaming. Not API.
 */
final class StepCache {

  /** Entries kept per map; beyond that the oldest go. */
  private static final int LIMIT = 4096;

  /** Local roles by alias and access document (by identity). */
  final Map<RoleKey, LocalRole> roles = bounded();

  /** {@code TRUST_CA} instructions by what they are made of. */
  final Map<TrustKey, List<String>> trustLines = bounded();

  /** Descriptions that depend on the alias and a few flags only. */
  final Map<TextKey, String> texts = bounded();

  /** Cached {@code value}, computed by {@code make} on a miss. */
  static <K, V> V get(Map<K, V> map, K key, Function<K, V> make) {
    V v = map.get(key);
    if (v == null) {
      v = make.apply(key);
      map.put(key, v);
    }
    return v;
  }

  private static <K, V> Map<K, V> bounded() {
    return new LinkedHashMap<>(64) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > LIMIT;
      }
    };
  }

  /**
   * What a local-role body is made of: the access is compared by value (the topology reader
   * shares equal values, so identity is checked first).
   */
  record RoleKey(String alias, CrossClusterAccess access, boolean replication, int accessHash) {

    @Override
    public boolean equals(Object o) {
      return o instanceof RoleKey k
          && k.replication == replication
          && k.alias.equals(alias)
          && (k.access == access || k.access.equals(access));
    }

    @Override
    public int hashCode() {
      return (alias.hashCode() * 31 + accessHash) * 2 + (replication ? 1 : 0);
    }
  }

  private CrossClusterAccess lastAccess;
  private int lastAccessHash;

  /**
   * The key of a local role; the access's hash is remembered for the last value seen (by
   * identity), since the links of a topology share a few values.
   */
  RoleKey roleKey(String alias, CrossClusterAccess access, boolean replication) {
    if (access != lastAccess) {
      lastAccessHash = access.hashCode();
      lastAccess = access;
    }
    return new RoleKey(alias, access, replication, lastAccessHash);
  }

  /**
   * What the instructions of a trust step are made of; {@code truster} and {@code alias} are null
   * when the instructions do not depend on them (a self-managed truster).
   */
  record TrustKey(Cluster trusted, boolean apiKey, Cluster truster, String alias) {}

  /** A description by kind, alias and up to two flags. */
  record TextKey(int kind, String alias, String flag, boolean apiKey) {}
}
