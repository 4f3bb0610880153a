package io.github.remoteclusters.k8s;

import io.github.remoteclusters.core.EckNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Material read from ECK itself: the CA of an ECK cluster is {@code ca.crt} of its {@code
 * <es>-es-transport-certs-public} Secret, which signs both its transport and its remote cluster
 * server certificates. With a client for each ECK environment, links across environments get
 * their CAs without a person copying them, and a rotated CA reaches the peers at the next
 * reconcile.
 *
 * <p>Experimental API.
 *
 * @since 0.1.0
 */
public final class EckMaterials {

  private EckMaterials() {}

  /**
   * Material that reads the CAs of ECK clusters through the clients of their environments and
   * asks {@code delegate} for everything else (API keys, CAs of clusters outside ECK, and CAs the
   * delegate knows, which take precedence).
   *
   * @param clients a Kubernetes client per ECK environment name
   * @param delegate the other material
   * @return the material
   */
  public static LinkMaterials readingCas(
      Map<String, KubernetesClient> clients, LinkMaterials delegate) {
    Map<String, KubernetesClient> byEnvironment = Map.copyOf(clients);
    Objects.requireNonNull(delegate, "delegate");
    return new LinkMaterials() {
      @Override
      public Optional<Credential> apiKey(Link link) {
        return delegate.apiKey(link);
      }

      @Override
      public Optional<String> remoteClusterCa(Cluster cluster) {
        Optional<String> given = delegate.remoteClusterCa(cluster);
        return given.isPresent() ? given : publicCa(byEnvironment, cluster);
      }

      @Override
      public Optional<String> transportCa(Cluster cluster) {
        Optional<String> given = delegate.transportCa(cluster);
        return given.isPresent() ? given : publicCa(byEnvironment, cluster);
      }

      @Override
      public String toString() {
        return "EckMaterials[environments=" + new java.util.TreeSet<>(byEnvironment.keySet())
            + ", delegate=" + delegate + "]";
      }
    };
  }

  private static Optional<String> publicCa(Map<String, KubernetesClient> clients, Cluster c) {
    if (c.eck() == null || !clients.containsKey(c.eck().environment())) {
      return Optional.empty();
    }
    Secret s;
    try {
      s = clients.get(c.eck().environment())
          .secrets()
          .inNamespace(c.eck().namespace())
          .withName(EckNames.transportCertsPublic(c.eck().name()))
          .get();
    } catch (KubernetesClientException e) {
      // reported as pending material: the link waits for the CA
      return Optional.empty();
    }
    if (s == null || s.getData() == null || s.getData().get(EckNames.CA_CRT) == null) {
      return Optional.empty();
    }
    String pem =
        new String(
            Base64.getDecoder().decode(s.getData().get(EckNames.CA_CRT)), StandardCharsets.UTF_8);
    return pem.isBlank() ? Optional.empty() : Optional.of(pem);
  }
}
