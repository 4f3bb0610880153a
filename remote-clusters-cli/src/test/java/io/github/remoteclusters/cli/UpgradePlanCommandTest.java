package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upgrade-plan}: exit codes, JSON shape and messages. */
class UpgradePlanCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String HUB = Path.of("..", "examples", "upgrades", "hub-and-spoke.yaml")
      .toString();
  private static final String PAIR = Path.of("..", "examples", "upgrades", "ccr-pair.yaml")
      .toString();

  @TempDir Path dir;

  @Test
  void possiblePlanExitsZeroWithOneJsonDocument() throws IOException {
    CliRun run = CliRun.of("upgrade-plan", HUB, "--to", "9.2.0", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().trim().split("\n")).hasSize(1);
    JsonNode json = MAPPER.readTree(run.out());
    assertThat(json.get("possible").asBoolean()).isTrue();
    assertThat(json.get("waves")).hasSize(4);
    JsonNode up = json.get("waves").get(0).get("upgrades").get(0);
    assertThat(up.has("cluster") && up.has("from") && up.has("to")).isTrue();
    assertThat(json.get("waves").get(0).get("steps").get(0).get("action").asText())
        .isEqualTo("UPGRADE_CLUSTER");
    assertThat(json.get("blocking")).isEmpty();
  }

  @Test
  void textPlanNamesWavesAndRules() {
    CliRun run = CliRun.of("upgrade-plan", HUB, "--to", "9.2.0", "--max-per-wave", "2");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("wave 1:", "UPGRADE_CLUSTER on", "LAST_MINOR_TO_NEXT_MAJOR");
  }

  @Test
  void noSafeOrderExitsOneWithBlockingLinksAndWaysOut() throws IOException {
    CliRun run = CliRun.of("upgrade-plan", PAIR, "--to", "9.2.0", "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(run.out());
    assertThat(json.get("possible").asBoolean()).isFalse();
    JsonNode b = json.get("blocking").get(0);
    assertThat(b.get("local").asText()).isEqualTo("east");
    assertThat(b.get("remote").asText()).isEqualTo("west");
    assertThat(b.get("alias").asText()).isEqualTo("west");
    assertThat(b.get("reason").asText()).contains("9.2.0");
    assertThat(json.get("waysOut").get(0).get("kind").asText()).isEqualTo("allow-inferred");
    assertThat(CliRun.of("upgrade-plan", PAIR, "--to", "9.2.0", "--allow", "inferred").exitCode())
        .isZero();
  }

  @Test
  void invalidInputExitsTwoNamingValueAndRule() throws IOException {
    CliRun bad = CliRun.of("upgrade-plan", HUB, "--to", "9.x");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--to", "[9.x]", "MAJOR.MINOR");

    CliRun unknown = CliRun.of("upgrade-plan", HUB, "--to", "9.2.0", "--target", "nope=9.2.0");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("cluster [nope] is not in the topology");

    CliRun down = CliRun.of("upgrade-plan", HUB, "--target", "traces=8.19.0", "--json");
    assertThat(down.exitCode()).isEqualTo(2);
    JsonNode json = MAPPER.readTree(down.out());
    assertThat(json.get("errors").get(0).asText())
        .contains("traces", "8.19.0", "cannot be downgraded");

    CliRun skip = CliRun.of("upgrade-plan", HUB, "--to", "10.0.0");
    assertThat(skip.exitCode()).isEqualTo(2);
    assertThat(skip.err()).contains("no upgrade path", "10.0.0");

    CliRun allow = CliRun.of("upgrade-plan", HUB, "--to", "9.2.0", "--allow", "maybe");
    assertThat(allow.exitCode()).isEqualTo(2);
    assertThat(allow.err()).contains("--allow [maybe]", "documented or inferred");

    Path missing = dir.resolve("missing.yaml");
    CliRun unreadable = CliRun.of("upgrade-plan", missing.toString(), "--to", "9.2.0");
    assertThat(unreadable.exitCode()).isEqualTo(2);
    assertThat(unreadable.err()).contains("missing.yaml");

    Path invalid = Files.writeString(dir.resolve("t.yaml"), "clusters: 3\n");
    assertThat(CliRun.of("upgrade-plan", invalid.toString(), "--to", "9.2.0").exitCode())
        .isEqualTo(2);
  }
}
