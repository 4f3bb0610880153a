package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule for every command that reads a topology: exit 2 when the file cannot be used
 * (unreadable, not YAML or JSON, wrong types, unknown keys, invalid values), 1 when a well-formed
 * topology gets a negative answer. Each input goes through every command.
 */
class ExitCodeConsistencyTest {

  static final String CLUSTER_A =
      "  - {name: a, version: \"9.1.3\", deployment: self-managed, url: \"https://a.invalid:9200\"}\n";

  /** Commands that read a topology file, the file's place marked by FILE. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("validate", "FILE"),
          List.of("validate", "FILE", "--json"),
          List.of("plan", "FILE"),
          List.of("plan", "FILE", "--json"),
          List.of("plan", "FILE", "--format", "curl"),
          List.of("k8s", "render", "FILE"),
          List.of("k8s", "render", "FILE", "--json"),
          List.of("apply", "FILE", "--dry-run"),
          List.of("apply", "FILE", "--dry-run", "--json"),
          List.of("status", "FILE"),
          List.of("status", "FILE", "--json"),
          List.of("watch", "FILE"),
          List.of("watch", "FILE", "--json"));

  static Stream<Arguments> unusableInputs() {
    return Stream.of(
        Arguments.of("empty file", ""),
        Arguments.of("only a comment", "# nothing\n"),
        Arguments.of("not YAML or JSON", "{{{"),
        Arguments.of("wrong type", "clusters: 5\nlinks: []\n"),
        Arguments.of("unknown key", "bogus: 1\nclusters: []\nlinks: []\n"),
        Arguments.of(
            "invalid version",
            "clusters:\n" + CLUSTER_A
                + "  - {name: b, version: \"x\", deployment: self-managed, url: \"https://b.invalid:9200\"}\n"
                + "links:\n  - {local: a, remote: b, alias: b}\n"),
        Arguments.of(
            "invalid deployment",
            "clusters:\n  - {name: a, version: \"9.1.3\", deployment: mainframe}\nlinks: []\n"));
  }

  static Stream<Arguments> everyCommandWithEveryUnusableInput() {
    List<Arguments> out = new ArrayList<>();
    unusableInputs()
        .forEach(input -> COMMANDS.forEach(
            command -> out.add(Arguments.of(input.get()[0], input.get()[1], command))));
    return out.stream();
  }

  @TempDir Path dir;

  private String[] args(List<String> command, Path file) {
    return command.stream().map(a -> a.equals("FILE") ? file.toString() : a).toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("everyCommandWithEveryUnusableInput")
  void unusableInputExitsTwoFromEveryCommand(String name, String content, List<String> command)
      throws IOException {
    Path file = Files.writeString(dir.resolve("topology.yaml"), content);
    CliRun run = CliRun.of(args(command, file));
    assertThat(run.exitCode()).as("%s%nstdout: %s%nstderr: %s", command, run.out(), run.err()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("Exception");
    if (command.contains("--json")) {
      assertThat(run.out().strip()).as("one JSON document").startsWith("{").endsWith("}");
    } else {
      assertThat(run.err()).as("a message on stderr").isNotBlank();
    }
  }

  @ParameterizedTest(name = "missing file: {0}")
  @MethodSource("commands")
  void aMissingFileExitsTwoFromEveryCommand(List<String> command) {
    CliRun run = CliRun.of(args(command, dir.resolve("nope.yaml")));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err() + run.out()).contains("nope.yaml").contains("no such file");
  }

  static Stream<List<String>> commands() {
    return COMMANDS.stream();
  }

  @ParameterizedTest(name = "unsupported pair: {0}")
  @MethodSource("commandsThatPlan")
  void aWellFormedTopologyWithAnUnsupportedPairExitsOne(List<String> command) throws IOException {
    Path file = Files.writeString(dir.resolve("topology.yaml"), "clusters:\n" + CLUSTER_A
        + "  - {name: b, version: \"7.17.9\", deployment: self-managed, url: \"https://b.invalid:9200\"}\n"
        + "links:\n  - {local: a, remote: b, alias: b}\n");
    CliRun run = CliRun.of(args(command, file));
    assertThat(run.exitCode()).as("%s%n%s", command, run.err()).isEqualTo(1);
  }

  static Stream<List<String>> commandsThatPlan() {
    // status reports, and watch watches, links whatever the planner thinks of them
    return COMMANDS.stream().filter(c -> !c.get(0).equals("status") && !c.get(0).equals("watch"));
  }

  @Test
  void jsonWithCurlFormatIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("topology.yaml"), "clusters: []\nlinks: []\n");
    CliRun run = CliRun.of("plan", file.toString(), "--json", "--format", "curl");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--json").contains("--format curl");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest(name = "--eck-version {0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      1.0.0  | ECK version [1.0.0] is not supported: expected an ECK operator version from 2.16 (API-key remote clusters) to 3.x
      2.15.9 | ECK version [2.15.9] is not supported
      4.0.0  | ECK version [4.0.0] is not supported
      abc    | --eck-version [abc] is invalid: expected an ECK operator version MAJOR.MINOR[.PATCH] such as 2.16 or 3.3.0
      """)
  void eckVersionsOutsideTheSupportedRangeAreRefusedInTermsOfEck(String version, String message)
      throws IOException {
    Path file = Files.writeString(dir.resolve("topology.yaml"), "clusters: []\nlinks: []\n");
    CliRun run = CliRun.of("k8s", "render", file.toString(), "--eck-version", version);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("8.19");
  }

  @Test
  void renderingNothingSaysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("topology.yaml"), "clusters: []\nlinks: []\n");
    CliRun run = CliRun.of("k8s", "render", file.toString(), "--eck-version", "2.16");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("nothing to render");
  }

  @Test
  void aVersionNamedTwiceIsOneRowOfTheMatrix() {
    CliRun run = CliRun.of("matrix", "--versions", "8.18,8.18,8.18.0");
    assertThat(run.exitCode()).isZero();
    // a header line and one row
    assertThat(run.out().strip().lines()).hasSize(2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      settings | ''       | is empty: expected a JSON object
      apikey   | ''       | is empty: expected a JSON object
      settings | '  \n'  | is empty: expected a JSON object
      apikey   | '  \n'  | is empty: expected a JSON object
      settings | '[1, 2]' | must be a JSON object but is array
      apikey   | '[1, 2]' | must be a JSON object but is array
      settings | '"x"'    | must be a JSON object but is string
      apikey   | '"x"'    | must be a JSON object but is string
      """)
  void settingsAndApiKeyChecksTreatEmptyAndNonObjectBodiesAlike(
      String command, String body, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("body.json"), body.replace("\\n", "\n"));
    CliRun run = CliRun.of(command, "check", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("[" + file + "] " + message);
    CliRun json = CliRun.of(command, "check", file.toString(), "--json");
    assertThat(json.exitCode()).isEqualTo(2);
    assertThat(json.out().strip()).as("one JSON document").startsWith("{").endsWith("}");
  }

  @Test
  void anExpirationTooLargeForANumberIsNotCalledFractional() throws IOException {
    Path file = Files.writeString(dir.resolve("key.json"),
        "{\"name\":\"k\",\"expiration\":\"99999999999999999999d\",\"access\":{\"search\":[{\"names\":[\"a\"]}]}}");
    CliRun run = CliRun.of("apikey", "check", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("the number is too large").doesNotContain("fractional");
  }
}
