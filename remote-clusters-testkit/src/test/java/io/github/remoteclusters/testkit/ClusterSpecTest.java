package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {

  @Test
  void settingsAreCopiedAndAdded() {
    ClusterSpec spec = ClusterSpec.of("a", "9.5.3").withSetting("node.attr.zone", "z1");
    assertThat(spec.settings()).isEqualTo(Map.of("node.attr.zone", "z1"));
    assertThat(spec.withSetting("node.attr.zone", "z2").settings())
        .containsEntry("node.attr.zone", "z2");
  }

  @Test
  void anInvalidNameIsRefusedWithTheRule() {
    assertThatThrownBy(() -> ClusterSpec.of("My Cluster", "9.5.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cluster name [My Cluster] is invalid: use 1 to 64 lower-case letters, digits, '_'"
                + " and '-', starting with a letter or digit");
  }

  @Test
  void aRemoteClusterServerOrACaNeedsTls() {
    assertThatThrownBy(
            () ->
                new ClusterSpec(
                    "a", "9.5.3", Map.of(), Security.AUTHENTICATION, true, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cluster [a] has security AUTHENTICATION: a remote cluster server, a CA and trusted"
                + " CAs need security TLS");
    ClusterSpec server = ClusterSpec.of("a", "9.5.3").withRemoteClusterServer();
    assertThat(server.security()).isEqualTo(Security.TLS);
    assertThat(server.remoteClusterServer()).isTrue();
    CertificateAuthority ca = Certificates.createCa(CaRequest.of("spec test CA"));
    ClusterSpec signed = ClusterSpec.of("b", "9.5.3").withCa(ca).withTrustedCa(ca.certificate());
    assertThat(signed.security()).isEqualTo(Security.TLS);
    assertThat(signed.ca()).isEqualTo(ca);
    assertThat(signed.trustedCas()).containsExactly(ca.certificate());
    assertThat(ClusterSpec.of("c", "9.5.3").security()).isEqualTo(Security.NONE);
  }

  @Test
  void credentialsNeverShowThePassword() {
    Credentials c = new Credentials("admin", "s3cret-pw");
    assertThat(c.toString()).contains("admin").doesNotContain("s3cret-pw");
    assertThat(c.basicAuthorization()).isEqualTo("Basic YWRtaW46czNjcmV0LXB3");
  }

  @Test
  void anExceptionNamesClusterVersionLogAndTail() {
    TestClusterException e =
        new TestClusterException(
            "a", "9.5.3", "did not start within 5s", Path.of("a.log"), "boom", null);
    assertThat(e.getMessage())
        .isEqualTo(
            "[a/9.5.3] did not start within 5s\nlog: a.log\n--- last lines of the log ---\nboom");
    assertThat(e.logFile()).contains(Path.of("a.log"));
  }
}
