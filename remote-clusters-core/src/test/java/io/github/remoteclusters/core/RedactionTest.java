package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "https://elastic:secret@es.example.com:9200/x | https://::redacted::@es.example.com:9200",
    "https://es.example.com:9200 | https://es.example.com:9200",
    "https://es.example.com:9200/prefix/ | https://es.example.com:9200",
    "http://user@h | http://::redacted::@h",
    "http://[::1]:9200 | http://[::1]:9200",
    "http://u:p@[fe80::1%eth0]:9200 | http://::redacted::@[fe80::1%eth0]:9200",
    "http://u:pw@h:notaport | http://::redacted::@h:::redacted::",
    "HTTP://h:1 | http://h:1",
  })
  void onlySchemeHostAndPortArePrinted(String url, String expected) {
    assertThat(Redaction.url(url)).isEqualTo(expected);
  }

  /** Passwords that break URL parsers: none of their text may survive. */
  @ParameterizedTest
  @ValueSource(strings = {
    "http://elastic:pa/ss-SECRET@h:9200",
    "http://elastic:1/SECRET@h:9200",
    "http://elastic:p@SECRET@h:9200",
    "http://elastic:p SECRET@h:9200",
    "http://elastic:p[SECRET@h:9200",
    "http://elastic:p]SECRET@h:9200",
    "http://elastic:p?SECRET@h:9200",
    "http://elastic:1#SECRET@h:9200",
    "http://elastic:p%2FSECRET@h:9200",
    "http://elastic:p\\SECRET@h:9200",
    "http://elastic:SECRET@h:9200/a b",
    "http://elastic:SECRET@[h:9200",
    "elastic:SECRET@h:9200",
    " http://elastic:SECRET@h:9200 ",
    "http://elastic:SECRET@",
  })
  void malformedUrlsNeverPrintThePassword(String url) {
    assertThat(Redaction.url(url)).doesNotContain("SECRET").doesNotContain("elastic");
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 42L, 20261127L})
  void randomPasswordsNeverSurvive(long seed) {
    Random r = new Random(seed);
    String alphabet = "abcXYZ019/@:?#[]% \\.-_~!$&'()*+,;=";
    for (int i = 0; i < 2000; i++) {
      StringBuilder pw = new StringBuilder("SECRET");
      int n = r.nextInt(12);
      for (int j = 0; j < n; j++) {
        pw.insert(r.nextInt(pw.length() + 1), alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String url = "https://elastic:" + pw + "@es.example.com:9200/p";
      assertThat(Redaction.url(url))
          .as("seed %d, url %s", seed, url)
          .isEqualTo("https://::redacted::@es.example.com:9200");
    }
  }
}
