package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code apply} and {@code status} reach clusters: {@code ES_<NAME>_*} variables, the
 * cluster's {@code caFile}, {@code --credentials-command}; unusable settings are exit 2 before
 * anything is read, and never print a secret.
 */
class ClusterReachTest {

  @TempDir Path dir;

  @AfterEach
  void restoreEnvironment() {
    TopologyOptions.environment = System::getenv;
  }

  private Path topology() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: dc-1, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\"}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + "links:\n  - {local: dc-1, remote: b, alias: b, security: none}\n");
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"apply", "status"})
  void aUserWithoutPasswordIsExit2NamingTheVariable(String command) throws IOException {
    TopologyOptions.environment = () -> Map.of("ES_DC_1_USER", "elastic");
    CliRun run = CliRun.of(command, topology().toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("ES_DC_1_PASSWORD is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apply", "status"})
  void twoWaysToAuthenticateIsExit2WithoutPrintingEither(String command) throws IOException {
    TopologyOptions.environment =
        () -> Map.of("ES_DC_1_API_KEY", "S3CRETKEY", "ES_DC_1_USER", "u", "ES_DC_1_PASSWORD", "pw0rd");
    CliRun run = CliRun.of(command, topology().toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err()).doesNotContain("S3CRETKEY").doesNotContain("pw0rd");
  }

  @Test
  void credentialsFromTheEnvironmentReachTheClusterAndAreNeverPrinted() throws IOException {
    TopologyOptions.environment = () -> Map.of("ES_DC_1_USER", "elastic", "ES_DC_1_PASSWORD", "pw0rd/x@y");
    CliRun run = CliRun.of("apply", topology().toString(), "--json", "--dry-run");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("cannot reach");
    assertThat(run.out() + run.err()).doesNotContain("pw0rd");
  }

  @Test
  void aRemoveCommandAloneOrABlankCommandIsUnusableInput() throws IOException {
    Path file = topology();
    assertThat(CliRun.of("apply", file.toString(), "--credentials-remove-command", "true").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("apply", file.toString(), "--credentials-command", " ").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("apply", file.toString(), "--credentials-command", "cat",
        "--credentials-timeout", "0").exitCode()).isEqualTo(2);
  }
}
