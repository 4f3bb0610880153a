package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings check, validate and plan commands. */
class CoreCommandsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f.toString();
  }

  @Test
  void settingsCheckValidBody() throws IOException {
    String f = write("ok.json",
        "{\"persistent\":{\"cluster\":{\"remote\":{\"a\":{\"seeds\":[\"h:9300\"]}}}}}");
    CliRun run = CliRun.of("settings", "check", f, "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(MAPPER.readTree(run.out()).get("valid").asBoolean()).isTrue();
    assertThat(CliRun.of("settings", "check", f).out()).startsWith("valid");
  }

  @Test
  void settingsCheckInvalidBodyInJson() throws IOException {
    String f = write("bad.json",
        "{\"persistent\":{\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.seeds\":[\"h:1\"]}}");
    CliRun run = CliRun.of("settings", "check", f, "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    JsonNode p = json.get("problems").get(0);
    assertThat(p.get("scope").asText()).isEqualTo("persistent");
    assertThat(p.get("key").asText()).isEqualTo("cluster.remote.a.seeds");
    assertThat(p.get("message").asText()).isEqualTo("Setting \"cluster.remote.a.seeds\" cannot be"
        + " used with the configured \"cluster.remote.a.mode\" [required=SNIFF, configured=PROXY]");
    assertThat(run.out().trim().split("\n")).hasSize(1);
    CliRun text = CliRun.of("settings", "check", f);
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.err()).contains("persistent.cluster.remote.a.seeds: Setting");
  }

  @Test
  void settingsCheckUnreadable() throws IOException {
    assertThat(CliRun.of("settings", "check", write("x.json", "{nope")).exitCode()).isEqualTo(2);
    CliRun missing = CliRun.of("settings", "check", dir.resolve("missing.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: cannot read");
  }

  @Test
  void validateExamples() throws IOException {
    CliRun ok = CliRun.of("validate", EXAMPLES.resolve("2-eck-to-other-eck.yaml").toString(), "--json");
    assertThat(ok.exitCode()).isZero();
    assertThat(MAPPER.readTree(ok.out()).get("valid").asBoolean()).isTrue();
    CliRun bad = CliRun.of("validate",
        EXAMPLES.resolve("problems/version-and-ports.yaml").toString(), "--json");
    assertThat(bad.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(bad.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    JsonNode first = json.get("problems").get(0);
    assertThat(first.get("severity").asText()).isIn("error", "warning");
    assertThat(first.has("code")).isTrue();
    assertThat(first.get("path").asText()).startsWith("links[");
  }

  @Test
  void validateFormatErrorsAndUnreadableFiles() throws IOException {
    String f = write("t.yaml", "clusters: []\nlinks:\n  - {local: a, remote: b, alias: \"x.y\"}\n");
    CliRun run = CliRun.of("validate", f, "--json");
    // an invalid value: the file cannot be used (exit 2), as for every command
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(MAPPER.readTree(run.out()).at("/problems/0/path").asText()).isEqualTo("links[0].alias");
    assertThat(CliRun.of("validate", write("s.yaml", "clusters: [\n")).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("validate", dir.resolve("none.yaml").toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void planJsonHasTheDocumentedShape() throws IOException {
    CliRun run = CliRun.of("plan", EXAMPLES.resolve("2-eck-to-other-eck.yaml").toString(), "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().trim().split("\n")).hasSize(1);
    JsonNode link = MAPPER.readTree(run.out()).get("links").get(0);
    assertThat(link.get("local").asText()).isEqualTo("search-eu");
    assertThat(link.get("remote").asText()).isEqualTo("logs-us");
    assertThat(link.get("alias").asText()).isEqualTo("logs-us");
    assertThat(link.get("security").asText()).isEqualTo("api-key");
    assertThat(link.get("mode").asText()).isEqualTo("proxy");
    assertThat(link.has("warnings")).isTrue();
    assertThat(link.has("errors")).isTrue();
    JsonNode put = null;
    for (JsonNode s : link.get("steps")) {
      if (s.get("action").asText().equals("PUT_REMOTE_SETTINGS")) {
        put = s;
      }
    }
    assertThat(put.get("target").asText()).isEqualTo("search-eu");
    assertThat(put.at("/request/method").asText()).isEqualTo("PUT");
    assertThat(put.at("/request/path").asText()).isEqualTo("/_cluster/settings");
    assertThat(put.at("/request/body/persistent/cluster/remote/logs-us/mode").asText())
        .isEqualTo("proxy");
    JsonNode patch = link.get("steps").get(0);
    assertThat(patch.at("/resource/kind").asText()).isEqualTo("Elasticsearch");
    assertThat(patch.has("patch")).isTrue();
  }

  @Test
  void planTextAndCurlAndErrors() throws IOException {
    String example = EXAMPLES.resolve("7-self-managed-to-self-managed.yaml").toString();
    CliRun text = CliRun.of("plan", example);
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("1. TRUST_CA on dc1");
    CliRun curl = CliRun.of("plan", example, "--format", "curl");
    assertThat(curl.out()).startsWith("#!/usr/bin/env bash").contains("es DC1 -X PUT");
    CliRun bad = CliRun.of("plan", EXAMPLES.resolve("problems/version-and-ports.yaml").toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).contains("NOT PLANNED");
    CliRun unreadable = CliRun.of("plan", write("u.yaml", "{"), "--json");
    assertThat(unreadable.exitCode()).isEqualTo(2);
    assertThat(MAPPER.readTree(unreadable.out()).get("errors").get(0).get("code").asText())
        .isEqualTo("SYNTAX");
  }
}
