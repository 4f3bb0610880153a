package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.watch.CertificateExpiry;
import io.github.remoteclusters.elasticsearch.watch.LinkEvent;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.Rotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code watch} without a cluster: invalid input exits 2 before anything is probed, with a message
 * naming the option and the value; the JSON line of a change has the documented fields.
 */
class WatchCommandTest {

  @TempDir Path dir;

  Path topology() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\"}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + "links:\n  - {local: a, remote: b, alias: b, security: none}\n");
    return file;
  }

  static Stream<Arguments> invalidOptions() {
    return Stream.of(
        Arguments.of(List.of("--interval", "0s"), "duration [0s] is invalid"),
        Arguments.of(List.of("--interval", "soon"), "duration [soon] is invalid"),
        Arguments.of(List.of("--metrics-port", "70000"), "--metrics-port [70000]"),
        Arguments.of(List.of("--metrics-port", "-1"), "--metrics-port [-1]"),
        Arguments.of(List.of("--rotate-before", "7d"), "--rotate-before needs --credentials-command"),
        Arguments.of(List.of("--credentials-command", " "), "a credentials command must not be blank"),
        Arguments.of(List.of("--credentials-timeout", "0"), "--credentials-timeout [0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOptions")
  void invalidOptionIsExit2NamingIt(List<String> options, String message) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("watch", topology().toString()));
    args.addAll(options);
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("at io.github");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unreadableTopologyIsExit2() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "clusters: [\n");
    CliRun run = CliRun.of("watch", file.toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(Json.MAPPER.readTree(run.out()).get("problems")).isNotEmpty();
  }

  @Test
  void aMetricsPortInUseIsExit2() throws IOException {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      CliRun run = CliRun.of("watch", topology().toString(), "--metrics-port",
          String.valueOf(taken.getLocalPort()));
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("cannot serve metrics on [127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void theJsonLineOfAChangeHasTheDocumentedFields() throws IOException {
    Instant t = Instant.parse("2026-12-06T03:00:00Z");
    LinkView before = new LinkView("a", "b", "rb", LinkStatus.State.CONNECTED, null, true,
        t.plusSeconds(60), List.of());
    LinkView now = new LinkView("a", "b", "rb", LinkStatus.State.DISCONNECTED,
        new Diagnosis(Diagnosis.Code.CREDENTIALS_REJECTED, "rejected"), true, t.plusSeconds(60),
        List.of(new CertificateExpiry("CN=rb", t.plusSeconds(3600),
            CertificateExpiry.Source.REMOTE_LEAF, "rb:9443")));
    LinkEvent e = new LinkEvent(t, now, before,
        new Rotation(false, false, t.plusSeconds(60), "not rotated: no writer"));
    JsonNode j = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(WatchCommand.toJson(e)));
    assertThat(j.get("time").asText()).isEqualTo("2026-12-06T03:00:00Z");
    assertThat(j.get("local").asText()).isEqualTo("a");
    assertThat(j.get("alias").asText()).isEqualTo("b");
    assertThat(j.get("remote").asText()).isEqualTo("rb");
    assertThat(j.get("state").asText()).isEqualTo("disconnected");
    assertThat(j.get("connected").asBoolean()).isFalse();
    assertThat(j.at("/diagnosis/code").asText()).isEqualTo("credentials_rejected");
    assertThat(j.at("/diagnosis/message").asText()).isEqualTo("rejected");
    assertThat(j.get("supported").asBoolean()).isTrue();
    assertThat(j.get("keyExpiry").asText()).isEqualTo("2026-12-06T03:01:00Z");
    assertThat(j.at("/certificates/0/subject").asText()).isEqualTo("CN=rb");
    assertThat(j.at("/certificates/0/source").asText()).isEqualTo("remote_leaf");
    assertThat(j.at("/rotation/rotated").asBoolean()).isFalse();
    assertThat(j.at("/rotation/oldKeysInvalidated").asBoolean()).isFalse();
    assertThat(j.at("/rotation/expiredAt").asText()).isEqualTo("2026-12-06T03:01:00Z");
    assertThat(j.get("previousState").asText()).isEqualTo("connected");
    assertThat(WatchCommand.text(e)).contains("a/b: disconnected credentials_rejected: rejected");
  }
}
