package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Topology.builder()}, {@code Cluster.builder(...)}: same values as the constructors and the reader. */
class BuildersTest {

  private static final EsVersion V = EsVersion.parse("9.5.3");

  @Test
  void clusterBuilderSetsEveryComponent() {
    ServiceExposure lb = new ServiceExposure(ServiceExposure.Type.LOAD_BALANCER, 9443, true);
    ServiceExposure np = new ServiceExposure(ServiceExposure.Type.NODE_PORT, 30300, false);
    TrustRestrictions trust = new TrustRestrictions(List.of("*.es.example.com"), null);
    EckRef eck = new EckRef("es", "ns", "prod", EsVersion.parse("3.5.0"));
    Cluster built =
        Cluster.builder("a", V, eck)
            .url("https://a.example.com:9200")
            .transportAddress("a.example.com:9300")
            .remoteClusterAddress("a.example.com:9443")
            .serverName("a.example.com")
            .remoteClusterServer(true)
            .license(License.PLATINUM)
            .caFile(Path.of("ca.pem"))
            .remoteClusterCa(CaTrust.PUBLIC)
            .transportCa(CaTrust.PUBLIC)
            .remoteClusterService(lb)
            .transportService(np)
            .trustRestrictions(trust)
            .build();
    Cluster expected =
        new Cluster(
            "a", V, Deployment.ECK, eck, "https://a.example.com:9200", "a.example.com:9300",
            "a.example.com:9443", "a.example.com", true, License.PLATINUM, Path.of("ca.pem"),
            CaTrust.PUBLIC, CaTrust.PUBLIC, lb, np, trust, null);
    assertThat(built).isEqualTo(expected);
    assertThat(built.toBuilder().build()).isEqualTo(expected);
    assertThat(built.toBuilder().serverName(null).build().serverName()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Deployment.class)
  void clusterBuilderWithOnlyTheRequiredPartsIsClusterOf(Deployment deployment) {
    assertThat(Cluster.builder("a", V, deployment).build()).isEqualTo(Cluster.of("a", V, deployment));
  }

  @Test
  void selfManagedTakesRemoteClusterHost() {
    assertThat(
            Cluster.builder("a", V, Deployment.SELF_MANAGED)
                .remoteClusterHost("10.0.0.1")
                .build()
                .remoteClusterHost())
        .isEqualTo("10.0.0.1");
  }

  @ParameterizedTest
  @EnumSource(value = Deployment.class, names = "ECK", mode = EnumSource.Mode.EXCLUDE)
  void serviceExposuresAreOnlyForEck(Deployment deployment) {
    ServiceExposure lb = new ServiceExposure(ServiceExposure.Type.LOAD_BALANCER, null, false);
    assertThatThrownBy(() -> Cluster.builder("a", V, deployment).remoteClusterService(lb).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cluster [a]: [remoteClusterService] is only allowed with deployment [eck], not ["
                + deployment.id() + "]");
    assertThatThrownBy(() -> Cluster.builder("a", V, deployment).transportService(lb).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cluster [a]: [transportService] is only allowed with deployment [eck], not ["
                + deployment.id() + "]");
  }

  @ParameterizedTest
  @EnumSource(value = Deployment.class, names = "SELF_MANAGED", mode = EnumSource.Mode.EXCLUDE)
  void remoteClusterHostIsOnlyForSelfManaged(Deployment deployment) {
    assertThatThrownBy(() -> Cluster.builder("a", V, deployment).remoteClusterHost("h").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cluster [a]: [remoteClusterHost] is only allowed with deployment [self-managed], not ["
                + deployment.id() + "]");
  }

  @Test
  void clusterBuilderKeepsTheConstructorRules() {
    assertThatThrownBy(() -> Cluster.builder("a", V, Deployment.ECH).url("ftp://x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://x");
    assertThatThrownBy(() -> Cluster.builder("a b", V, Deployment.ECH).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster name [a b] is invalid");
    assertThatThrownBy(() -> Cluster.builder("a", V, (EckRef) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("eck");
    assertThatThrownBy(() -> Cluster.builder("a", null, Deployment.ECE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("version");
  }

  @Test
  void topologyBuilderKeepsOrderAndRules() {
    Cluster a = Cluster.of("a", V, Deployment.SELF_MANAGED);
    Cluster b = Cluster.of("b", V, Deployment.ECH);
    Link ab = Link.of("a", "b", "b");
    Link ba = Link.builder("b", "a", "a").mode(Mode.PROXY).build();
    Topology t = Topology.builder().cluster(a).clusters(List.of(b)).link(ab).links(List.of(ba)).build();
    assertThat(t).isEqualTo(new Topology(List.of(a, b), List.of(ab, ba)));
    assertThatThrownBy(() -> Topology.builder().cluster(a).link(ab).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("link refers to unknown cluster [b]");
    assertThatThrownBy(() -> Topology.builder().cluster(a).cluster(a).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate cluster name [a]");
    assertThatThrownBy(() -> Topology.builder().link(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("link");
  }

  @Test
  void theReaderBuildsWhatTheBuildersBuild() {
    String yaml =
        """
        clusters:
          - name: dc1
            version: "8.19.2"
            deployment: self-managed
            url: "https://dc1.example.com:9200"
            remoteClusterHost: "10.0.0.1"
            license: enterprise
          - name: k
            version: "9.5.3"
            deployment: eck
            eck: {name: es, namespace: ns}
            remoteClusterService: {type: LoadBalancer}
        links:
          - local: dc1
            remote: k
            alias: k
            nodeConnections: 5
            access: {replication: [{names: ["orders-*"]}]}
            uses: [replication]
        """;
    Topology read = TopologyReader.parse(yaml, Path.of(".")).orElseThrow();
    Topology built =
        Topology.builder()
            .cluster(
                Cluster.builder("dc1", EsVersion.parse("8.19.2"), Deployment.SELF_MANAGED)
                    .url("https://dc1.example.com:9200")
                    .remoteClusterHost("10.0.0.1")
                    .license(License.ENTERPRISE)
                    .build())
            .cluster(
                Cluster.builder("k", V, new EckRef("es", "ns", "default"))
                    .remoteClusterService(
                        new ServiceExposure(ServiceExposure.Type.LOAD_BALANCER, null, false))
                    .build())
            .link(
                Link.builder("dc1", "k", "k")
                    .nodeConnections(5)
                    .access(
                        new CrossClusterAccess(
                            List.of(), List.of(ReplicationAccess.of("orders-*"))))
                    .uses(Set.of(Use.REPLICATION))
                    .build())
            .build();
    assertThat(read).isEqualTo(built);
  }
}
