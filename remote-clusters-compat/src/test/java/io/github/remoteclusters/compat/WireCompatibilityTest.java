package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireCompatibilityTest {

  @ParameterizedTest(name = "{0} <-> {1}: {2}")
  @CsvSource({
    "9.0, 9.5, true, WIRE_SAME_MAJOR",
    "6.8, 7.17, true, WIRE_LAST_MINOR",
    "6.7, 7.0, true, WIRE_RELEASED_TOGETHER",
    "6.7, 7.1, false, WIRE_INCOMPATIBLE",
    "6.6, 7.0, false, WIRE_INCOMPATIBLE",
    "7.17, 8.0, true, WIRE_LAST_MINOR",
    "7.17, 8.19, true, WIRE_LAST_MINOR",
    "7.16, 8.0, false, WIRE_INCOMPATIBLE",
    "8.19, 9.0, true, WIRE_LAST_MINOR",
    "8.19, 9.5, true, WIRE_LAST_MINOR",
    "8.18, 9.0, true, WIRE_RELEASED_TOGETHER",
    "8.18, 9.1, false, WIRE_INCOMPATIBLE",
    "8.17, 9.0, false, WIRE_INCOMPATIBLE",
    "7.17, 9.0, false, MAJORS_APART",
    "5.6, 6.8, true, WIRE_LAST_MINOR",
  })
  void followsTheTransportRulesSymmetrically(
      String a, String b, boolean compatible, CompatibilityRule rule) {
    for (WireVerdict v :
        new WireVerdict[] {
          Compatibility.wire(EsVersion.parse(a), EsVersion.parse(b)),
          Compatibility.wire(EsVersion.parse(b), EsVersion.parse(a))
        }) {
      assertThat(v.compatible()).isEqualTo(compatible);
      assertThat(v.rule()).isEqualTo(rule);
      assertThat(v.basis()).isEqualTo(Basis.DOCUMENTED);
      assertThat(v.reason()).contains(compatible ? " can complete" : " cannot complete");
    }
  }

  @Test
  void wireCompatibilityIsNotSearchSupport() {
    CompatibilityVerdict v = Compatibility.check(Use.SEARCH, "9.1.0", "8.19.21");
    assertThat(v.supported()).isFalse();
    assertThat(v.wire().compatible()).isTrue();
    assertThat(v.wire().reason())
        .isEqualTo(
            "9.1.0 and 8.19.21 can complete a transport handshake: 8.19 is the last minor of 8.x,"
                + " which can communicate with every 9.x.");
  }

  @Test
  void unknownWhereTheLastMinorIsNotKnown() {
    WireVerdict v = Compatibility.wire(EsVersion.parse("9.5"), EsVersion.parse("10.0"));
    assertThat(v.basis()).isEqualTo(Basis.UNKNOWN);
    assertThat(v.compatible()).isFalse();
    assertThat(v.reason()).startsWith("cannot tell whether 9.5 can connect to 10.0");
    assertThat(Compatibility.wire(EsVersion.parse("10.1"), EsVersion.parse("10.4")).basis())
        .isEqualTo(Basis.INFERRED);
  }
}
