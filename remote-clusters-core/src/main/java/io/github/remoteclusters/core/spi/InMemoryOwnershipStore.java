package io.github.remoteclusters.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OwnershipStore} in memory; safe for concurrent use.
 *
 * @since 0.1.0
 */
public final class InMemoryOwnershipStore implements OwnershipStore {

  private final Map<String, Set<String>> owned = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryOwnershipStore() {}

  @Override
  public Set<String> owned(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return owned.getOrDefault(cluster, Set.of());
  }

  @Override
  public void save(String cluster, Set<String> aliases) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(aliases, "aliases");
    if (aliases.isEmpty()) {
      owned.remove(cluster);
    } else {
      owned.put(cluster, Set.copyOf(new TreeSet<>(aliases)));
    }
  }

  /** {@return the owned aliases by cluster} */
  @Override
  public String toString() {
    return "InMemoryOwnershipStore" + owned;
  }
}
