package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompatCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void jsonVerdictForAnUnsupportedButConnectablePair() throws IOException {
    CliRun run = CliRun.of("compat", "9.0.2", "8.19.5", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode json = MAPPER.readTree(run.out());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .startsWith("local", "remote", "use", "supported", "basis", "wireCompatible", "reason");
    assertThat(json.get("local").asText()).isEqualTo("9.0.2");
    assertThat(json.get("remote").asText()).isEqualTo("8.19.5");
    assertThat(json.get("use").asText()).isEqualTo("search");
    assertThat(json.get("supported").asBoolean()).isFalse();
    assertThat(json.get("basis").asText()).isEqualTo("documented");
    assertThat(json.get("wireCompatible").asBoolean()).isTrue();
    assertThat(json.get("reason").asText()).contains("8.18");
    assertThat(run.out().trim().split("\n")).hasSize(1);
  }

  @Test
  void supportedExitsZeroWithReadableText() {
    CliRun run = CliRun.of("compat", "8.19.5", "9.1.0");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("search 8.19.5 -> 9.1.0: supported (documented)\n");
  }

  @Test
  void replicationTakesLocalAsFollower() throws IOException {
    CliRun ok = CliRun.of("compat", "8.5.0", "7.17.10", "--use", "replication", "--json");
    assertThat(ok.exitCode()).isZero();
    assertThat(MAPPER.readTree(ok.out()).get("use").asText()).isEqualTo("replication");
    CliRun no = CliRun.of("compat", "7.17.10", "8.5.0", "--use", "replication");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.out()).contains("follower");
  }

  @Test
  void undecidedIsNegativeAndSaysSo() throws IOException {
    CliRun run = CliRun.of("compat", "9.5", "10.0", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(run.out());
    assertThat(json.get("basis").asText()).isEqualTo("unknown");
    assertThat(json.get("wireCompatible").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8", "8.x", "eight", "", "-1.2"})
  void invalidVersionExitsTwoWithAMessageAndNoStackTrace(String bad) {
    CliRun run = CliRun.of("compat", bad, "9.1.0", "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("[" + bad + "]").contains("MAJOR.MINOR").doesNotContain("\tat ");
  }

  @Test
  void badUseAndMissingArgumentsAreUsageErrors() {
    CliRun badUse = CliRun.of("compat", "9.0.0", "9.1.0", "--use", "teleport");
    assertThat(badUse.exitCode()).isEqualTo(2);
    assertThat(badUse.err()).contains("use [teleport] is invalid");
    assertThat(CliRun.of("compat", "9.0.0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("nonsense").exitCode()).isEqualTo(2);
  }

  @Test
  void matrixWithoutVersionsIsThePublishedCsvByteForByte() throws IOException {
    String published;
    try (InputStream in = getClass().getResourceAsStream("/ccs-compatibility-matrix.csv")) {
      published = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    CliRun run = CliRun.of("matrix", "--format", "csv");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(published);
    assertThat(CliRun.of("matrix").out()).isEqualTo(published);
  }

  @Test
  void matrixForChosenVersionsAsMarkdownAndJson() throws IOException {
    CliRun md = CliRun.of("matrix", "--versions", "8.18,8.19,9.0", "--format", "markdown");
    assertThat(md.exitCode()).isZero();
    assertThat(md.out())
        .contains("| **8.18** | Y | Y | Y |")
        .contains("| **8.19** | Y | Y | Y |")
        .contains("| **9.0** | Y | N | Y |");
    CliRun json = CliRun.of("matrix", "--versions", "8.18,9.0", "--use", "replication", "--format", "json");
    JsonNode node = MAPPER.readTree(json.out());
    assertThat(node.get("cells")).hasSize(4);
    assertThat(node.get("use").asText()).isEqualTo("replication");
  }

  @Test
  void matrixRejectsBadVersions() {
    CliRun run = CliRun.of("matrix", "--versions", "8.18,nine");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("[nine]");
  }
}
