package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CertsCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return new CommandLine(new CertsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void caIssueVerifyRoundTrip() throws Exception {
    assertThat(run("ca", "--out", dir.resolve("ca").toString(), "--cn", "Test CA", "--key", "rsa2048")).isZero();
    assertThat(dir.resolve("ca/ca.crt")).exists();
    assertThat(dir.resolve("ca/ca.key")).exists();
    assertThat(run("issue", "--ca", dir.resolve("ca").toString(), "--out", dir.resolve("node").toString(),
        "--dns", "es.example.com", "--dns", "es-2.example.com", "--ip", "10.0.0.1")).isZero();
    String chain = dir.resolve("node/tls.crt").toString();
    String trust = dir.resolve("ca/ca.crt").toString();
    assertThat(run("verify", "--chain", chain, "--trust", trust, "--server-name", "es-2.example.com")).isZero();
    assertThat(out.toString()).startsWith("trusted");
    assertThat(run("verify", "--chain", chain, "--trust", trust, "--server-name", "other.org", "--json")).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("trusted").asBoolean()).isFalse();
    assertThat(json.get("findings").get(0).get("code").asText()).isEqualTo("NAME_MISMATCH");
    assertThat(run("verify", "--chain", chain, "--trust", trust, "--at", "2100-01-01T00:00:00Z", "--json")).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(out.toString()).get("findings").get(0).get("code").asText()).isEqualTo("EXPIRED");
    String all = out + err.toString();
    assertThat(all).doesNotContain(Files.readString(dir.resolve("node/tls.key")).split("\n")[1]);
  }

  @Test
  void existingKeysAndCertificatesAreNeverOverwrittenWithoutForce() throws Exception {
    Path ca = dir.resolve("ca");
    assertThat(run("ca", "--out", ca.toString())).isZero();
    String key = Files.readString(ca.resolve("ca.key"));
    String cert = Files.readString(ca.resolve("ca.crt"));
    assertThat(run("ca", "--out", ca.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("[" + ca.resolve("ca.crt") + "] exists: refusing to overwrite it")
        .contains("--force");
    assertThat(Files.readString(ca.resolve("ca.key"))).isEqualTo(key);
    Files.delete(ca.resolve("ca.crt"));
    assertThat(run("ca", "--out", ca.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("ca.key] exists: refusing to overwrite it (a private key)");
    Files.writeString(ca.resolve("ca.crt"), cert);

    // issuing into the CA's own directory keeps its identical ca.crt
    assertThat(run("issue", "--ca", ca.toString(), "--out", ca.toString(), "--dns", "n")).isZero();
    String nodeKey = Files.readString(ca.resolve("tls.key"));
    assertThat(run("issue", "--ca", ca.toString(), "--out", ca.toString(), "--dns", "n")).isEqualTo(2);
    assertThat(err.toString()).contains("tls.crt] exists");
    assertThat(Files.readString(ca.resolve("tls.key"))).isEqualTo(nodeKey);
    // a different ca.crt in --out is not replaced either
    Path node = dir.resolve("node");
    Files.createDirectories(node);
    Files.writeString(node.resolve("ca.crt"), "other\n");
    assertThat(run("issue", "--ca", ca.toString(), "--out", node.toString(), "--dns", "n")).isEqualTo(2);
    assertThat(err.toString()).contains("ca.crt] exists");

    assertThat(run("issue", "--ca", ca.toString(), "--out", ca.toString(), "--dns", "n", "--force")).isZero();
    assertThat(Files.readString(ca.resolve("tls.key"))).isNotEqualTo(nodeKey);
    assertThat(run("ca", "--out", ca.toString(), "--force")).isZero();
    assertThat(Files.readString(ca.resolve("ca.key"))).isNotEqualTo(key);
  }

  @Test
  void twoDefaultCasHaveDifferentNames() throws Exception {
    assertThat(run("ca", "--out", dir.resolve("one").toString())).isZero();
    assertThat(run("ca", "--out", dir.resolve("two").toString())).isZero();
    String one = io.github.remoteclusters.security.certs.TlsFiles.readCa(dir.resolve("one"))
        .certificate().getSubjectX500Principal().getName();
    String two = io.github.remoteclusters.security.certs.TlsFiles.readCa(dir.resolve("two"))
        .certificate().getSubjectX500Principal().getName();
    assertThat(one).startsWith("CN=remote-clusters CA ").isNotEqualTo(two);
  }

  @Test
  void badInputExitsTwoWithoutStackTrace() {
    assertThat(run("verify", "--chain", dir.resolve("missing.crt").toString(), "--trust", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("error: [").doesNotContain("\tat ");
    assertThat(run("ca", "--out", dir.toString(), "--key", "dsa")).isEqualTo(2);
    assertThat(err.toString()).contains("key algorithm [dsa] is invalid");
    assertThat(run("ca", "--out", dir.toString(), "--days", "0")).isEqualTo(2);
    assertThat(run("issue", "--ca", dir.resolve("nope").toString(), "--out", dir.toString(), "--dns", "x")).isEqualTo(2);
    assertThat(run("verify", "--chain", "a", "--trust", "b", "--at", "yesterday", "--json")).isEqualTo(2);
    assertThat(out.toString()).startsWith("{");
    assertThat(run("issue")).isEqualTo(2);
  }

  @Test
  void keyFilesGivenAsCertificatesAreRefusedWithoutShowingTheKey() throws Exception {
    assertThat(run("ca", "--out", dir.resolve("ca").toString())).isZero();
    assertThat(run("issue", "--ca", dir.resolve("ca").toString(), "--out", dir.resolve("node").toString(),
        "--dns", "es.example.com")).isZero();
    String nodeKey = Files.readString(dir.resolve("node/tls.key"));
    String caKey = Files.readString(dir.resolve("ca/ca.key"));
    StringBuilder all = new StringBuilder();
    assertThat(run("verify", "--chain", dir.resolve("node/tls.key").toString(), "--trust",
        dir.resolve("ca/ca.crt").toString(), "--json")).isEqualTo(2);
    all.append(out).append(err);
    assertThat(run("verify", "--chain", dir.resolve("node/tls.crt").toString(), "--trust",
        dir.resolve("ca/ca.key").toString())).isEqualTo(2);
    all.append(out).append(err);
    // a corrupted key body must not be echoed by issue either
    Files.writeString(dir.resolve("ca/ca.key"), caKey.replaceFirst("\n(.{8})", "\n!!!!!!!!"));
    assertThat(run("issue", "--ca", dir.resolve("ca").toString(), "--out", dir.resolve("node2").toString(),
        "--dns", "x.example.com")).isEqualTo(2);
    all.append(out).append(err);
    assertThat(all.toString()).contains("error: [")
        .doesNotContain(nodeKey.split("\n")[1].substring(8, 40))
        .doesNotContain(caKey.split("\n")[1].substring(8, 40));
  }
}
