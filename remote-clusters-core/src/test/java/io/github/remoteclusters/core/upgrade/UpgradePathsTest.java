package io.github.remoteclusters.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented upgrade-path rule, and the hops around 8.18, 8.19 and 9.0. */
class UpgradePathsTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    // within a major: any later minor or patch
    "8.17.0, 8.19.3, true, any later minor or patch",
    "8.17.0, 8.17.4, true, any later minor or patch",
    "9.0.2, 9.2.0, true, any later minor or patch",
    // 9.0 from 8.18 (released together) or 8.19 (the last minor); 9.1+ only from 8.19
    "8.18.2, 9.0.5, true, released together",
    "8.19.1, 9.0.5, true, last minor of the previous major",
    "8.18.2, 9.1.0, false, must start from 8.19, not 8.18",
    "8.18.2, 9.2.0, false, must start from 8.19, not 8.18",
    "8.19.4, 9.1.0, true, last minor of the previous major",
    "8.19.4, 9.2.0, true, last minor of the previous major",
    "8.17.6, 9.0.0, false, must start from 8.18 or 8.19, not 8.17",
    // 8.x from 7.17 only
    "7.17.20, 8.0.0, true, last minor of the previous major",
    "7.17.20, 8.19.0, true, last minor of the previous major",
    "7.16.3, 8.0.0, false, must start from 7.17, not 7.16",
    // 7.x from 6.8, and 7.0 also from 6.7
    "6.8.23, 7.10.0, true, last minor of the previous major",
    "6.7.2, 7.0.1, true, released together",
    "6.7.2, 7.1.0, false, must start from 6.8, not 6.7",
    // no skipped majors, no downgrades, no pre-releases, no versions that never existed
    "7.17.20, 9.0.0, false, majors cannot be skipped",
    "9.1.0, 9.0.5, false, cannot be downgraded",
    "9.1.0, 9.1.0, false, already on 9.1.0",
    "9.0.0-rc1, 9.0.1, false, pre-release build",
    "9.0.2, 9.1.0-beta1, false, for testing only",
    "8.19.2, 8.20.0, false, 8.20 was never released",
  })
  void directUpgrade(String from, String to, boolean allowed, String reason) {
    UpgradePaths.Hop hop = UpgradePaths.check(EsVersion.parse(from), EsVersion.parse(to));
    assertThat(hop.allowed()).as(hop.reason()).isEqualTo(allowed);
    assertThat(hop.reason()).contains(reason);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = ';', value = {
    "8.17.0; 9.2.0; 8.17.0 8.19 9.2.0",
    "8.18.1; 9.0.3; 8.18.1 9.0.3",
    "8.18.1; 9.1.0; 8.18.1 8.19 9.1.0",
    "7.10.2; 9.1.0; 7.10.2 7.17 8.19 9.1.0",
    "6.5.0; 7.0.0; 6.5.0 6.8 7.0.0",
    "9.0.1; 9.0.4; 9.0.1 9.0.4",
  })
  void shortestPathGoesThroughTheRequiredLastMinor(String from, String to, String path) {
    assertThat(UpgradePaths.path(EsVersion.parse(from), EsVersion.parse(to)).orElseThrow())
        .extracting(EsVersion::toString)
        .containsExactly(path.split(" "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"9.3.0, 10.0.0", "8.19.0, 8.20.0", "9.1.0, 9.0.0"})
  void noPath(String from, String to) {
    assertThat(UpgradePaths.path(EsVersion.parse(from), EsVersion.parse(to))).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
    "8.17.0; 9.2.0; 8.17.0 8.18 8.19 9.0 9.1 9.2.0",
    "8.19.2; 9.0.1; 8.19.2 9.0.1",
    "7.16.0; 8.1.0; 7.16.0 7.17 8.0 8.1.0",
  })
  void ladderHoldsEveryReleasedMinorInBetween(String from, String to, String ladder) {
    List<EsVersion> rungs = UpgradePaths.ladder(EsVersion.parse(from), EsVersion.parse(to));
    assertThat(rungs).extracting(EsVersion::toString).containsExactly(ladder.split(" "));
  }
}
