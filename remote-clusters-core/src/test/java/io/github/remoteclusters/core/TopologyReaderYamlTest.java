package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** YAML errors in one line, no silent truncation, aliases and long values reported for what they are. */
class TopologyReaderYamlTest {

  static final String VALID =
      "clusters:\n"
          + "  - {name: a, version: \"9.1.3\", deployment: self-managed, url: \"https://a:9200\"}\n"
          + "  - {name: b, version: \"9.1.3\", deployment: self-managed, url: \"https://b:9200\"}\n"
          + "links:\n  - {local: a, remote: b, alias: b}\n";

  static Problem onlyProblem(String yaml) {
    TopologyReadResult read = TopologyReader.parse(yaml);
    assertThat(read).isInstanceOf(TopologyReadResult.Failed.class);
    assertThat(read.problems()).hasSize(1);
    return read.problems().get(0);
  }

  @Test
  void aYamlSyntaxErrorIsOneLineWithItsPosition() {
    Problem p = onlyProblem("clusters:\n  - name: a\n   version: x\n");
    assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX);
    assertThat(p.message())
        .isEqualTo("line 3, column 4: expected <block end>, but found '<block mapping start>'"
            + " (while parsing a block collection)")
        .doesNotContain("\n")
        .doesNotContain("in 'reader'");
  }

  @Test
  void aBadEscapeIsOneLineToo() {
    Problem p = onlyProblem("clusters: [\"\\q\"]\nlinks: []\n");
    assertThat(p.message()).doesNotContain("\n").doesNotContain("in 'reader'").contains("line 1");
  }

  @Test
  void aSecondDocumentIsAnErrorNotSilentlyDropped() {
    Problem p = onlyProblem(VALID + "---\nclusters: []\nlinks: []\n");
    assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX);
    assertThat(p.message()).startsWith("line 7, column 1: a second YAML document starts here");
    // one document, with or without its markers, is fine
    assertThat(TopologyReader.parse("---\n" + VALID)).isInstanceOf(TopologyReadResult.Loaded.class);
    assertThat(TopologyReader.parse("---\n" + VALID + "...\n"))
        .isInstanceOf(TopologyReadResult.Loaded.class);
  }

  @Test
  void anAliasToAMapIsReportedAsAnAlias() {
    Problem p = onlyProblem(
        "clusters:\n"
            + "  - &a {name: a, version: \"9.1.3\", deployment: self-managed, url: \"https://a:9200\"}\n"
            + "  - *a\n"
            + "links: []\n");
    assertThat(p.path()).isEqualTo("clusters[1]");
    assertThat(p.message())
        .isEqualTo("line 3, column 5: YAML aliases are not supported (*a): write the value out")
        .doesNotContain("a string");
  }

  @Test
  void longValuesAreRefusedAndNotEchoedInFull() {
    String name = "n".repeat(100_000);
    TopologyReadResult read = TopologyReader.parse(VALID.replace("name: a,", "name: " + name + ","));
    assertThat(read.problems()).isNotEmpty();
    assertThat(read.problems().get(0).message())
        .startsWith("[name] is too long: 100000 characters, at most 255 [nnnn")
        .endsWith("...(100000 characters)]")
        .hasSizeLessThan(200);
    assertThat(read.problems()).allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(400));
    // 255 characters are the limit, not an error of their own
    String longest = "a".repeat(255);
    assertThat(TopologyReader.parse(VALID.replace("alias: b", "alias: " + longest)).problems())
        .noneMatch(p -> p.message().contains("too long"));
  }

  @Test
  void longUnknownKeysAndWrongTypedValuesAreShortened() {
    String key = "k".repeat(10_000);
    // JSON: YAML itself refuses keys over 1024 characters
    TopologyReadResult read = TopologyReader.parse(
        "{\"clusters\": [], \"links\": [], \"" + key + "\": 1}");
    assertThat(read.problems().get(0).message()).hasSizeLessThan(200).contains("(10000 characters)");
  }

  @Test
  void orElseThrowGivesTheTopologyOrEveryProblem() {
    assertThat(TopologyReader.parse(VALID).orElseThrow().clusters()).hasSize(2);
    TopologyReadResult failed = TopologyReader.parse("clusters: 5\nlinks: 6\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(failed::orElseThrow)
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessageStartingWith("the topology is invalid: error WRONG_TYPE at clusters:")
        .hasMessageEndingWith("(and 1 more)")
        .satisfies(e -> assertThat(((InvalidTopologyException) e).problems()).isEqualTo(failed.problems()));
  }
}
