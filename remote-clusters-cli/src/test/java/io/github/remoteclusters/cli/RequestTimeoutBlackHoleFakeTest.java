package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --request-timeout} on {@code apply} and {@code status}: bad values are usage errors, and
 * a fake black-hole endpoint (accepts TCP, never answers) ends in a clear error, not a hang.
 */
class RequestTimeoutBlackHoleFakeTest {

  @TempDir Path dir;

  private Path topology(int port) throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:" + port + "\"}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + "links:\n  - {local: a, remote: b, alias: b, security: none}\n");
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5x", "-1s", "0s", "1.5s", "s", "99999999999s"})
  void invalidDurationsAreExit2NamingTheValue(String value) throws IOException {
    Path file = topology(1);
    for (String command : List.of("apply", "status")) {
      CliRun run = CliRun.of(command, file.toString(), "--request-timeout", value);
      assertThat(run.exitCode()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).contains(value).contains("--request-timeout");
    }
  }

  @Test
  void aBlackHoleIsReportedWithClusterRequestAndTimeWaited() throws IOException {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        while (!hole.isClosed()) {
          try {
            held.add(hole.accept());
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      Path file = topology(hole.getLocalPort());

      CliRun apply = CliRun.of("apply", file.toString(), "--json", "--dry-run",
          "--request-timeout", "500ms");
      assertThat(apply.exitCode()).isEqualTo(1);
      JsonNode j = Json.MAPPER.readTree(apply.out());
      assertThat(j.at("/clusters/0/error").asText())
          .startsWith("[a/CONNECT] failed: no answer to GET / after ")
          .endsWith("(request timeout 500 ms)");

      CliRun status = CliRun.of("status", file.toString(), "--json", "--request-timeout", "500ms");
      assertThat(status.exitCode()).isEqualTo(1);
      assertThat(Json.MAPPER.readTree(status.out()).at("/links/0/diagnosis/message").asText())
          .contains("no answer to GET /").contains("500 ms");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
