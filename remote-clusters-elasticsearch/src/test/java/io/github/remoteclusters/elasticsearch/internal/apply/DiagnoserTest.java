package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.Diagnosis.Code;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnoserTest {

  static Cluster c(String name, String version, String url, String transport, String rcs) {
    return new Cluster(name, EsVersion.parse(version), Deployment.SELF_MANAGED, null, url,
        transport, rcs, null, null, null);
  }

  final Cluster local = c("local", "9.5.3", "http://127.0.0.1:9200", "127.0.0.1:9300", null);
  final Cluster remote = c("remote", "9.5.3", "http://10.0.0.2:9200", "10.0.0.2:9300", "10.0.0.2:9443");
  final Cluster other = c("other", "9.5.3", null, "10.0.0.3:9300", null);
  final Cluster ancient = c("ancient", "7.17.0", null, "10.0.0.4:9300", null);
  final Diagnoser d = new Diagnoser(new Topology(List.of(local, remote, other, ancient), List.of()));

  static RemoteInfo sniff(String seed, Boolean credentials) {
    return new RemoteInfo.Sniff(false, List.of(seed), 0, 3, true, "30s", credentials);
  }

  @Test
  void incompatibleVersions() {
    var r = d.diagnose(local, null, "a", sniff("10.0.0.4:9300", null), ancient, null,
        SecurityModel.NONE);
    assertThat(r.code()).isEqualTo(Code.INCOMPATIBLE_VERSIONS);
    assertThat(r.message()).contains("9.5.3").contains("7.17.0");
  }

  @Test
  void httpAddressAsSeed() {
    var r = d.diagnose(local, null, "a", sniff("10.0.0.2:9200", null), remote, null,
        SecurityModel.NONE);
    assertThat(r.code()).isEqualTo(Code.HTTP_PORT_AS_SEED);
    assertThat(r.message()).contains("use 10.0.0.2:9300");
  }

  @Test
  void wrongPortForTheSecurityModel() {
    assertThat(d.diagnose(local, null, "a", sniff("10.0.0.2:9300", true), remote, null,
        SecurityModel.API_KEY).code()).isEqualTo(Code.WRONG_PORT_FOR_SECURITY_MODEL);
    var r = d.diagnose(local, null, "a", sniff("10.0.0.2:9443", false), remote, null,
        SecurityModel.CERTIFICATE);
    assertThat(r.code()).isEqualTo(Code.WRONG_PORT_FOR_SECURITY_MODEL);
    assertThat(r.message()).contains("use 10.0.0.2:9300");
  }

  @Test
  void addressOfAnotherCluster() {
    var r = d.diagnose(local, null, "a", sniff("10.0.0.3:9300", null), remote, null,
        SecurityModel.NONE);
    assertThat(r.code()).isEqualTo(Code.NAME_MISMATCH);
    assertThat(r.message()).contains("[other]");
  }

  @Test
  void unreachableAndAnsweringAddresses() throws IOException {
    assertThat(d.diagnose(local, null, "a", sniff("127.0.0.1:1", null), null, null, null).code())
        .isEqualTo(Code.UNREACHABLE);
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      var r = d.diagnose(local, null, "a", sniff("127.0.0.1:" + s.getLocalPort(), null), null,
          null, null);
      assertThat(r.code()).isEqualTo(Code.UNKNOWN);
      assertThat(r.message()).contains("handshake");
    }
  }

  @Test
  void anApiKeyLinkWithoutCredentialsIsMissingThemNotAWrongPort() {
    var r = d.diagnose(local, null, "a", sniff("10.0.0.2:9443", false), remote, null,
        SecurityModel.API_KEY);
    assertThat(r.code()).isEqualTo(Code.CREDENTIALS_MISSING);
    assertThat(r.message()).contains("cluster.remote.a.credentials")
        .contains("_nodes/reload_secure_settings");
  }

  @Test
  void anApiKeyLinkToARemoteWithoutServerSaysToEnableIt() {
    Cluster plain = new Cluster("plain", EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED, null,
        null, "10.0.0.5:9300", null, null, false, null);
    Diagnoser dd = new Diagnoser(new Topology(List.of(local, plain), List.of()));
    var r = dd.diagnose(local, null, "a", sniff("10.0.0.5:9300", true), plain, null,
        SecurityModel.API_KEY);
    assertThat(r.code()).isEqualTo(Code.REMOTE_CLUSTER_SERVER_DISABLED);
    assertThat(r.message()).contains("remote_cluster_server.enabled");
  }

  /** The texts real 9.5 nodes report in {@code _resolve/cluster} (seen in DiagnosisIT). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "unable to authenticate user [ECjCGqIBup3SO18CjwtB] for action"
          + " [cluster:internal/remote_cluster/handshake] | CREDENTIALS_REJECTED",
      "current license is non-compliant for [advanced-remote-cluster-security] | LICENSE_TOO_LOW",
      "PKIX path building failed: unable to find valid certification path to requested target"
          + " | UNTRUSTED_CA",
      "No subject alternative DNS name matching vm found. | SERVER_NAME_MISMATCH",
      "(certificate_unknown) No subject alternative names matching IP address 127.0.0.1 found"
          + " | SERVER_NAME_MISMATCH"})
  void classifiesWhatTheLocalNodeReports(String reported, Code code) {
    Diagnosis r = Diagnoser.fromReport("[a] on [local]", "a", "10.0.0.2:9443", local, remote,
        reported);
    assertThat(r).isNotNull();
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.message()).contains(reported);
  }

  @Test
  void anUnknownReportIsLeftToTheProbes() {
    assertThat(Diagnoser.fromReport("[a] on [local]", "a", "10.0.0.2:9300", local, remote,
        "connect_exception: something else")).isNull();
  }
}
