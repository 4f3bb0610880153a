package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.testing.Gen;
import io.github.remoteclusters.testing.SeededCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EsVersionTest {

  @ParameterizedTest
  @CsvSource({
    "8.19, 8, 19, 0, '', false",
    "8.19.5, 8, 19, 5, '', true",
    "9.1.0-beta1, 9, 1, 0, beta1, true",
    "8.19.0-SNAPSHOT, 8, 19, 0, SNAPSHOT, true",
    "9.0.0-beta1-SNAPSHOT, 9, 0, 0, beta1-SNAPSHOT, true",
    "0.90, 0, 90, 0, '', false",
    "10.0.12, 10, 0, 12, '', true"
  })
  void parsesValidForms(
      String text, int major, int minor, int patch, String qualifier, boolean patchGiven) {
    EsVersion v = EsVersion.parse(text);
    assertThat(v).isEqualTo(new EsVersion(major, minor, patch, qualifier, patchGiven));
    assertThat(v.toString()).isEqualTo(text);
    assertThat(EsVersion.tryParse(text)).contains(v);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "8", "8.x", "eight", "-8.1", "8.-1", "8.1.-1", "8.1.", ".8.1", "8..1", "8.1.2.3",
        "8.1-beta1", "8.1.0-", "8.1.0--x", "8.1.0-be ta", " 8.1", "8.1 ", "v8.1", "8.1.0-beta_1",
        "1234567890.1", "8.19.0-x-", "+8.1", "８.１"
      })
  void rejectsEverythingElseQuotingTheValueAndForm(String text) {
    assertThatThrownBy(() -> EsVersion.parse(text))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage(
            "version ["
                + text
                + "] is invalid: expected MAJOR.MINOR[.PATCH][-QUALIFIER] such as 8.19, 8.19.5 or"
                + " 9.1.0-beta1");
    assertThat(EsVersion.tryParse(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void nullIsRejectedWithTheDocumentedError() {
    assertThatThrownBy(() -> EsVersion.parse(null)).isInstanceOf(InvalidVersionException.class);
    assertThat(EsVersion.tryParse(null)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void ordersPreReleasesBeforeReleasesAndIgnoresWhetherPatchWasGiven() {
    assertThat(EsVersion.parse("9.1.0-beta1")).isLessThan(EsVersion.parse("9.1.0"));
    assertThat(EsVersion.parse("9.1.0-beta1")).isGreaterThan(EsVersion.parse("9.0.9"));
    assertThat(EsVersion.parse("8.19").compareTo(EsVersion.parse("8.19.0"))).isZero();
    assertThat(EsVersion.parse("8.9.1")).isLessThan(EsVersion.parse("8.10.0"));
    assertThat(EsVersion.parse("8.19.5").minorVersion()).isEqualTo(EsVersion.of(8, 19));
    assertThat(EsVersion.parse("8.19.5").isAtLeast(8, 19)).isTrue();
    assertThat(EsVersion.parse("8.18.9").isAtLeast(8, 19)).isFalse();
  }

  @ParameterizedTest
  @SeededCases(3000)
  void anyStringEitherParsesOrFailsWithTheDocumentedError(Gen gen) {
    String text = gen.string("0123456789.-abSNAPHOT x", 16);
    try {
      EsVersion v = EsVersion.parse(text);
      assertThat(EsVersion.parse(v.toString())).isEqualTo(v);
    } catch (InvalidVersionException e) {
      assertThat(e.getMessage()).contains("[" + text + "]").contains(EsVersion.EXPECTED_FORM);
    }
  }

  @ParameterizedTest
  @SeededCases(1000)
  void arbitraryUnicodeNeverEscapesTheDocumentedError(Gen gen) {
    String text = gen.anyString();
    try {
      EsVersion.parse(text);
    } catch (InvalidVersionException e) {
      assertThat(e.input()).contains(text);
    }
  }
}
