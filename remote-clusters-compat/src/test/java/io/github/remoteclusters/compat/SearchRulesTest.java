package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cross-cluster search beyond the published table, and the reasons given. */
class SearchRulesTest {

  private static CompatibilityVerdict search(String local, String remote) {
    return Compatibility.check(Use.SEARCH, local, remote);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2} ({3}, {4})")
  @CsvSource({
    // before 8.0: same major, or 6.8 with every 7.x
    "6.8, 7.10, true, INFERRED, BEFORE_8_COMPATIBLE",
    "7.10, 6.8, true, INFERRED, BEFORE_8_COMPATIBLE",
    "7.2, 7.16, true, INFERRED, BEFORE_8_COMPATIBLE",
    "7.16, 7.2, true, INFERRED, BEFORE_8_COMPATIBLE",
    "6.2, 6.7, true, INFERRED, BEFORE_8_COMPATIBLE",
    "6.7, 7.0, false, INFERRED, BEFORE_8_INCOMPATIBLE",
    "7.17, 6.8, true, INFERRED, BEFORE_8_COMPATIBLE",
    "7.17, 7.16, true, INFERRED, BEFORE_8_COMPATIBLE",
    // 8.x with 7.x outside the table
    "8.0, 7.16, false, INFERRED, REMOTE_TOO_OLD",
    "7.16, 8.0, false, INFERRED, NOT_LAST_MINOR",
    "6.8, 8.19, false, INFERRED, MAJORS_APART",
    // after 9.3
    "9.4, 9.3, true, INFERRED, PREVIOUS_MINOR",
    "9.4, 9.2, false, INFERRED, REMOTE_TOO_OLD",
    "9.3, 9.7, true, INFERRED, NEWER_MINOR",
    "9.5, 9.5, true, INFERRED, SAME_MINOR",
    "9.4, 8.19, false, INFERRED, REMOTE_TOO_OLD",
    "8.19, 9.6, true, INFERRED, LAST_MINOR_TO_NEXT_MAJOR",
    "8.18, 9.4, false, INFERRED, NOT_LAST_MINOR",
    "10.3, 10.2, true, INFERRED, PREVIOUS_MINOR",
    "11.0, 9.5, false, INFERRED, MAJORS_APART",
    // the last minor of 9.x is not known yet
    "9.5, 10.0, false, UNKNOWN, LAST_MINOR_NOT_KNOWN",
    "9.9, 10.2, false, UNKNOWN, LAST_MINOR_NOT_KNOWN",
    "9.2, 10.0, false, INFERRED, NOT_LAST_MINOR",
    "10.0, 9.5, false, UNKNOWN, PREVIOUS_MINOR_NOT_KNOWN",
    "10.0, 9.3, false, INFERRED, REMOTE_TOO_OLD",
    "10.1, 9.5, false, INFERRED, REMOTE_TOO_OLD",
    // versions that never existed, or before any rule
    "8.20, 8.19, false, UNKNOWN, NEVER_RELEASED",
    "9.1, 7.18, false, UNKNOWN, NEVER_RELEASED",
    "5.6, 6.0, false, UNKNOWN, NOT_COVERED",
  })
  void followsTheDocumentedRulesBeyondTheTable(
      String local, String remote, boolean supported, Basis basis, CompatibilityRule rule) {
    CompatibilityVerdict v = search(local, remote);
    assertThat(v.supported()).isEqualTo(supported);
    assertThat(v.basis()).isEqualTo(basis);
    assertThat(v.rule()).isEqualTo(rule);
    assertThat(v.use()).isEqualTo(Use.SEARCH);
  }

  @Test
  void nineZeroCannotSearchEightNineteenAndSaysWhy() {
    CompatibilityVerdict v = search("9.0.2", "8.19.5");
    assertThat(v.supported()).isFalse();
    assertThat(v.basis()).isEqualTo(Basis.DOCUMENTED);
    assertThat(v.wire().compatible()).isTrue();
    assertThat(v.reason())
        .startsWith("9.0.2 cannot search 8.19.5: from 8.0 a cluster can search only its previous"
            + " minor (8.18)")
        .contains("9.0's previous minor is 8.18 because 8.19 shipped after 9.0")
        .contains("Upgrade the remote cluster to 9.0 or later");
  }

  @Test
  void eightNineteenCanSearchEveryNineX() {
    CompatibilityVerdict v = search("8.19.5", "9.1.0");
    assertThat(v.supported()).isTrue();
    assertThat(v.reason()).contains("8.19 is the last minor of 8.x");
  }

  @Test
  void eightEighteenAndNineZeroReleasedTogether() {
    assertThat(search("8.18.1", "9.0.0").reason())
        .contains("8.18 shipped together with 9.0, which counts 8.18 as its previous minor");
    assertThat(search("9.0.0", "8.18.1").reason()).contains("8.18 is 9.0's previous minor");
    assertThat(search("8.17", "9.0").reason())
        .contains("only the last minor of 8.x (8.19) can search 9.x")
        .contains("8.18, which shipped together with 9.0, pairs with 9.0 only")
        .contains("Upgrade the local cluster to 8.19");
  }

  @Test
  void undecidedVerdictsSaySoInsteadOfGuessing() {
    assertThat(search("9.5", "10.0").reason())
        .isEqualTo(
            "cannot tell whether 9.5 can search 10.0: only the last minor of 9.x can reach the"
                + " next major, and it is not known yet whether 9.5 will be the last.");
    assertThat(search("8.20", "8.19").reason()).contains("8.20 was never released; 8.x ended with 8.19");
  }

  @Test
  void olderRemoteOnSameMajorNamesTheOldestSearchableVersion() {
    assertThat(search("8.10", "8.5").reason())
        .contains("previous minor (8.9)")
        .contains("Upgrade the remote cluster to 8.9 or later");
  }

  @Test
  void everyRuleHasAReasonThatIsNotTheFallback() {
    for (String[] pair :
        new String[][] {{"6.8", "7.1"}, {"6.7", "7.0"}, {"8.1", "8.1"}, {"6.8", "8.0"}}) {
      assertThat(search(pair[0], pair[1]).reason()).doesNotContain("null");
    }
  }
}
