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
}
