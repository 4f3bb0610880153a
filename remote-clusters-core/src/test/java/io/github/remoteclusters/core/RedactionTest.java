package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

  @ParameterizedTest
  @CsvSource({
    "https://elastic:secret@es.example.com:9200/x, https://::redacted::@es.example.com:9200/x",
    "https://es.example.com:9200, https://es.example.com:9200",
    "http://user@h, http://::redacted::@h",
    "https://h/path@x, https://h/path@x",
  })
  void urlCredentialsAreRedacted(String url, String expected) {
    assertThat(Redaction.url(url)).isEqualTo(expected);
  }
}
