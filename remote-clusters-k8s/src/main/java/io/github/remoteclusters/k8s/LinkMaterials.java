package io.github.remoteclusters.k8s;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret and trust material a topology does not hold: API keys and CA certificates that an
 * operator obtained elsewhere (created on a remote cluster, copied from another Kubernetes
 * cluster, uploaded by a person).
 *
 * <p>Only links that ECK does not automate need material: links to another ECK environment or to
 * an external cluster. When material is missing, the adapter writes everything else and reports
 * the link as {@link LinkPhase#PENDING}.
 *
 * <p>Experimental SPI.
 *
 * @since 0.1.0
 */
public interface LinkMaterials {

  /**
   * The {@code encoded} cross-cluster API key for an API-key link, stored as {@code
   * cluster.remote.<alias>.credentials} in the local cluster's secure settings.
   *
   * @param link the link
   * @return the key, or empty when not (yet) known
   */
  Optional<Credential> apiKey(Link link);

  /**
   * The PEM CA certificate(s) that sign the certificate of a cluster's remote cluster server (port
   * 9443); for ECK, {@code ca.crt} of {@code <es>-es-transport-certs-public}.
   *
   * @param cluster the remote cluster
   * @return the PEM text, or empty when not known (or publicly trusted)
   */
  Optional<String> remoteClusterCa(Cluster cluster);

  /**
   * The PEM CA certificate(s) of a cluster's transport layer (certificate model); for ECK, {@code
   * ca.crt} of {@code <es>-es-transport-certs-public}.
   *
   * @param cluster the cluster
   * @return the PEM text, or empty when not known
   */
  Optional<String> transportCa(Cluster cluster);

  /** {@return material that knows nothing: every link that needs material is pending} */
  static LinkMaterials none() {
    return of(Map.of(), Map.of(), Map.of());
  }

  /**
   * Material from maps.
   *
   * @param apiKeys encoded API keys by {@code local/alias}
   * @param remoteClusterCas remote cluster server CAs by cluster name
   * @param transportCas transport CAs by cluster name
   * @return the material
   */
  static LinkMaterials of(
      Map<String, Credential> apiKeys,
      Map<String, String> remoteClusterCas,
      Map<String, String> transportCas) {
    Map<String, Credential> keys = Map.copyOf(apiKeys);
    Map<String, String> rcs = Map.copyOf(remoteClusterCas);
    Map<String, String> transport = Map.copyOf(transportCas);
    return new LinkMaterials() {
      @Override
      public Optional<Credential> apiKey(Link link) {
        Objects.requireNonNull(link, "link");
        return Optional.ofNullable(keys.get(link.local() + "/" + link.alias()));
      }

      @Override
      public Optional<String> remoteClusterCa(Cluster cluster) {
        return Optional.ofNullable(rcs.get(cluster.name()));
      }

      @Override
      public Optional<String> transportCa(Cluster cluster) {
        return Optional.ofNullable(transport.get(cluster.name()));
      }

      @Override
      public String toString() {
        return "LinkMaterials[apiKeys=" + new java.util.TreeSet<>(keys.keySet())
            + " (values redacted), remoteClusterCas=" + new java.util.TreeSet<>(rcs.keySet())
            + ", transportCas=" + new java.util.TreeSet<>(transport.keySet()) + "]";
      }
    };
  }
}
