package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import io.github.remoteclusters.security.certs.Pem;
import io.github.remoteclusters.testkit.ImpostorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that talks to clusters, against two HTTPS servers whose certificates come from
 * the CA of the topology's {@code caFile} but name other hosts (fakes: {@code WrongHostNameIT}
 * does it against real nodes). Each command fails with exit 1 naming the host and the
 * certificate's names, and neither server receives a request, let alone the credentials.
 */
class WrongHostNameFakeTest {

  static final CertificateAuthority CA = Certificates.createCa(CaRequest.of("cli host-name CA"));
  static final String PASSWORD = "cli-s3cr3t-password";

  static ImpostorServer a;
  static ImpostorServer b;

  @TempDir Path dir;
  Path topology;
  Supplier<Map<String, String>> saved;

  @BeforeAll
  static void start() throws IOException {
    a = ImpostorServer.start(CA, NodeCertificateRequest.forDnsNames("es-a.example"));
    b = ImpostorServer.start(CA,
        NodeCertificateRequest.forDnsNames("es-b.example").withIpAddresses(List.of("10.1.2.3")));
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
  }

  @BeforeEach
  void files() throws IOException {
    Path ca = dir.resolve("ca.crt");
    Files.writeString(ca, Pem.writeCertificates(List.of(CA.certificate())));
    String yaml = "clusters:\n"
        + "  - name: imp-a\n    version: \"9.5.3\"\n    deployment: self-managed\n"
        + "    url: \"" + a.uri() + "\"\n    caFile: ca.crt\n"
        + "    transportAddress: \"127.0.0.1:9300\"\n"
        + "  - name: imp-b\n    version: \"9.5.3\"\n    deployment: self-managed\n"
        + "    url: \"" + b.uri() + "\"\n    caFile: ca.crt\n"
        + "    transportAddress: \"127.0.0.1:9301\"\n"
        + "links:\n  - local: imp-a\n    remote: imp-b\n    alias: hn_link\n    security: none\n";
    topology = dir.resolve("topology.yaml");
    Files.writeString(topology, yaml);
    saved = TopologyOptions.environment;
    TopologyOptions.environment = () -> Map.of(
        "ES_IMP_A_USER", "admin", "ES_IMP_A_PASSWORD", PASSWORD,
        "ES_IMP_B_USER", "admin", "ES_IMP_B_PASSWORD", PASSWORD);
  }

  @AfterEach
  void restore() {
    TopologyOptions.environment = saved;
  }

  @ParameterizedTest
  @ValueSource(strings = {"apply", "apply --dry-run", "apply --json", "status", "status --json"})
  void everyCommandRefusesTheServerBeforeSendingAnything(String command) {
    String[] words = command.split(" ");
    String[] args = new String[words.length + 1];
    args[0] = words[0];
    args[1] = topology.toString();
    System.arraycopy(words, 1, args, 2, words.length - 1);
    CliRun run = CliRun.of(args);
    String all = run.out() + run.err();
    assertThat(run.exitCode()).as(all).isEqualTo(1);
    assertThat(all).contains("refused " + a.uri())
        .contains("Certificate for <127.0.0.1> doesn't match any of the subject alternative names")
        .contains("DNS:es-a.example")
        .contains("no credentials")
        .doesNotContain(PASSWORD);
    assertThat(a.received()).as("requests that reached imp-a").isEmpty();
    assertThat(b.received()).as("requests that reached imp-b").isEmpty();
  }
}
