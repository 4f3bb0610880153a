package io.github.remoteclusters.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompatibleClientTest {

  @Test
  void readsTheMajorVersionFromTheRootInfo() {
    assertThat(CompatibleClient.majorVersionOf("{\"version\":{\"number\":\"8.19.21\"}}"))
        .isEqualTo(8);
    assertThat(CompatibleClient.majorVersionOf("{\"version\" : { \"number\" : \"9.5.3\" }}"))
        .isEqualTo(9);
    assertThat(CompatibleClient.majorVersionOf("{\"error\":\"nope\"}")).isEqualTo(-1);
  }

  @Test
  void theCompatibleMediaTypeIsTheOneAn8xServerAccepts() {
    assertThat(CompatibleClient.COMPATIBLE_WITH_8)
        .isEqualTo("application/vnd.elasticsearch+json; compatible-with=8");
  }
}
