package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.Diagnosis.Code;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.testkit.ClusterSpec;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import io.github.remoteclusters.testkit.TestClusters;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every diagnosis of {@code status} produced by a real failure on real secured 9.5 nodes, and its
 * code and message checked: credentials missing, credentials rejected (a cross-cluster API key
 * invalidated on the remote), a remote signed by an untrusted CA, a server name that does not
 * match the remote's certificate under {@code verification_mode: full}, an API-key link to a
 * remote without a remote cluster server, and a local cluster whose licence is too low for the
 * API-key model. Authentication and licence failures are read from what the local node reports
 * itself ({@code GET _resolve/cluster/<alias>:*}, quoted in the message); TLS failures are not
 * there on 9.5 (only in the local node's log), so the diagnoser shakes hands with the address and
 * compares the presented certificate with the local node's {@code GET _ssl/certificates} and with
 * the host. The name mismatch uses this machine's host name, which must resolve to 127.0.0.1
 * (it is assumed, and the test skipped, where it does not).
 *
 * <p>Uses the shared secured clusters {@code sec-a95} (local) and {@code sec-b95} (remote, with a
 * remote cluster server) and starts one more: {@code diag-x}, signed by a CA nobody else trusts,
 * without a remote cluster server, on a basic licence. An expired key gives the same rejection as
 * an invalidated one on the remote (both fail its API-key authentication); it is not made here
 * because cross-cluster keys cannot be given an expiry in the past and waiting for one would slow
 * the build.
 */
class DiagnosisIT {

  static final CertificateAuthority CA_X = Certificates.createCa(CaRequest.of("diag-it CA X"));

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster a95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  static TestCluster x;

  /**
   * A name of this machine that resolves to 127.0.0.1 but that the kit's certificates do not list
   * (they name {@code localhost} and {@code 127.0.0.1}): the host name.
   */
  static final String OTHER_NAME = otherName();

  static String otherName() {
    try {
      String name = java.net.InetAddress.getLocalHost().getHostName();
      boolean loopback = java.net.InetAddress.getByName(name).getHostAddress().equals("127.0.0.1");
      return loopback && !name.equals("localhost") ? name : null;
    } catch (IOException e) {
      return null;
    }
  }

  static final Map<String, LinkStatus> STATUS = new LinkedHashMap<>();

  @BeforeAll
  static void produceTheFailures() throws IOException {
    x = TestClusters.startAll(Path.of("target", "remote-clusters-testkit", "DiagnosisIT"),
        List.of(ClusterSpec.of("diag-x", "9.5.3").withCa(CA_X)
            .withTrustedCa(b95.tls().ca().certificate()))).get(0);
    x.client().license().postStartBasic(b -> b.acknowledge(true));
    // a real cross-cluster key of the remote, invalidated there
    var key = b95.client().security().createCrossClusterApiKey(k -> k.name("diag-invalidated")
        .access(a -> a.withJson(new StringReader("{\"search\":[{\"names\":[\"*\"]}]}"))));
    b95.client().security().invalidateApiKey(i -> i.ids(key.id()));
    a95.keystore().put(SecuredClusters.setting("dg_rejected"), key.encoded());
    String wellFormed = Base64.getEncoder().encodeToString(
        "AAAAAAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBB".getBytes(StandardCharsets.UTF_8));
    a95.keystore().put(SecuredClusters.setting("dg_sni"), key.encoded());
    a95.keystore().put(SecuredClusters.setting("dg_norcs"), wellFormed);
    x.keystore().put(SecuredClusters.setting("dg_basic"), wellFormed);
    a95.keystore().reload();
    x.keystore().reload();
    String rcs = b95.remoteClusterServerAddress();
    put(a95, Map.of(
        "cluster.remote.dg_nocreds.mode", "proxy",
        "cluster.remote.dg_nocreds.proxy_address", rcs,
        "cluster.remote.dg_rejected.mode", "proxy",
        "cluster.remote.dg_rejected.proxy_address", rcs,
        "cluster.remote.dg_untrusted.mode", "proxy",
        "cluster.remote.dg_untrusted.proxy_address", x.transportAddress(),
        "cluster.remote.dg_norcs.mode", "proxy",
        "cluster.remote.dg_norcs.proxy_address", x.transportAddress()));
    if (OTHER_NAME != null) {
      put(a95, Map.of("cluster.remote.dg_sni.mode", "proxy",
          "cluster.remote.dg_sni.proxy_address", OTHER_NAME + rcs.substring(rcs.lastIndexOf(':'))));
    }
    put(x, Map.of(
        "cluster.remote.dg_basic.mode", "proxy",
        "cluster.remote.dg_basic.proxy_address", rcs));
    List<Link> links = List.of(
        apiKey(a95, b95, "dg_nocreds"), apiKey(a95, b95, "dg_rejected"),
        Link.of(a95.name(), x.name(), "dg_untrusted").withSecurity(SecurityModel.CERTIFICATE)
            .withMode(Mode.PROXY),
        apiKey(a95, b95, "dg_sni"), apiKey(a95, x, "dg_norcs"), apiKey(x, b95, "dg_basic"));
    List<Cluster> clusters = new ArrayList<>();
    for (TestCluster c : List.of(a95, b95, x)) {
      clusters.add(SecuredClusters.cluster(c));
    }
    Topology t = new Topology(clusters, links);
    try (Reconciler r = Reconciler.builder()
        .access(SecuredClusters.access(List.of(a95, b95, x)))
        .verifyTimeout(Duration.ZERO).build()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      // connection attempts are asynchronous: wait until every alias has tried and failed
      do {
        STATUS.clear();
        for (LinkStatus s : r.status(t)) {
          if (s.alias().startsWith("dg_")) {
            STATUS.put(s.alias(), s);
          }
        }
        if (STATUS.values().stream().allMatch(s -> s.diagnosis() != null
            && s.diagnosis().code() != Code.UNKNOWN)) {
          break;
        }
        sleep();
      } while (System.nanoTime() < deadline);
    }
    STATUS.values().forEach(s -> System.out.println("DIAG " + s.alias() + " "
        + (s.diagnosis() == null ? s.state() : s.diagnosis().code() + ": " + s.diagnosis().message())));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (a95 != null) {
      StringBuilder nulls = new StringBuilder("{");
      for (String alias : List.of("dg_nocreds", "dg_rejected", "dg_untrusted", "dg_sni",
          "dg_norcs")) {
        for (String s : List.of("mode", "proxy_address", "seeds", "server_name")) {
          nulls.append(nulls.length() > 1 ? "," : "")
              .append("\"cluster.remote.").append(alias).append('.').append(s).append("\":null");
        }
      }
      String body = "{\"persistent\":" + nulls + "}}";
      a95.client().cluster().putSettings(p -> p.withJson(new StringReader(body)));
      for (String alias : List.of("dg_rejected", "dg_sni", "dg_norcs")) {
        a95.keystore().remove(SecuredClusters.setting(alias));
      }
      a95.keystore().reload();
    }
    if (x != null) {
      x.close();
    }
  }

  static Link apiKey(TestCluster local, TestCluster remote, String alias) {
    return Link.of(local.name(), remote.name(), alias).withSecurity(SecurityModel.API_KEY)
        .withMode(Mode.PROXY);
  }

  static void put(TestCluster c, Map<String, String> settings) throws IOException {
    c.client().cluster().putSettings(p -> p.persistent(json(settings)));
  }

  static Map<String, co.elastic.clients.json.JsonData> json(Map<String, String> m) {
    Map<String, co.elastic.clients.json.JsonData> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, co.elastic.clients.json.JsonData.of(v)));
    return out;
  }

  static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Diagnosis diagnosis(String alias) {
    LinkStatus s = STATUS.get(alias);
    assertThat(s).as(alias).isNotNull();
    assertThat(s.connected()).as(alias).isFalse();
    assertThat(s.diagnosis()).as(alias).isNotNull();
    return s.diagnosis();
  }

  @Test
  void anApiKeyLinkWithoutCredentialsSaysToStoreThem() {
    Diagnosis d = diagnosis("dg_nocreds");
    assertThat(d.code()).isEqualTo(Code.CREDENTIALS_MISSING);
    assertThat(d.message()).contains("cluster.remote.dg_nocreds.credentials")
        .contains("reload_secure_settings");
  }

  @Test
  void aKeyTheRemoteRejectsSaysToCreateANewOne() {
    Diagnosis d = diagnosis("dg_rejected");
    assertThat(d.code()).isEqualTo(Code.CREDENTIALS_REJECTED);
    assertThat(d.message()).contains("[" + b95.name() + "]").contains("new cross-cluster API key");
  }

  @Test
  void aRemoteSignedByAnUntrustedCaSaysWhichCaToTrust() {
    Diagnosis d = diagnosis("dg_untrusted");
    assertThat(d.code()).isEqualTo(Code.UNTRUSTED_CA);
    assertThat(d.message()).contains("certificate_authorities");
  }

  @Test
  void aServerNameTheCertificateDoesNotNameSaysWhichNameToUse() {
    org.junit.jupiter.api.Assumptions.assumeTrue(OTHER_NAME != null,
        "this machine's host name does not resolve to 127.0.0.1");
    Diagnosis d = diagnosis("dg_sni");
    assertThat(d.code()).isEqualTo(Code.SERVER_NAME_MISMATCH);
    assertThat(d.message()).contains(OTHER_NAME).contains("subject alternative names");
  }

  @Test
  void anApiKeyLinkToARemoteWithoutARemoteClusterServerSaysToEnableIt() {
    Diagnosis d = diagnosis("dg_norcs");
    assertThat(d.code()).isEqualTo(Code.REMOTE_CLUSTER_SERVER_DISABLED);
    assertThat(d.message()).contains("remote_cluster_server.enabled");
  }

  @Test
  void aBasicLicenceSaysWhichLicenceTheApiKeyModelNeeds() {
    Diagnosis d = diagnosis("dg_basic");
    assertThat(d.code()).isEqualTo(Code.LICENSE_TOO_LOW);
    assertThat(d.message()).contains("enterprise");
  }
}
