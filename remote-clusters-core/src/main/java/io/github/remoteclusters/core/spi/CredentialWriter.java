package io.github.remoteclusters.core.spi;

import io.github.remoteclusters.core.Cluster;

/**
 * Stores cross-cluster API key credentials where the local cluster's nodes read their secure
 * settings: the keystore entry {@code cluster.remote.<alias>.credentials} on every node.
 *
 * <p>The Kubernetes adapter writes a Secret that ECK mounts as secure settings; for self-managed
 * nodes no API exists, so {@link #manual()} refuses and the applier reports a manual step.
 *
 * @since 0.1.0
 */
public interface CredentialWriter {

  /**
   * Stores the credentials for an alias, replacing any earlier value.
   *
   * @param local the local (querying) cluster
   * @param alias the remote cluster alias
   * @param encodedApiKey the cross-cluster API key's {@code encoded} value; a secret
   * @throws ManualStepRequiredException when a person has to do it
   */
  void store(Cluster local, String alias, String encodedApiKey);

  /**
   * Removes the credentials for an alias; does nothing when there are none.
   *
   * @param local the local cluster
   * @param alias the alias
   * @throws ManualStepRequiredException when a person has to do it
   */
  void remove(Cluster local, String alias);

  /**
   * Whether this writer stores credentials itself. When false the applier does not even create a
   * cross-cluster API key (its secret could be shown to no one): it reports a manual step.
   *
   * @return true unless this is {@link #manual()}
   */
  default boolean automatic() {
    return true;
  }

  /**
   * A writer that cannot write: each call throws {@link ManualStepRequiredException} with the
   * {@code elasticsearch-keystore} commands a person runs on every node.
   *
   * @return the writer
   */
  static CredentialWriter manual() {
    return new CredentialWriter() {
      @Override
      public boolean automatic() {
        return false;
      }

      @Override
      public void store(Cluster local, String alias, String encodedApiKey) {
        throw new ManualStepRequiredException(
            local.name(),
            alias,
            "on every node of cluster ["
                + local.name()
                + "] run: bin/elasticsearch-keystore add cluster.remote."
                + alias
                + ".credentials (paste the encoded cross-cluster API key), then run this again");
      }

      @Override
      public void remove(Cluster local, String alias) {
        throw new ManualStepRequiredException(
            local.name(),
            alias,
            "on every node of cluster ["
                + local.name()
                + "] run: bin/elasticsearch-keystore remove cluster.remote."
                + alias
                + ".credentials, then run this again");
      }
    };
  }
}
