package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.TransportOptions;
import io.github.remoteclusters.core.plan.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of steps that many links of one topology share, built once per planner run.
 *
 * <p>Links of a large topology repeat a few shapes: every link to one remote under one alias sends
 * the same settings body, every local cluster trusting one remote gets the same instructions. The
 * steps keep the shared JSON nodes without copying them, which is safe because {@code
 * HttpRequest.body()} and {@code EckResourceStep.specPatch()} hand out copies and nothing here
 * changes a node once it is cached. Each map is bounded so that a topology whose links share
 * nothing (one alias per link) does not keep every body alive while streaming. Not API.
 */
final class StepCache {

  /** Entries kept per map; beyond that the oldest go. */
  private static final int LIMIT = 4096;

  /** The {@code privileges} of a search entry of a local role; never changed once built. */
  static final ArrayNode SEARCH_PRIVILEGES =
      LinkPlanner.array("read", "read_cross_cluster", "view_index_metadata");

  /** The {@code privileges} of a replication entry of a local role; never changed once built. */
  static final ArrayNode REPLICATION_PRIVILEGES = LinkPlanner.array("cross_cluster_replication");

  /** The {@code cluster} privileges of a local role for replication; never changed once built. */
  static final ArrayNode MANAGE_CCR = LinkPlanner.array("manage_ccr");

  /** {@code PUT _cluster/settings} bodies by what they are made of. */
  final Map<SettingsKey, ObjectNode> settingsBodies = bounded();

  /** Local-role bodies by alias and access document (by identity). */
  final Map<RoleKey, ObjectNode> roleBodies = bounded();

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

  /** What a settings body is made of; a null connection is a removal (every key nulled). */
  record SettingsKey(
      String alias, Connection connection, Boolean skipUnavailable, TransportOptions transport) {}

  /** What a local-role body is made of: the access document is compared by identity. */
  static final class RoleKey {
    final String alias;
    final ObjectNode access;
    final boolean replication;

    RoleKey(String alias, ObjectNode access, boolean replication) {
      this.alias = alias;
      this.access = access;
      this.replication = replication;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RoleKey
          && ((RoleKey) o).access == access
          && ((RoleKey) o).replication == replication
          && ((RoleKey) o).alias.equals(alias);
    }

    @Override
    public int hashCode() {
      return (alias.hashCode() * 31 + System.identityHashCode(access)) * 2 + (replication ? 1 : 0);
    }
  }

  /**
   * What the instructions of a trust step are made of; {@code truster} and {@code alias} are null
   * when the instructions do not depend on them (a self-managed truster).
   */
  record TrustKey(Cluster trusted, boolean apiKey, Cluster truster, String alias) {}

  /** A description by kind, alias and up to two flags. */
  record TextKey(int kind, String alias, String flag, boolean apiKey) {}
}
