package io.github.remoteclusters.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.k8s.Credential;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** What this adapter wants on one ECK {@code Elasticsearch} resource and around it. */
public final class EsDesired {
  /** The resource. */
  public final EsKey key;
  /** The topology's cluster. */
  public final Cluster cluster;
  /** ECK {@code spec.remoteClusters} entries by alias (same environment links). */
  public final Map<String, ObjectNode> remoteClusters = new LinkedHashMap<>();
  /** Aliases configured through nodeSet config (links ECK does not automate). */
  public final TreeSet<String> configAliases = new TreeSet<>();
  /** NodeSet config keys for every nodeSet. */
  public final Map<String, JsonNode> config = new TreeMap<>();
  /** Whether the remote cluster server must be enabled. */
  public boolean remoteClusterServer;
  /** Whether to expose the remote cluster server through a LoadBalancer. */
  public boolean exposeRemoteClusterServer;
  /** Whether to expose the transport Service through a LoadBalancer. */
  public boolean exposeTransport;
  /** Whether ECK is older than 3.3 (separate LoadBalancer Service). */
  public boolean legacyLoadBalancer;
  /** API keys by alias; empty when pending. */
  public final Map<String, Optional<Credential>> credentials = new TreeMap<>();
  /** Remote cluster server CAs by alias. */
  public final Map<String, String> remoteCas = new TreeMap<>();
  /** Extra transport CAs by peer cluster name. */
  public final Map<String, String> transportCas = new TreeMap<>();
  /** The Service type for the remote cluster server when exposed. */
  public String remoteClusterServiceType = "LoadBalancer";
  /** The Service type for the transport layer when exposed. */
  public String transportServiceType = "LoadBalancer";
  /** The {@code trust.yml} content of the transport trust filter, or null. */
  public String trustYml;
  /**
   * {@code cluster.remote.*} settings for ECK's {@code StackConfigPolicy} (dynamic: no restart)
   * instead of nodeSet config.
   */
  public final Map<String, JsonNode> clusterSettings = new TreeMap<>();
  /** Whether ECK may deliver secure settings as file-based settings (ES 9.5+, ECK 3.5+). */
  public boolean fileBasedSecureSettings;

  /**
   * Creates an empty desired state.
   *
   * @param key the resource
   * @param cluster the cluster, or null when the resource is only being cleaned up
   */
  public EsDesired(EsKey key, Cluster cluster) {
    this.key = key;
    this.cluster = cluster;
  }

  /** {@return all aliases this adapter manages on the resource} */
  public TreeSet<String> aliases() {
    TreeSet<String> all = new TreeSet<>(remoteClusters.keySet());
    all.addAll(configAliases);
    return all;
  }
}
