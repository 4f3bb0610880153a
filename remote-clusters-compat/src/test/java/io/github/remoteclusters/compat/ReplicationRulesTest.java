package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the published CCR matrix (rows leader, columns follower), each group tried at its
 * first and last version, combined with "the follower must be the same or newer".
 */
class ReplicationRulesTest {

  private static List<String> members(String group) {
    switch (group) {
      case "5.0-5.5":
        return List.of("5.0", "5.5.3");
      case "6.0-6.6":
        return List.of("6.0", "6.6.2");
      case "7.1-7.16":
        return List.of("7.1", "7.16.3");
      case "8.0-9.0":
        return List.of("8.0", "8.19.5", "9.0.1");
      default:
        return List.of(group, group + ".4");
    }
  }

  static Stream<Arguments> cells() {
    return TableCells.cells("/ccr-compatibility-matrix.csv").stream();
  }

  @Test
  void tableHas81Cells() {
    assertThat(cells()).hasSize(81);
  }

  @ParameterizedTest(name = "leader {0}, follower {1}: matrix {2}")
  @MethodSource("cells")
  void everyCellCombinedWithFollowerSameOrNewer(
      String leaderGroup, String followerGroup, boolean matrix) {
    for (String leader : members(leaderGroup)) {
      for (String follower : members(followerGroup)) {
        EsVersion f = EsVersion.parse(follower);
        EsVersion l = EsVersion.parse(leader);
        CompatibilityVerdict v = Compatibility.replication(f, l);
        boolean expected = matrix && f.compareTo(l) >= 0;
        assertThat(v.supported()).as(follower + " follows " + leader).isEqualTo(expected);
        assertThat(v.basis()).isEqualTo(Basis.DOCUMENTED);
        assertThat(v.use()).isEqualTo(Use.REPLICATION);
      }
    }
  }

  @ParameterizedTest(name = "follower {0} <- leader {1}: {2}")
  @CsvSource({
    "7.17.10, 8.5.0, false, DOCUMENTED, FOLLOWER_OLDER_THAN_LEADER",
    "8.5.0, 7.17.10, true, DOCUMENTED, CCR_TABLE_ALLOWS",
    "9.0.0, 7.17.10, true, DOCUMENTED, CCR_TABLE_ALLOWS",
    "8.5.0, 6.8.0, false, DOCUMENTED, CCR_TABLE_FORBIDS",
    "8.19.2, 8.19.5, false, DOCUMENTED, FOLLOWER_OLDER_THAN_LEADER",
    "8.19.5, 8.19.5, true, DOCUMENTED, CCR_TABLE_ALLOWS",
    "9.1.0, 8.19.5, true, INFERRED, CCR_BEYOND_TABLE_COMPATIBLE",
    "9.1.0, 8.18.3, false, INFERRED, CCR_BEYOND_TABLE_INCOMPATIBLE",
    "9.5.3, 9.0.0, true, INFERRED, CCR_BEYOND_TABLE_COMPATIBLE",
    "9.1.0, 9.2.0, false, DOCUMENTED, FOLLOWER_OLDER_THAN_LEADER",
    "10.0.0, 9.5.0, false, UNKNOWN, LAST_MINOR_NOT_KNOWN",
    "4.6.0, 2.4.0, false, UNKNOWN, NOT_COVERED",
    "8.20.0, 8.19.0, false, UNKNOWN, NEVER_RELEASED",
  })
  void rulesAroundTheTable(
      String follower, String leader, boolean supported, Basis basis, CompatibilityRule rule) {
    CompatibilityVerdict v = Compatibility.check(Use.REPLICATION, follower, leader);
    assertThat(v.supported()).isEqualTo(supported);
    assertThat(v.basis()).isEqualTo(basis);
    assertThat(v.rule()).isEqualTo(rule);
  }

  @Test
  void reasonsNameTheRule() {
    assertThat(Compatibility.check(Use.REPLICATION, "7.17.10", "8.5.0").reason())
        .isEqualTo(
            "7.17.10 cannot follow 8.5.0: the cluster holding follower indices must run the same"
                + " or a newer version than the leader. Upgrade the follower to 8.5.0 or later.");
    assertThat(Compatibility.check(Use.REPLICATION, "8.5.0", "6.8.0").reason())
        .contains("does not allow a 6.8 leader with a 8.0–9.0 follower");
    assertThat(Compatibility.check(Use.REPLICATION, "9.0.0", "8.0.0").reason())
        .contains("the transport rules say the nodes cannot connect");
    assertThat(Compatibility.check(Use.REPLICATION, "9.1.0", "8.19.5").reason())
        .contains("the CCR compatibility matrix ends at 9.0");
  }
}
