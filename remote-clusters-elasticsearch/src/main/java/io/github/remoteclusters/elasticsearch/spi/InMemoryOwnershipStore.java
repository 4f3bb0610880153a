package io.github.remoteclusters.elasticsearch.spi;

import io.github.remoteclusters.core.plan.LinkFootprint;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An {@link OwnershipStore} in memory, with the footprint of every owned link; safe for
 * concurrent use.
 *
 * @since 0.1.0
 */
public final class InMemoryOwnershipStore implements OwnershipStore {

  private final Map<String, Map<String, LinkFootprint>> owned = new TreeMap<>();
  private final String ownerId = "memory-" + UUID.randomUUID();

  /** Creates an empty store. */
  public InMemoryOwnershipStore() {}

  @Override
  public synchronized Set<String> owned(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return Set.copyOf(owned.getOrDefault(cluster, Map.of()).keySet());
  }

  @Override
  public synchronized void save(String cluster, Set<String> aliases) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(aliases, "aliases");
    Map<String, LinkFootprint> before = owned.getOrDefault(cluster, Map.of());
    Map<String, LinkFootprint> after = new TreeMap<>();
    for (String alias : aliases) {
      after.put(alias, before.getOrDefault(alias, LinkFootprint.aliasOnly(cluster, alias, "", true)));
    }
    if (after.isEmpty()) {
      owned.remove(cluster);
    } else {
      owned.put(cluster, after);
    }
  }

  @Override
  public synchronized Map<String, LinkFootprint> footprints(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return Map.copyOf(owned.getOrDefault(cluster, Map.of()));
  }

  @Override
  public synchronized void record(LinkFootprint footprint) {
    owned.computeIfAbsent(footprint.local(), c -> new TreeMap<>())
        .put(footprint.alias(), footprint);
  }

  @Override
  public synchronized void forget(String cluster, String alias) {
    Map<String, LinkFootprint> aliases = owned.get(cluster);
    if (aliases != null) {
      aliases.remove(alias);
      if (aliases.isEmpty()) {
        owned.remove(cluster);
      }
    }
  }

  @Override
  public String ownerId() {
    return ownerId;
  }

  /** {@return the owned aliases by cluster} */
  @Override
  public synchronized String toString() {
    Map<String, Set<String>> aliases = new TreeMap<>();
    owned.forEach((c, m) -> aliases.put(c, m.keySet()));
    return "InMemoryOwnershipStore" + aliases;
  }
}
