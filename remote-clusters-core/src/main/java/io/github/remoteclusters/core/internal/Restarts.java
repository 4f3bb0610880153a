package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.plan.StepAction;

/**
 * Whether a plan step restarts the nodes of its target: the one home of that fact, for {@code
 * "restartsNodes"} in plan output and the table of restarts in docs/k8s.md.
 *
 * <p>What restarts: static settings ({@code elasticsearch.yml}, ECK nodeSet {@code config}, a
 * changed pod template) and, on ECK, every change of {@code spec.secureSettings} (the keystore is
 * built by an init container; ECK issue #8922), unless Elasticsearch 9.5+ on ECK 3.5+ gets them as
 * file-based settings. What does not: cluster settings (the API, ECK's {@code StackConfigPolicy}),
 * API keys, roles, Services, CA files whose content changes (Elasticsearch reloads them), the
 * keystore of a self-managed node with {@code POST _nodes/reload_secure_settings}, and Elastic
 * Cloud's keystore from 8.14 (reloaded automatically).
 *
 * <p>An ECK local cluster with several API-key links makes one roll: the planner groups their
 * manifest changes into the STORE_CREDENTIALS step of the last one, and the earlier steps, which
 * only fill the Secret, carry {@code restartsNodes: false} and say so; {@link RollGrouping} then
 * makes every ECK cluster roll at most once per plan of a topology. Every step's words agree
 * with its flag ({@link #wordsSayRestart}).
 */
public final class Restarts {

  private Restarts() {}

  /**
   * Whether a step restarts the nodes of its target.
   *
   * @param action the step's action
   * @param target the cluster it changes
   * @param apiKey whether the link uses API keys
   * @param eckLocalManifest whether an ECK local cluster gets its trust and credentials in this
   *     step's single manifest change (then the trust step only prepares the CA)
   * @return true when the nodes of {@code target} restart
   */
  public static boolean restartsNodes(
      StepAction action, Cluster target, boolean apiKey, boolean eckLocalManifest) {
    return restartsNodes(action, target, null, apiKey, eckLocalManifest);
  }

  /**
   * Whether a step restarts the nodes of its target, knowing the other cluster of the link.
   *
   * <p>An ECK cluster trusting a peer's transport CA through {@code
   * spec.transport.tls.certificateAuthorities} does not restart: ECK writes the CA into the
   * transport certificate Secrets its nodes already mount, and Elasticsearch reloads CA files.
   * Trusting an Elastic Cloud deployment also adds a trust filter ({@code
   * xpack.security.transport.ssl.trust_restrictions.path} in every nodeSet's config and a volume in
   * its pod template): a rolling restart.
   *
   * @param action the step's action
   * @param target the cluster it changes
   * @param peer the other cluster of the link, or null when not known (then a stated {@code
   *     trustRestrictions} of an ECK target stands for the trust filter)
   * @param apiKey whether the link uses API keys
   * @param eckLocalManifest whether an ECK local cluster gets its trust and credentials in this
   *     step's single manifest change
   * @return true when the nodes of {@code target} restart
   */
  public static boolean restartsNodes(
      StepAction action, Cluster target, Cluster peer, boolean apiKey, boolean eckLocalManifest) {
    Deployment d = target.deployment();
    switch (action) {
      case ENABLE_REMOTE_CLUSTER_SERVER:
        // remote_cluster_server.enabled is static: ECK rolls the nodes, self-managed restarts
        return !d.isElasticCloud();
      case TRUST_CA:
        if (d == Deployment.SELF_MANAGED) {
          return true; // certificate_authorities in elasticsearch.yml
        }
        if (d == Deployment.ECK) {
          if (apiKey) {
            return !eckLocalManifest; // the CA volume and config, unless STORE_CREDENTIALS does it
          }
          // transport CAs through spec.transport.tls.certificateAuthorities are reloaded; a trust
          // filter (trust.yml), written when the peer is Elastic Cloud, is nodeSet config and a
          // volume
          return peer != null
              ? peer.deployment().isElasticCloud()
              : target.trustRestrictions() != null;
        }
        return false;
      case STORE_CREDENTIALS:
        if (d == Deployment.ECK) {
          return true; // secure settings (and the client's ssl config) roll the nodes
        }
        return false;
      case RELOAD_SECURE_SETTINGS:
        // Elastic Cloud below 8.14 restarts to reload the keystore
        return d.isElasticCloud() && !target.version().isAtLeast(8, 14);
      case PATCH_ECK_RESOURCE:
        // ECK adds the key to the keystore and remote_cluster_client settings: a rolling restart
        return apiKey;
      default:
        return false;
    }
  }

  /** Phrases that name a restart that does not happen (or happens in no step of this plan). */
  private static final java.util.regex.Pattern NEGATED =
      java.util.regex.Pattern.compile(
          "(needs? no|without an?|no|not an?|nothing to) (rolling )?restarts?"
              + "|(does|do|did) not (need an? )?restart|restarts? (nothing|none)"
              + "|need not restart|instead of restarting"
              + "|the rolling restart is in step \\d+");

  /**
   * Whether the words of a step say that carrying it out restarts nodes (a "rolling restart",
   * "restart the nodes one at a time"), ignoring restarts they deny ("no restart", "without a
   * restart", "restarts nothing"). A step's {@code restartsNodes} flag and its words agree when
   * this equals the flag.
   *
   * @param text the step's description and instructions
   * @return true when the words announce a restart
   */
  public static boolean wordsSayRestart(String text) {
    String t = NEGATED.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ");
    return t.contains("restart");
  }
}
