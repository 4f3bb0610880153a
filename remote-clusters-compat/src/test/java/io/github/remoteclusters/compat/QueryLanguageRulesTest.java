package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryLanguageRulesTest {

  @ParameterizedTest(name = "ES|QL {0} -> {1}: {2}")
  @CsvSource({
    "8.13.0, 8.14.0, true, ESQL_SUPPORTED",
    "8.12.0, 8.13.0, false, ESQL_NOT_AVAILABLE",
    "8.16.0, 8.15.2, false, ESQL_REMOTE_BEFORE_8_16",
    "8.15.0, 8.16.0, true, ESQL_SUPPORTED",
    "8.19.0, 9.1.0, true, ESQL_SUPPORTED",
    "9.0.0, 8.19.0, false, REMOTE_TOO_OLD",
  })
  void esql(String local, String remote, boolean supported, CompatibilityRule rule) {
    CompatibilityVerdict v = Compatibility.check(Use.ESQL, local, remote);
    assertThat(v.supported()).isEqualTo(supported);
    assertThat(v.rule()).isEqualTo(rule);
    assertThat(v.use()).isEqualTo(Use.ESQL);
  }

  @ParameterizedTest(name = "EQL {0} -> {1}: {2}")
  @CsvSource({
    "7.17.7, 8.0.0, false, EQL_NEEDS_SAME_VERSION",
    "7.17.8, 8.6.0, true, EQL_SUPPORTED",
    "8.5.1, 8.5.1, true, EQL_SUPPORTED",
    "8.5.1, 8.6.0, false, EQL_NEEDS_SAME_VERSION",
    "8.6.0, 8.7.0, true, EQL_SUPPORTED",
  })
  void eql(String local, String remote, boolean supported, CompatibilityRule rule) {
    CompatibilityVerdict v = Compatibility.check(Use.EQL, local, remote);
    assertThat(v.supported()).isEqualTo(supported);
    assertThat(v.rule()).isEqualTo(rule);
  }
}
