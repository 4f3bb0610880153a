package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.EckNames;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.github.remoteclusters.core.Redaction;
import io.github.remoteclusters.k8s.Credential;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the Secrets, ConfigMaps and Services the adapter owns for one Elasticsearch resource. */
public final class OwnedResources {

  private OwnedResources() {}

  /** How Secret data is written. */
  public enum SecretData {
    /** Real values, base64 in {@code data}: for applying. */
    REAL,
    /** Real values in {@code stringData}: for rendering when explicitly asked. */
    REAL_TEXT,
    /** {@code ::redacted::} placeholders in {@code stringData}: for rendering. */
    PLACEHOLDER
  }

  /**
   * The owned resources of a cluster.
   *
   * @param d what the adapter wants
   * @param liveSecretData the live credentials Secret's data (base64), kept for keys whose API key
   *     is not known now; empty when there is none
   * @param secretData how to write Secret data
   * @return the resources, Secret first
   */
  public static List<HasMetadata> build(
      EsDesired d, Map<String, String> liveSecretData, SecretData secretData) {
    List<HasMetadata> out = new ArrayList<>();
    String es = d.key.name();
    Map<String, String> data = new TreeMap<>();
    for (Map.Entry<String, Optional<Credential>> e : d.credentials.entrySet()) {
      String key = EckNames.credentialsKey(e.getKey());
      if (secretData == SecretData.PLACEHOLDER) {
        data.put(key, Redaction.REDACTED);
      } else if (e.getValue().isPresent()) {
        String v = e.getValue().get().value();
        data.put(key, secretData == SecretData.REAL ? base64(v) : v);
      } else if (liveSecretData.containsKey(key) && secretData == SecretData.REAL) {
        data.put(key, liveSecretData.get(key));
      }
    }
    if (!data.isEmpty()) {
      SecretBuilder b = new SecretBuilder().withMetadata(meta(d, EckNames.credentialsSecret(es)))
          .withType("Opaque");
      // ECK's mark for Secrets that hold credentials (eck-diagnostics leaves their data out)
      b.editMetadata().addToLabels(K8sNames.LABEL_CREDENTIALS, "true").endMetadata();
      if (secretData == SecretData.REAL) {
        b.withData(data);
      } else {
        b.withStringData(data);
        if (secretData == SecretData.PLACEHOLDER) {
          b.editMetadata()
              .addToAnnotations(
                  "remoteclusters.github.io/placeholder",
                  "replace each ::redacted:: value with the encoded cross-cluster API key")
              .endMetadata();
        }
      }
      out.add(b.build());
    }
    if (!d.remoteCas.isEmpty()) {
      Map<String, String> cas = new TreeMap<>();
      d.remoteCas.forEach((alias, pem) -> cas.put(EckNames.remoteCaKey(alias), pem));
      out.add(
          new ConfigMapBuilder()
              .withMetadata(meta(d, EckNames.remoteCaConfigMap(es)))
              .withData(cas)
              .build());
    }
    if (!d.transportCas.isEmpty()) {
      StringBuilder bundle = new StringBuilder();
      for (String pem : d.transportCas.values()) {
        bundle.append(pem.strip()).append('\n');
      }
      out.add(
          new ConfigMapBuilder()
              .withMetadata(meta(d, EckNames.transportCaConfigMap(es)))
              .withData(Map.of(EckNames.CA_CRT, bundle.toString()))
              .build());
    }
    if (d.trustYml != null) {
      out.add(
          new ConfigMapBuilder()
              .withMetadata(meta(d, EckFeatureNames.trustRestrictionsConfigMap(es)))
              .withData(Map.of(EckFeatureNames.TRUST_YML, d.trustYml))
              .build());
    }
    if (!d.clusterSettings.isEmpty()) {
      Map<String, Object> settings = new TreeMap<>();
      d.clusterSettings.forEach((k, v) -> settings.put(k, Serialization.plain(v)));
      out.add(
          new GenericKubernetesResourceBuilder()
              .withApiVersion(EckFeatureNames.SCP_API_VERSION)
              .withKind(EckFeatureNames.SCP_KIND)
              .withMetadata(meta(d, EckFeatureNames.stackConfigPolicy(es)))
              .addToAdditionalProperties(
                  "spec",
                  Map.of(
                      "resourceSelector",
                      Map.of("matchLabels", Map.of(K8sNames.LABEL_FOR_CLUSTER, es)),
                      "elasticsearch",
                      Map.of("clusterSettings", settings)))
              .build());
    }
    if (d.exposeRemoteClusterServer && d.legacyLoadBalancer) {
      out.add(
          new ServiceBuilder()
              .withMetadata(meta(d, EckNames.remoteClusterLoadBalancer(es)))
              .withNewSpec()
              .withType(d.remoteClusterServiceType)
              // like ECK's own remote cluster Service: nodes are reachable before they are ready
              .withPublishNotReadyAddresses(true)
              .addNewPort()
              .withName(K8sNames.REMOTE_CLUSTER_PORT_NAME)
              .withProtocol("TCP")
              .withPort(EckNames.REMOTE_CLUSTER_PORT)
              .withTargetPort(new IntOrString(EckNames.REMOTE_CLUSTER_PORT))
              .endPort()
              .withSelector(
                  new TreeMap<>(
                      Map.of(
                          K8sNames.LABEL_CLUSTER_NAME, es,
                          K8sNames.LABEL_TYPE, "elasticsearch")))
              .endSpec()
              .build());
    }
    return out;
  }

  /** {@return whether the built list holds the credentials Secret} @param built the list */
  public static boolean hasSecret(List<HasMetadata> built) {
    return built.stream().anyMatch(r -> "Secret".equals(r.getKind()));
  }

  /**
   * Our labels for an owned resource of a cluster.
   *
   * @param es the Elasticsearch name
   * @return the labels
   */
  public static Map<String, String> labels(String es) {
    return new TreeMap<>(
        Map.of(K8sNames.LABEL_MANAGED_BY, K8sNames.MANAGED_BY, K8sNames.LABEL_FOR_CLUSTER, es));
  }

  private static ObjectMeta meta(EsDesired d, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(d.key.namespace())
        .withLabels(labels(d.key.name()))
        .build();
  }

  private static String base64(String v) {
    return Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8));
  }
}
