package io.github.remoteclusters.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteAddressTest {

  @ParameterizedTest(name = "{0} -> host [{1}] port {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es.example.com:9300 | es.example.com | 9300",
        "[::1]:9090 | [::1] | 9090",
        "::1:9300 | ::1 | 9300",
        "fe80::1 | fe80: | 1",
        "h:+9300 | h | 9300",
        ":9300 | '' | 9300",
        "h:70000 | h | 70000",
      })
  void parsesLikeElasticsearch(String text, String host, int port) {
    RemoteAddress a = RemoteAddress.parse(text);
    assertThat(a.host()).isEqualTo(host);
    assertThat(a.port()).isEqualTo(port);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es.example.com | remote hosts need to be configured as [host:port], found [es.example.com] instead",
        "h:9300-9400 | failed to parse port",
        "'h:9300 ' | failed to parse port",
        "h: | failed to parse port",
        "h:0 | port number must be > 0 but was: [0]",
        "h:-1 | port number must be > 0 but was: [-1]",
        "'' | remote hosts need to be configured as [host:port], found [] instead",
      })
  void rejectsWithElasticsearchMessages(String text, String message) {
    assertThatThrownBy(() -> RemoteAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(RemoteAddress.check(text)).contains(message);
  }

  @Test
  void portAbove65535PassesButIsFlagged() {
    assertThat(RemoteAddress.check("h:70000")).isEmpty();
    assertThat(RemoteAddress.parse("h:70000").portInRange()).isFalse();
    assertThat(RemoteAddress.parse("h:65535").portInRange()).isTrue();
    assertThat(RemoteAddress.parse("h:9443")).hasToString("h:9443");
  }
}
