package io.github.remoteclusters.elasticsearch.spi;

import io.github.remoteclusters.core.plan.LinkFootprint;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The record of which remote-cluster aliases this tool created on each cluster, so that it never
 * changes or removes an alias someone else configured (the way ECK keeps its managed aliases in an
 * annotation).
 *
 * <p>The applier adds aliases before it writes them, and forgets removed aliases only after
 * Elasticsearch confirmed the removal; a run that fails half way therefore leaves the store
 * claiming at most the aliases it may have written.
 *
 * @since 0.1.0
 */
public interface OwnershipStore {

  /**
   * The aliases this tool owns on a cluster.
   *
   * @param cluster the cluster name
   * @return the aliases, empty when none
   */
  Set<String> owned(String cluster);

  /**
   * Replaces the aliases this tool owns on a cluster.
   *
   * @param cluster the cluster name
   * @param aliases the aliases; empty to forget the cluster
   */
  void save(String cluster, Set<String> aliases);

  /**
   * The footprint of every alias this tool owns on a cluster (see {@link LinkFootprint}). Stores
   * that keep only aliases answer footprints that know only the alias.
   *
   * @param cluster the cluster name
   * @return footprint by alias, empty when none
   */
  default Map<String, LinkFootprint> footprints(String cluster) {
    Map<String, LinkFootprint> out = new TreeMap<>();
    for (String alias : owned(cluster)) {
      out.put(alias, LinkFootprint.aliasOnly(cluster, alias, "", true));
    }
    return out;
  }

  /**
   * Records (or replaces) the footprint of one owned link; the alias is owned from then on.
   * Called before anything the footprint names is created (write-ahead).
   *
   * @param footprint the footprint
   */
  default void record(LinkFootprint footprint) {
    Set<String> aliases = new TreeSet<>(owned(footprint.local()));
    if (aliases.add(footprint.alias())) {
      save(footprint.local(), aliases);
    }
  }

  /**
   * Forgets one owned link, once everything its footprint names is gone.
   *
   * @param cluster the cluster name
   * @param alias the alias
   */
  default void forget(String cluster, String alias) {
    Set<String> aliases = new TreeSet<>(owned(cluster));
    if (aliases.remove(alias)) {
      save(cluster, aliases);
    }
  }

  /**
   * What identifies this store's owner on the clusters: the claim this tool writes on a cluster
   * before it changes an alias (see the applier's claims) holds it, and two stores with different
   * owners can never both own one alias. Stores kept in memory answer a value unique to the
   * store; file stores one kept in the file, so that every run with the same file is the same
   * owner.
   *
   * @return the owner id, not empty
   */
  default String ownerId() {
    return "store-" + Integer.toHexString(System.identityHashCode(this));
  }

  /**
   * A store kept in memory, for one process.
   *
   * @return a new empty store
   */
  static OwnershipStore inMemory() {
    return new InMemoryOwnershipStore();
  }

  /**
   * A store kept in a JSON file for every topology, locked and replaced atomically on every save;
   * see {@link JsonFileOwnershipStore}.
   *
   * @param file the file; created on the first save
   * @return the store
   */
  static OwnershipStore jsonFile(Path file) {
    return new JsonFileOwnershipStore(file);
  }

  /**
   * A store kept in a JSON file that several topologies may share: it records which topology
   * owns each alias, and sees and replaces only the aliases of this one.
   *
   * @param file the file; created on the first save
   * @param topology what identifies the topology, such as its file's absolute path
   * @return the store
   */
  static OwnershipStore jsonFile(Path file, String topology) {
    return new JsonFileOwnershipStore(file, topology);
  }
}
