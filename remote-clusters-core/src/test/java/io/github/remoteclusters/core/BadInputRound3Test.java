package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.security.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21 item 6: size limits before parsing YAML, JSON with trailing content, control
 * characters echoed from input, and inputs that are not regular files.
 */
class BadInputRound3Test {

  static final String VALID_YAML = TopologyReaderYamlTest.VALID;
  static final String VALID_JSON =
      "{\"clusters\":[{\"name\":\"a\",\"version\":\"9.1.3\",\"deployment\":\"self-managed\"},"
          + "{\"name\":\"b\",\"version\":\"9.1.3\",\"deployment\":\"self-managed\"}],"
          + "\"links\":[{\"local\":\"a\",\"remote\":\"b\",\"alias\":\"b\"}]}";

  @TempDir Path dir;

  // ------------------------------------------------------------ sizes before parsing YAML

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain", "double-quoted", "single-quoted", "literal block"})
  void aTenMegabyteYamlValueIsRefusedBeforeParsing(String style) {
    String v = "x".repeat(10_000_000);
    String value = switch (style) {
      case "plain" -> v;
      case "double-quoted" -> "\"" + v + "\"";
      case "single-quoted" -> "'" + v + "'";
      default -> "|\n      " + v;
    };
    String yaml = "clusters:\n  - name: " + value + "\n    version: \"9.5.3\"\nlinks: []\n";
    Problem p = TopologyReaderYamlTest.onlyProblem(yaml);
    assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX);
    assertThat(p.message()).contains("characters, more than ").doesNotContain("xxxxxxxxxx");
  }

  @Test
  void aLongLineIsRefusedWithItsNumberAndTheLimit() {
    String yaml = "clusters:\n  - name: " + "n".repeat(Json.MAX_YAML_LINE) + "\nlinks: []\n";
    Problem p = TopologyReaderYamlTest.onlyProblem(yaml);
    assertThat(p.message()).isEqualTo("line 2, column 1: line 2 has " + (Json.MAX_YAML_LINE + 10)
        + " characters, more than " + Json.MAX_YAML_LINE + ", the longest line read as YAML;"
        + " no value is that long");
  }

  @Test
  void yamlOfManyShortLinesOverTheCodePointLimitIsRefusedBeforeParsing() {
    StringBuilder b = new StringBuilder("clusters:\n");
    while (b.length() <= Json.MAX_YAML_CODE_POINTS) {
      b.append("  - {name: c, version: \"9.1.3\", deployment: self-managed}\n");
    }
    Problem p = TopologyReaderYamlTest.onlyProblem(b.append("links: []\n").toString());
    assertThat(p.message()).startsWith("the YAML input has ")
        .contains("more than " + Json.MAX_YAML_CODE_POINTS + ", the most read as YAML");
  }

  @Test
  void theSameDocumentAsJsonIsNotLimitedByTheYamlRules() {
    // JSON has no quadratic scan: its long value reaches the field rule, which names the field
    String json = VALID_JSON.replace("\"name\":\"a\"", "\"name\":\"" + "n".repeat(200_000) + "\"");
    assertThat(TopologyReader.parse(json).problems())
        .anySatisfy(p -> assertThat(p.message()).startsWith("[name] is too long: 200000 characters"));
  }

  @ParameterizedTest(name = "depth {0}")
  @ValueSource(ints = {1_000, 100_000})
  void deepNestingIsRefusedNotOverflowingTheStack(int depth) {
    String flow = "clusters: " + "[".repeat(depth) + "]".repeat(depth) + "\nlinks: []\n";
    String block = "clusters:\n" + "  a:\n".repeat(Math.min(depth, 5_000)) + "links: []\n";
    for (String yaml : List.of(flow, block)) {
      TopologyReadResult r = TopologyReader.parse(yaml);
      assertThat(r).isInstanceOf(TopologyReadResult.Failed.class);
      assertThat(r.problems()).isNotEmpty();
    }
  }

  // ------------------------------------------------------------ JSON trailing content

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {" x", "{}", "]", "}", " {\"clusters\":[]}", "\n,", " true", " 1", " \"s\""})
  void jsonWithTrailingContentIsRefused(String trailing) {
    Problem p = TopologyReaderYamlTest.onlyProblem(VALID_JSON + trailing);
    assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX);
    assertThat(p.message()).matches("line [12], column \\d+: .*");
  }

  @Test
  void jsonWithTrailingWhitespaceOnlyIsFine() {
    assertThat(TopologyReader.parse(VALID_JSON + " \n\t\r\n")).isInstanceOf(TopologyReadResult.Loaded.class);
    assertThat(TopologyReaderYamlTest.onlyProblem(VALID_JSON + "{}").message())
        .endsWith("unexpected content after the end of the JSON document");
  }

  @Test
  void aSettingsBodyWithTrailingContentIsRefused() {
    var report = io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator.validate(
        "{\"persistent\":{}} {}");
    assertThat(report.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX));
  }

  // ------------------------------------------------------------ files that are not regular

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("topology.yaml");
    Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
    TopologyReadResult r = TopologyReader.read(fifo);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.UNREADABLE);
      assertThat(p.message()).isEqualTo("cannot read [" + fifo + "]: not a regular file (a FIFO,"
          + " device or socket); give a file, or - for standard input");
    });
  }

  @Test
  void aFifoAsCaFileIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("ca.crt");
    Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
    Path topo = dir.resolve("t.yaml");
    Files.writeString(topo, "clusters:\n"
        + "  - {name: a, version: \"9.1.3\", deployment: self-managed, url: \"https://a:9200\","
        + " caFile: ca.crt}\nlinks: []\n");
    assertThat(TopologyReader.read(topo).problems())
        .anySatisfy(p -> assertThat(p.message()).contains("not a regular file"));
    assertThat(io.github.remoteclusters.security.certs.TlsFiles.class).isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> io.github.remoteclusters.security.certs.TlsFiles.read(fifo))
        .hasMessageContaining("not a regular file");
  }

  static boolean mkfifo(Path p) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  // ------------------------------------------------------------ control characters in messages

  static final String[] NASTY = {
    "a\nerror: forged", "\u001b[31mred\u001b[0m", "nul\u0000byte", "abc\u202Edcb", "c1\u009bx",
    "del\u007f", "tab\there", "cr\rhere", "nel\u0085x", "ls\u2028x", "iso\u2066x\u2069",
  };

  static LongStream seeds() {
    return LongStream.range(0, 120);
  }

  /**
   * Random nasty strings in random places (names, aliases, versions, unknown keys, file names), as
   * YAML and as JSON: every problem's path and message is free of control and bidi characters.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyProblemEscapesControlCharactersFromTheInput(long seed) throws IOException {
    Random r = new Random(seed);
    String nasty = NASTY[r.nextInt(NASTY.length)] + (r.nextBoolean() ? "" : NASTY[r.nextInt(NASTY.length)]);
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = (ObjectNode) m.readTree(VALID_JSON);
    int where = r.nextInt(7);
    ObjectNode cluster = (ObjectNode) root.path("clusters").get(0);
    ObjectNode link = (ObjectNode) root.path("links").get(0);
    switch (where) {
      case 0 -> cluster.put("name", nasty);
      case 1 -> link.put("alias", nasty);
      case 2 -> cluster.put("version", nasty);
      case 3 -> cluster.put(nasty, "x");
      case 4 -> cluster.put("caFile", nasty);
      case 5 -> link.put("remote", nasty);
      default -> cluster.put("url", "https://" + nasty + ":9200");
    }
    String json = m.writeValueAsString(root);
    // as YAML: the same tree in flow style, which YAML reads (JSON is YAML); a leading comment
    // makes the reader take the YAML path
    String yaml = "# generated, seed " + seed + "\n" + json;
    for (String text : List.of(json, yaml)) {
      TopologyReadResult read = TopologyReader.parse(text, dir);
      assertThat(read.problems()).as("seed %d, %s", seed, nasty).isNotEmpty();
      for (Problem p : read.problems()) {
        assertThat(p.message().chars().noneMatch(c -> SafeText.isUnsafe((char) c)))
            .as("seed %d: %s", seed, p).isTrue();
        assertThat(p.path().chars().noneMatch(c -> SafeText.isUnsafe((char) c)))
            .as("seed %d: %s", seed, p).isTrue();
      }
    }
  }

  @Test
  void aNewLineInAnAliasIsShownEscapedInOneLine() {
    Problem p = TopologyReaderYamlTest.onlyProblem(
        VALID_YAML.replace("alias: b}", "alias: \"b\\nerror: forged\"}"));
    assertThat(p.message()).contains("b\\nerror: forged").doesNotContain("\n");
  }
}
