package io.github.remoteclusters.elasticsearch.spi;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.elasticsearch.internal.access.CommandCredentialWriter;
import java.time.Duration;

/**
 * Stores cross-cluster API key credentials where the local cluster's nodes read their secure
 * settings: the keystore entry {@code cluster.remote.<alias>.credentials} on every node.
 *
 * <p>The Kubernetes adapter writes a Secret that ECK mounts as secure settings; for self-managed
 * nodes no API exists, so {@link #manual()} refuses and the applier reports a manual step, and
 * {@link #command(String, String, Duration)} runs a command the user gives (for example {@code
 * elasticsearch-keystore add} wrapped in their own ssh or configuration tool).
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
                + "] run: bin/elasticsearch-keystore add "
                + EckNames.credentialsKey(alias)
                + " (paste the encoded cross-cluster API key), then run this again");
      }

      @Override
      public void remove(Cluster local, String alias) {
        throw new ManualStepRequiredException(
            local.name(),
            alias,
            "on every node of cluster ["
                + local.name()
                + "] run: bin/elasticsearch-keystore remove "
                + EckNames.credentialsKey(alias)
                + ", then run this again");
      }
    };
  }

  /**
   * A writer that runs the user's commands through {@code /bin/sh -c}. The store command receives
   * the encoded cross-cluster API key on standard input, followed by a newline, and nowhere else:
   * not on its command line, not in its environment, not in a message. Both commands may hold the
   * placeholders {@code {cluster}} (the local cluster's name), {@code {alias}} and {@code
   * {setting}} (the keystore setting, {@code cluster.remote.<alias>.credentials}); their values
   * are single-quoted for the shell. For example:
   *
   * <pre>{@code
   * ssh {cluster}-node-1 sudo /usr/share/elasticsearch/bin/elasticsearch-keystore add --stdin --force {setting}
   * }</pre>
   *
   * <p>A command that exits with a non-zero code, or does not finish in time, fails with a {@link
   * CredentialWriteException} carrying its exit code and standard error, with the secret redacted.
   *
   * @param storeCommand the command that stores the secret read from standard input
   * @param removeCommand the command that removes the setting, or null to report removal as a
   *     manual step
   * @param timeout how long one command may run before it is killed
   * @return the writer
   * @throws IllegalArgumentException when a command is blank or the timeout not positive
   */
  static CredentialWriter command(String storeCommand, String removeCommand, Duration timeout) {
    return new CommandCredentialWriter(storeCommand, removeCommand, timeout);
  }
}
