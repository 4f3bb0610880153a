package io.github.remoteclusters.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"30d", "1D", "12h", "90m", "5s", "100ms", "1micros", "7nanos", "-1", "0", "000", "-1s", " 3d "})
  void acceptsWhatElasticsearchAccepts(String value) {
    assertThat(TimeValues.problem("expiration", value)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      1M    | failed to parse setting [expiration] with value [1M] as a time value: unit is missing or unrecognized
      30    | failed to parse setting [expiration] with value [30] as a time value: unit is missing or unrecognized
      1.5d  | failed to parse [1.5d], fractional time values are not supported
      99999999999999999999d | failed to parse [99999999999999999999d]: the number is too large (at most 9223372036854775807)
      xd    | failed to parse [xd]
      -2s   | failed to parse setting [expiration] with value [-2s] as a time value: negative durations are not supported
      1w    | failed to parse setting [expiration] with value [1w] as a time value: unit is missing or unrecognized
      """)
  void rejectsWithElasticsearchMessages(String value, String message) {
    assertThat(TimeValues.problem("expiration", value)).isEqualTo(message);
  }
}
