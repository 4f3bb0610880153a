package io.github.remoteclusters.testkit;

/**
 * The {@code elasticsearch.keystore} of a running test cluster: what {@code bin/elasticsearch-keystore
 * add --force} and {@code remove} do on a real node, followed by {@code POST
 * _nodes/reload_secure_settings}.
 *
 * <p>Values reach the node on its standard input, never on a command line. The keystore is
 * password-less and created on first use; each change re-encrypts it (about a second of CPU).
 *
 * @since 0.1.0
 */
public interface TestKeystore {

  /**
   * Adds a string entry, or replaces its value.
   *
   * @param setting the secure setting, such as {@code cluster.remote.r.credentials}
   * @param value its value; a secret
   * @throws TestClusterException when the node could not write the keystore
   * @since 0.1.0
   */
  void put(String setting, String value);

  /**
   * Removes an entry; does nothing when there is none.
   *
   * @param setting the secure setting
   * @throws TestClusterException when the node could not write the keystore
   * @since 0.1.0
   */
  void remove(String setting);

  /**
   * Makes the node read its keystore again ({@code POST _nodes/reload_secure_settings}).
   *
   * @throws TestClusterException when the call fails or a node reports a failure
   * @since 0.1.0
   */
  void reload();
}
