package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.testkit.ClusterSpec;
import io.github.remoteclusters.testkit.Credentials;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;
import io.github.remoteclusters.testkit.TestClusters;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The certificate model on real TLS clusters whose CAs our security module made: two clusters,
 * each signed by its own CA and trusting the other's (mutual trust), linked both ways by the
 * reconciler; the plan's role steps carried out; a cross-cluster search. A remote signed by a CA
 * the local cluster does not trust does not connect.
 */
@SuppressWarnings("rawtypes")
class CertificateLinkIT {

  static final CertificateAuthority CA_A = Certificates.createCa(CaRequest.of("cert-it CA A"));
  static final CertificateAuthority CA_B = Certificates.createCa(CaRequest.of("cert-it CA B"));

  /** Signed by the kit's default CA, which neither cert-a nor cert-b trusts. */
  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster untrusted;

  static TestCluster certA;
  static TestCluster certB;

  @BeforeAll
  static void start() throws IOException {
    List<TestCluster> started = TestClusters.startAll(
        java.nio.file.Path.of("target", "remote-clusters-testkit", "CertificateLinkIT"),
        List.of(
            ClusterSpec.of("cert-a", "9.5.3").withCa(CA_A).withTrustedCa(CA_B.certificate()),
            ClusterSpec.of("cert-b", "9.5.3").withCa(CA_B).withTrustedCa(CA_A.certificate())));
    certA = started.get(0);
    certB = started.get(1);
    for (TestCluster c : started) {
      c.client().index(i -> i.index("cert_docs").id("1")
          .document(Map.of("msg", "cert_docs on " + c.name())).refresh(Refresh.True));
    }
  }

  @AfterAll
  static void stop() {
    for (TestCluster c : new ArrayList<>(java.util.Arrays.asList(certA, certB))) {
      if (c != null) {
        c.close();
      }
    }
  }

  static List<TestCluster> all() {
    return List.of(certA, certB, untrusted);
  }

  static Link certLink(TestCluster local, TestCluster remote, String alias) {
    return Link.of(local.name(), remote.name(), alias)
        .withSecurity(SecurityModel.CERTIFICATE).withMode(Mode.SNIFF);
  }

  static Topology topology(List<Link> links) {
    return new Topology(all().stream().map(SecuredClusters::cluster).toList(), links);
  }

  static Reconciler reconciler(OwnershipStore store, Duration verify) {
    return Reconciler.builder().ownership(store).access(SecuredClusters.access(all()))
        .verifyTimeout(verify).build();
  }

  @Test
  void mutualTrustWithOurCasConnectsBothWaysAndSearchesWithThePlannedRoles() throws IOException {
    assertThat(certA.tls().ca()).isEqualTo(CA_A);
    assertThat(certA.tls().trusted()).containsExactly(CA_A.certificate(), CA_B.certificate());
    OwnershipStore store = OwnershipStore.inMemory();
    Topology t = topology(List.of(certLink(certA, certB, "to_b"), certLink(certB, certA, "to_a")));
    TopologyPlan plan = io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(t);
    List<PlanStep> steps = new ArrayList<>();
    plan.links().forEach(r -> steps.addAll(((PlanResult.Planned) r).plan().steps()));
    // the plan asks for trust of each other's CA (done here at start) and same-named roles
    assertThat(steps).anySatisfy(s -> assertThat(s.action()).isEqualTo(StepAction.TRUST_CA));
    assertThat(steps).anySatisfy(s -> {
      assertThat(s).isInstanceOf(ManualStep.class);
      assertThat(s.description()).contains("authorizes by role name");
    });
    try (Reconciler r = reconciler(store, Duration.ofSeconds(60))) {
      ApplyReport report = r.apply(t, plan);
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      assertThat(report.links()).hasSize(2).allSatisfy(l -> {
        assertThat(l.status().connected()).as(l.alias()).isTrue();
        assertThat(l.status().info().credentials()).isFalse();
      });
      // the manual role step, carried out: the same role name on both sides
      String role = "{\"indices\":[{\"names\":[\"cert_docs\"],"
          + "\"privileges\":[\"read\",\"read_cross_cluster\",\"view_index_metadata\"]}]}";
      for (TestCluster c : List.of(certA, certB)) {
        c.client().security().putRole(p -> p.name("cert_reader")
            .withJson(new StringReader(role)));
        c.client().security().putUser(u -> u.username("cert_user").password("cert-user-pw")
            .roles("cert_reader"));
      }
      var asUser = certA.clientAs(new Credentials("cert_user", "cert-user-pw"));
      SearchResponse<Map> hits = asUser.search(s -> s.index("to_b:cert_docs"), Map.class);
      assertThat(hits.hits().hits()).singleElement()
          .satisfies(h -> assertThat(h.source().get("msg")).isEqualTo("cert_docs on cert-b"));
      SearchResponse<Map> back = certB.clientAs(new Credentials("cert_user", "cert-user-pw"))
          .search(s -> s.index("to_a:cert_docs"), Map.class);
      assertThat(back.hits().hits()).singleElement()
          .satisfies(h -> assertThat(h.source().get("msg")).isEqualTo("cert_docs on cert-a"));
    } finally {
      try (Reconciler r = reconciler(store, Duration.ZERO)) {
        r.apply(topology(List.of()));
      }
    }
  }

  @Test
  void aRemoteSignedByAnUntrustedCaDoesNotConnect() throws IOException {
    OwnershipStore store = OwnershipStore.inMemory();
    Topology t = topology(List.of(certLink(certA, untrusted, "to_untrusted")));
    try (Reconciler r = reconciler(store, Duration.ofSeconds(10))) {
      ApplyReport report = r.apply(t);
      assertThat(report.succeeded()).isFalse();
      LinkResult lr = report.links().get(0);
      assertThat(lr.status().connected()).isFalse();
      System.out.println("UNTRUSTED CA diagnosis: " + lr.status().diagnosis());
      String log = java.nio.file.Files.readString(certA.logFile());
      assertThat(log).contains("PKIX path building failed");
    } finally {
      try (Reconciler r = reconciler(store, Duration.ZERO)) {
        r.apply(topology(List.of()));
      }
    }
  }
}
