package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.k8s.internal.EckNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class EckNamesTest {

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
    assertThat(EckNames.ECK_MANAGED_REMOTE_CLUSTERS)
        .isEqualTo("elasticsearch.k8s.elastic.co/managed-remote-clusters");
  }

  @Test
  void ourNamesNeverTakeEcksOwn() {
    assertThat(EckNames.credentialsSecret("es")).isNotEqualTo(EckNames.eckRemoteApiKeys("es"));
    assertThat(EckNames.remoteCaConfigMap("es")).isNotEqualTo(EckNames.eckRemoteCa("es"));
  }

  @Test
  void annotationIsSortedAndCommaJoinedLikeEck() {
    assertThat(EckNames.joinAliases(List.of("b", "a", "c"))).isEqualTo("a,b,c");
    assertThat(EckNames.joinAliases(List.of())).isEmpty();
    assertThat(EckNames.splitAliases("c,a,,b")).containsExactly("a", "b", "c");
    assertThat(EckNames.splitAliases(null)).isEmpty();
  }

  @Test
  void tooLongNamesGetAClearError() {
    String name = "a".repeat(50);
    assertThat(EckNames.checkLabel(name + "-es-remote-cluster-lb", "Service", name))
        .hasValueSatisfying(m -> assertThat(m).contains("at most 63", "shorten the Elasticsearch name"));
    assertThat(EckNames.checkLabel("ok-name", "Service", "ok")).isEmpty();
    assertThat(EckNames.checkLabel("Bad_Name", "Service", "x"))
        .hasValueSatisfying(m -> assertThat(m).contains("lower-case"));
  }

  @Test
  void eckNameLimitIsEnforcedWithTheLengthInTheMessage() {
    // the topology reader already refuses names over 36; the adapter says why for derived names
    assertThat(EckNames.MAX_ES_NAME).isEqualTo(36);
    String longest = "a".repeat(36);
    assertThat(EckNames.checkLabel(EckNames.remoteClusterLoadBalancer(longest), "Service", longest))
        .isEmpty();
    assertThat(ProblemCode.INVALID_VALUE.severity().id()).isEqualTo("error");
  }
}
