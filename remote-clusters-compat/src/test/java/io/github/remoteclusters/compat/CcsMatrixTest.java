package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cell of the published cross-cluster search matrix (a copy kept under test resources). */
class CcsMatrixTest {

  static String publishedCsv() {
    return TableCells.text("/ccs-compatibility-matrix.csv");
  }

  static Stream<Arguments> cells() {
    return TableCells.cells("/ccs-compatibility-matrix.csv").stream();
  }
  @Test
  void tableHas625Cells() {
    assertThat(cells()).hasSize(625);
  }

  @ParameterizedTest(name = "{0} searches {1}: {2}")
  @MethodSource("cells")
  void everyCellIsReproducedAtAnyPatchLevel(String local, String remote, boolean expected) {
    for (String[] pair :
        new String[][] {
          {local, remote},
          {local + ".0", remote + ".0"},
          {local + ".7", remote + ".12"},
          {local + ".3-SNAPSHOT", remote + ".1"}
        }) {
      CompatibilityVerdict v = Compatibility.check(Use.SEARCH, pair[0], pair[1]);
      assertThat(v.supported()).as(pair[0] + " -> " + pair[1]).isEqualTo(expected);
      assertThat(v.basis()).isEqualTo(Basis.DOCUMENTED);
      assertThat(v.local().toString()).isEqualTo(pair[0]);
      assertThat(v.reason()).startsWith(pair[0] + (expected ? " can search " : " cannot search "));
    }
  }

  @ParameterizedTest(name = "the closed-form rule agrees with {0} -> {1}")
  @MethodSource("cells")
  void theClosedFormRuleAgreesWithTheTable(String local, String remote, boolean expected) {
    CompatibilityVerdict v = Compatibility.search(EsVersion.parse(local), EsVersion.parse(remote));
    assertThat(v.rule().allows()).isEqualTo(expected);
    assertThat(v.rule().undecided()).isFalse();
  }

  @Test
  void rendersThePublishedCsvByteForByte() {
    assertThat(CompatibilityMatrix.documented().toCsv()).isEqualTo(publishedCsv());
  }

  @Test
  void rendersMarkdownWithMarkersForInferredAndUnknownCells() {
    CompatibilityMatrix m =
        CompatibilityMatrix.of(
            Use.SEARCH,
            List.of(EsVersion.parse("9.3"), EsVersion.parse("9.5"), EsVersion.parse("10.0")));
    String md = m.toMarkdown();
    assertThat(md)
        .startsWith("| local \\ remote | 9.3 | 9.5 | 10.0 |\n|---|:-:|:-:|:-:|\n")
        .contains("| **9.3** | Y | Y* | N* |")
        .contains("| **9.5** | N* | Y* | ? |")
        .contains("| **10.0** | N* | ? | Y* |")
        .contains("*: inferred");
    assertThat(m.toCsv()).contains("9.5,N,Y,?\n");
  }
}
