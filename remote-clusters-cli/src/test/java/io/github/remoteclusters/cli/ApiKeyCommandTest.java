package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ApiKeyCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String stdin, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine commandLine = new CommandLine(new ApiKeyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    ApiKeyCommand.Check check = commandLine.getSubcommands().get("check").getCommand();
    check.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return commandLine.execute(args);
  }

  @Test
  void invalidBodyExitsOneWithElasticsearchMessage() throws Exception {
    Path file = dir.resolve("key.json");
    Files.writeString(file, "{\"name\":\"k\",\"access\":{\"replication\":[{\"names\":[\"a\"],\"query\":{\"match_all\":{}}}]}}");
    assertThat(run("", "check", file.toString(), "--json")).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("problems").get(0).get("path").asText()).isEqualTo("access.replication[0]");
    assertThat(json.get("problems").get(0).get("message").asText())
        .isEqualTo("replication does not support document or field level security");
  }

  @Test
  void validBodyFromStdinExitsZeroWithWarningsAndRoleDescriptor() throws Exception {
    assertThat(run("{\"name\":\"k\",\"access\":{\"search\":{\"names\":\"*\"}}}", "check", "-", "--remote-version", "8.15", "--json"))
        .isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("warnings").findValuesAsText("code")).contains("ALL_INDICES", "NO_EXPIRATION");
    assertThat(json.get("roleDescriptor").get("cross_cluster").get("cluster").toString()).contains("monitor_enrich");
    assertThat(run("{\"name\":\"k\",\"expiration\":\"1d\",\"access\":{\"search\":{\"names\":\"logs\"}}}", "check", "-")).isZero();
    assertThat(out.toString()).startsWith("valid");
  }

  @Test
  void unreadableInputExitsTwo() {
    assertThat(run("{not json", "check", "-")).isEqualTo(2);
    assertThat(err.toString()).contains("not well-formed JSON").doesNotContain("\tat ");
    assertThat(run("", "check", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(run("{}", "check", "-", "--remote-version", "eight")).isEqualTo(2);
    assertThat(err.toString()).contains("version [eight] is invalid");
  }

  @Test
  void secretsInTheBodyAreNotEchoed() {
    String secret = "c2VjcmV0LXZhbHVlLTEyMzQ1Ng";
    assertThat(run("{\"name\":\"k\",\"api_key\":\"" + secret + "\",\"access\":{\"search\":{\"names\":\"a\"}}}", "check", "-", "--json"))
        .isEqualTo(1);
    assertThat(out.toString() + err).doesNotContain(secret).contains("unknown field [api_key]");
  }
}
