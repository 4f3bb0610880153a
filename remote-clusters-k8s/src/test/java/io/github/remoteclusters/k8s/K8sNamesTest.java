package io.github.remoteclusters.k8s;

import io.github.remoteclusters.k8s.internal.K8sNames;
import io.github.remoteclusters.core.EckNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class K8sNamesTest {

  @Test
  void namesFollowEck() {
    assertThat(EckNames.transportService("es")).isEqualTo("es-es-transport");
    assertThat(EckNames.remoteClusterService("es")).isEqualTo("es-es-remote-cluster");
    assertThat(EckNames.transportCertsPublic("es")).isEqualTo("es-es-transport-certs-public");
    assertThat(EckNames.eckRemoteCa("es")).isEqualTo("es-es-remote-ca");
    assertThat(EckNames.eckRemoteApiKeys("es")).isEqualTo("es-es-remote-api-keys");
    assertThat(EckNames.apiKeyName("ns", "es", "a")).isEqualTo("eck-ns-es-a");
    assertThat(EckNames.remoteClusterHost("es", "ns")).isEqualTo("es-es-remote-cluster.ns.svc");
    assertThat(EckNames.transportHost("es", "ns")).isEqualTo("es-es-transport.ns.svc");
    assertThat(EckNames.credentialsKey("a")).isEqualTo("cluster.remote.a.credentials");
    assertThat(K8sNames.ECK_MANAGED_REMOTE_CLUSTERS)
        .isEqualTo("elasticsearch.k8s.elastic.co/managed-remote-clusters");
  }

  @Test
  void ourNamesNeverTakeEcksOwn() {
    assertThat(EckNames.credentialsSecret("es")).isNotEqualTo(EckNames.eckRemoteApiKeys("es"));
    assertThat(EckNames.remoteCaConfigMap("es")).isNotEqualTo(EckNames.eckRemoteCa("es"));
  }

  @Test
  void annotationIsSortedAndCommaJoinedLikeEck() {
    assertThat(K8sNames.joinAliases(List.of("b", "a", "c"))).isEqualTo("a,b,c");
    assertThat(K8sNames.joinAliases(List.of())).isEmpty();
    assertThat(K8sNames.splitAliases("c,a,,b")).containsExactly("a", "b", "c");
    assertThat(K8sNames.splitAliases(null)).isEmpty();
  }

  /** ECK's {@code Test_getCurrentRemoteClusters} ({@code remotecluster/elasticsearch_test.go}). */
  @Test
  void managedRemoteClustersAnnotationIsReadLikeEck() {
    // "Read from a nil annotation should be ok"
    assertThat(K8sNames.splitAliases(null)).isEmpty();
    // "Read from an empty annotation"
    assertThat(K8sNames.splitAliases("")).isEmpty();
    // "Decode annotation into a list of remote cluster"
    assertThat(K8sNames.splitAliases("ns2-cluster-2,ns5-cluster-8"))
        .containsExactly("ns2-cluster-2", "ns5-cluster-8");
  }

  /** What ECK's {@code annotateWithCreatedRemoteClusters} writes: sorted, comma-joined. */
  @Test
  void managedRemoteClustersAnnotationIsWrittenLikeEck() {
    assertThat(K8sNames.joinAliases(List.of("ns1-es5", "ns1-es2", "ns1-es4")))
        .isEqualTo("ns1-es2,ns1-es4,ns1-es5");
    assertThat(K8sNames.joinAliases(List.of("ns1-es2", "ns1-es2"))).isEqualTo("ns1-es2");
  }

  /** Seeds of {@code TestUpdateSettings} and the e2e tests: 9300 for certificates, 9443 for keys. */
  @Test
  void serviceHostsAndPortsFollowEck() {
    assertThat(EckNames.transportHost("es2", "ns2") + ":" + EckNames.TRANSPORT_PORT)
        .isEqualTo("es2-es-transport.ns2.svc:9300");
    assertThat(EckNames.remoteClusterHost("es2", "ns2") + ":" + EckNames.REMOTE_CLUSTER_PORT)
        .isEqualTo("es2-es-remote-cluster.ns2.svc:9443");
    assertThat(K8sNames.REMOTE_CLUSTER_PORT_NAME).isEqualTo("rcs");
    assertThat(K8sNames.LABEL_CLUSTER_NAME).isEqualTo("elasticsearch.k8s.elastic.co/cluster-name");
    assertThat(K8sNames.LABEL_TYPE).isEqualTo("common.k8s.elastic.co/type");
  }

  /** {@code reconcileAPIKeys}: {@code eck-<client namespace>-<client name>-<alias>}. */
  @Test
  void apiKeyNameIsEcksFormat() {
    assertThat(EckNames.apiKeyName("ns1", "es1", "ns2-es2")).isEqualTo("eck-ns1-es1-ns2-es2");
  }
}
