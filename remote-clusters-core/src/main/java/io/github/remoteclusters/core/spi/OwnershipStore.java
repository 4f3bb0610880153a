package io.github.remoteclusters.core.spi;

import java.nio.file.Path;
import java.util.Set;

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
