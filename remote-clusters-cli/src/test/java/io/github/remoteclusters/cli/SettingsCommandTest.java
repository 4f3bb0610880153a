package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings check} on bodies whose outcome was taken from 9.5.3 and 8.19.21 nodes. */
class SettingsCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode check(String body, int exitCode) throws IOException {
    Path f = dir.resolve("body.json");
    Files.writeString(f, body);
    CliRun run = CliRun.of("settings", "check", f.toString(), "--json");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
    return MAPPER.readTree(run.out());
  }

  @Test
  void theFirstProblemIsTheOneANodeReports() throws IOException {
    JsonNode json = check("{\"persistent\":{\"cluster.remote.a.skip_unavailable\":\"x\"},"
        + "\"transient\":{\"cluster.remote.b.proxy\":\"h:1\"}}", 1);
    assertThat(json.at("/problems/0/scope").asText()).isEqualTo("persistent");
    assertThat(json.at("/problems/0/message").asText())
        .isEqualTo("Failed to parse value [x] as only [true] or [false] are allowed.");
    assertThat(json.at("/problems/1/scope").asText()).isEqualTo("transient");
    assertThat(json.at("/problems/1/key").asText()).isEqualTo("cluster.remote.b.proxy");
    assertThat(json.at("/problems/1/message").asText()).isEqualTo(
        "missing required setting [cluster.remote.b.seeds] for setting [cluster.remote.b.proxy]");
  }

  @Test
  void whatNodesAcceptIsValid() throws IOException {
    JsonNode json = check("{\"persistant\":{\"x\":1},\"persistent\":{\"cluster\":{\"remote\":"
        + "{\"a\":{\"seeds\":\"h:1,\",\"proxy\":\"g:1\"}}}}}", 0);
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("problems")).isEmpty();
  }

  @Test
  void aFieldTwiceIsInvalidNotUnreadable() throws IOException {
    JsonNode json = check(
        "{\"persistent\":{\"cluster.remote.a.seeds\":\"h:1\",\"cluster.remote.a.seeds\":\"h:2\"}}", 1);
    assertThat(json.at("/problems/0/message").asText())
        .isEqualTo("[1:71] Duplicate field 'cluster.remote.a.seeds'");
  }
}
