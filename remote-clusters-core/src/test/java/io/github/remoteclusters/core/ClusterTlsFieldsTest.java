package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster fields the Elastic docs' TLS steps depend on: CA files or {@code public}, Service
 * exposure, trust restrictions, the ECK operator version and {@code remote_cluster.host}; every
 * bad value is reported with its path.
 */
class ClusterTlsFieldsTest {

  @TempDir Path dir;

  private Path topology(String clusters) throws Exception {
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, "clusters:\n" + clusters);
    return file;
  }

  private static Cluster only(TopologyReadResult r) {
    assertThat(r.problems()).isEmpty();
    return ((TopologyReadResult.Loaded) r).topology().clusters().get(0);
  }

  private static Problem single(TopologyReadResult r) {
    assertThat(r).isInstanceOf(TopologyReadResult.Failed.class);
    assertThat(r.problems()).hasSize(1);
    return r.problems().get(0);
  }

  @Test
  void caFilesAreResolvedAgainstTheTopologyFileAndParsedAsCertificates() throws Exception {
    String pem = Pem.writeCertificates(List.of(Certificates.createCa(CaRequest.of("test ca")).certificate()));
    Files.createDirectories(dir.resolve("certs"));
    Files.writeString(dir.resolve("certs/rcs-ca.crt"), pem);
    Cluster c =
        only(TopologyReader.read(topology(
            "  - {name: a, version: \"9.1.0\", deployment: self-managed,"
                + " remoteClusterCa: certs/rcs-ca.crt, transportCa: public}\n")));
    assertThat(c.remoteClusterCa()).isInstanceOf(CaTrust.PemFile.class);
    CaTrust.PemFile file = (CaTrust.PemFile) c.remoteClusterCa();
    assertThat(file.path()).isEqualTo(dir.resolve("certs/rcs-ca.crt"));
    assertThat(file.certificates()).singleElement()
        .satisfies(x -> assertThat(x.getSubjectX500Principal().getName()).contains("test ca"));
    assertThat(file.pem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(c.transportCa()).isSameAs(CaTrust.PUBLIC);
    assertThat(c.transportCa().isPublic()).isTrue();
  }

  @Test
  void missingCaFileIsReportedWithItsPath() throws Exception {
    Problem p =
        single(TopologyReader.read(topology(
            "  - {name: a, version: \"9.1.0\", deployment: ece, remoteClusterCa: nope.crt}\n")));
    assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
    assertThat(p.path()).isEqualTo("clusters[0].remoteClusterCa");
    assertThat(p.message()).contains("remoteClusterCa [nope.crt] is invalid").contains("relative to the topology file");
  }

  @Test
  void aFileWithoutCertificatesIsNotACa() throws Exception {
    Files.writeString(dir.resolve("key.pem"), "not a certificate\n");
    Problem p =
        single(TopologyReader.read(topology(
            "  - {name: a, version: \"9.1.0\", deployment: ece, transportCa: key.pem}\n")));
    assertThat(p.path()).isEqualTo("clusters[0].transportCa");
    assertThat(p.message()).contains("transportCa [key.pem] is invalid").contains("PEM file of CA certificates");
  }

  @Test
  void servicesAndOperatorVersionOfAnEckCluster() throws Exception {
    Cluster c =
        only(TopologyReader.read(topology(
            "  - name: k\n    version: \"9.1.0\"\n    deployment: eck\n"
                + "    eck: {operatorVersion: \"3.2.0\"}\n"
                + "    remoteClusterService: {type: Ingress, port: 443, tlsTermination: true}\n"
                + "    transportService: {type: NodePort, port: 30300}\n")));
    assertThat(c.eck().operatorVersion()).hasToString("3.2.0");
    assertThat(c.remoteClusterService())
        .isEqualTo(new ServiceExposure(ServiceExposure.Type.INGRESS, 443, true));
    assertThat(c.transportService())
        .isEqualTo(new ServiceExposure(ServiceExposure.Type.NODE_PORT, 30300, false));
    assertThat(c.tlsTerminatedInFront(true)).isTrue();
    assertThat(c.tlsTerminatedInFront(false)).isFalse();
  }

  @Test
  void badServiceFieldsAreReportedWithTheirPaths() throws Exception {
    TopologyReadResult r =
        TopologyReader.read(topology(
            "  - name: k\n    version: \"9.1.0\"\n    deployment: eck\n"
                + "    eck: {operatorVersion: three}\n"
                + "    remoteClusterService: {type: ClusterIP, port: 70000, tls: true}\n"
                + "  - {name: s, version: \"9.1.0\", deployment: ech, transportService: {type: NodePort}}\n"));
    assertThat(r.problems()).extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "clusters[0].eck.operatorVersion",
            "clusters[0].remoteClusterService.tls",
            "clusters[0].remoteClusterService.type",
            "clusters[0].remoteClusterService.port",
            "clusters[1].transportService");
    assertThat(r.problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("expected one of [LoadBalancer, Ingress, NodePort]"))
        .anySatisfy(m -> assertThat(m).contains("port [70000] is invalid"))
        .anySatisfy(m -> assertThat(m).contains("only allowed with deployment [eck], not [ech]"));
  }

  @Test
  void trustRestrictionsFromTrustYmlOrInline() throws Exception {
    Files.writeString(dir.resolve("trust.yml"),
        "trust.subject_name:\n  - \"*.node.abc.cluster.1075.account\"\n"
            + "  - \"*.node.logs.logging.es.local\"\n");
    Cluster fromFile =
        only(TopologyReader.read(topology(
            "  - {name: k, version: \"9.1.0\", deployment: eck, trustRestrictions: trust.yml}\n")));
    assertThat(fromFile.trustRestrictions().subjectNames())
        .containsExactly("*.node.abc.cluster.1075.account", "*.node.logs.logging.es.local");
    assertThat(fromFile.trustRestrictions().source()).isEqualTo(dir.resolve("trust.yml"));
    assertThat(fromFile.trustRestrictions().trustYml())
        .isEqualTo("trust.subject_name:\n  - \"*.node.abc.cluster.1075.account\"\n"
            + "  - \"*.node.logs.logging.es.local\"\n");
    Cluster inline =
        only(TopologyReader.read(topology(
            "  - {name: k, version: \"9.1.0\", deployment: eck, trustRestrictions: [\"*.node.x.y.es.local\"]}\n")));
    assertThat(inline.trustRestrictions().subjectNames()).containsExactly("*.node.x.y.es.local");
    assertThat(inline.trustRestrictions().source()).isNull();
  }

  @Test
  void badTrustRestrictionsAreReported() throws Exception {
    Files.writeString(dir.resolve("trust.yml"), "something: else\n");
    Problem p =
        single(TopologyReader.read(topology(
            "  - {name: k, version: \"9.1.0\", deployment: eck, trustRestrictions: trust.yml}\n")));
    assertThat(p.path()).isEqualTo("clusters[0].trustRestrictions");
    assertThat(p.message()).contains("expected a list [trust.subject_name]");
    Problem empty =
        single(TopologyReader.read(topology(
            "  - {name: k, version: \"9.1.0\", deployment: eck, trustRestrictions: [\"\"]}\n")));
    assertThat(empty.path()).isEqualTo("clusters[0].trustRestrictions[0]");
  }

  @Test
  void remoteClusterHostIsForSelfManagedClustersOnly() throws Exception {
    Cluster c =
        only(TopologyReader.read(topology(
            "  - {name: s, version: \"9.1.0\", deployment: self-managed, remoteClusterHost: \"10.0.0.5\"}\n")));
    assertThat(c.remoteClusterHost()).isEqualTo("10.0.0.5");
    Problem p =
        single(TopologyReader.read(topology(
            "  - {name: k, version: \"9.1.0\", deployment: eck, remoteClusterHost: \"0.0.0.0\"}\n")));
    assertThat(p.path()).isEqualTo("clusters[0].remoteClusterHost");
    assertThat(p.message()).contains("ECK sets remote_cluster.host itself");
  }

  @Test
  void clustersBuiltInCodeKeepTheShortConstructorAndWithers() {
    Cluster c = Cluster.of("a", io.github.remoteclusters.compat.EsVersion.parse("9.1.0"), Deployment.ECK);
    assertThat(c.remoteClusterCa()).isNull();
    Cluster d = c.withRemoteClusterCa(CaTrust.PUBLIC)
        .withServices(ServiceExposure.loadBalancer(), null)
        .withTrustRestrictions(new TrustRestrictions(List.of("*.node.a.default.es.local"), null));
    assertThat(d.remoteClusterCa().isPublic()).isTrue();
    assertThat(d.remoteClusterService().type()).isEqualTo(ServiceExposure.Type.LOAD_BALANCER);
    assertThat(d.toString()).contains("remoteClusterCa=public").contains("trustRestrictions=");
  }
}
