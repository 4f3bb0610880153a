package io.github.remoteclusters.k8s.internal;

import java.util.Collection;
import java.util.TreeSet;

/**
 * What only Kubernetes needs: ECK's resource kind, labels and annotations, the annotations of the
 * resources this adapter owns, and ECK's webhook messages for live resources, checked against
 * {@code cloud-on-k8s} ({@code remotecluster/}). ECK's resource names, Elasticsearch setting keys
 * and ports have one home, the core's {@code EckNames}; the limits of the names derived from an
 * {@code Elasticsearch} name are checked by the core's planner ({@code
 * TopologyPlan.clusterProblems()}).
 */
public final class K8sNames {

  /** API group and version of ECK's {@code Elasticsearch} resource. */
  public static final String ES_API_VERSION = "elasticsearch.k8s.elastic.co/v1";

  /** Kind of ECK's Elasticsearch resource. */
  public static final String ES_KIND = "Elasticsearch";

  /** Plural of the Elasticsearch resource. */
  public static final String ES_PLURAL = "elasticsearches";

  /** ECK's annotation listing the aliases it wrote into the cluster settings (sorted, comma-joined). */
  public static final String ECK_MANAGED_REMOTE_CLUSTERS =
      "elasticsearch.k8s.elastic.co/managed-remote-clusters";

  /** Our annotation listing the aliases this adapter manages on a cluster, in ECK's format. */
  public static final String OUR_MANAGED_REMOTE_CLUSTERS =
      "remoteclusters.github.io/managed-remote-clusters";

  /** Our annotation listing the other fields this adapter set on a cluster (sorted, comma-joined). */
  public static final String OUR_OWNED_FIELDS = "remoteclusters.github.io/owned-fields";

  /** Label ECK puts on the pods and Services of a cluster. */
  public static final String LABEL_CLUSTER_NAME = "elasticsearch.k8s.elastic.co/cluster-name";

  /** Label ECK uses for the type of its resources. */
  public static final String LABEL_TYPE = "common.k8s.elastic.co/type";

  /** ECK's label on Secrets that hold credentials, such as its API key store. */
  public static final String LABEL_CREDENTIALS = "eck.k8s.elastic.co/credentials";

  /** Standard label naming the tool that manages a resource. */
  public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Our value of {@link #LABEL_MANAGED_BY}. */
  public static final String MANAGED_BY = "remote-clusters";

  /** Our label naming the Elasticsearch resource an owned resource belongs to. */
  public static final String LABEL_FOR_CLUSTER = "remoteclusters.github.io/cluster-name";

  /** Port name ECK gives the remote cluster server port. */
  public static final String REMOTE_CLUSTER_PORT_NAME = "rcs";

  /** Name of the volume holding the remote CAs. */
  public static final String REMOTE_CA_VOLUME = "remote-clusters-remote-ca";

  private K8sNames() {}

  /**
   * The value of a managed-aliases annotation: sorted, comma-joined, as ECK writes it.
   *
   * @param aliases the aliases
   * @return the value; empty when there is no alias
   */
  public static String joinAliases(Collection<String> aliases) {
    return String.join(",", new TreeSet<>(aliases));
  }

  /**
   * Parses a managed-aliases annotation.
   *
   * @param value the value, or null
   * @return the aliases, sorted
   */
  public static TreeSet<String> splitAliases(String value) {
    TreeSet<String> out = new TreeSet<>();
    if (value == null) {
      return out;
    }
    for (String s : value.split(",", -1)) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /**
   * ECK's webhook message for {@code spec.remoteClusterServer.enabled} below 8.10.0.
   *
   * @param version the cluster's version
   * @return the message
   */
  public static String remoteClusterServerVersionMessage(String version) {
    return "minimum required version for remote cluster server is 8.10.0 but desired version is "
        + version;
  }

  /**
   * ECK's webhook message for {@code spec.remoteClusters[*].apiKey} below 8.10.0.
   *
   * @param version the cluster's version
   * @return the message
   */
  public static String apiKeyVersionMessage(String version) {
    return "minimum required version for remote cluster using API keys is 8.10.0 but desired"
        + " version is " + version;
  }
}
