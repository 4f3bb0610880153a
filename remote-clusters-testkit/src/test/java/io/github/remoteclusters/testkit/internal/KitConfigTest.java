package io.github.remoteclusters.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KitConfigTest {

  @AfterEach
  void clear() {
    System.clearProperty(KitConfig.START_TIMEOUT_SECONDS);
    System.clearProperty(KitConfig.HEAP);
  }

  @Test
  void systemPropertiesOverrideTheDefaults() {
    assertThat(KitConfig.fromSystemProperties().heap()).isEqualTo("512m");
    System.setProperty(KitConfig.HEAP, "1g");
    System.setProperty(KitConfig.START_TIMEOUT_SECONDS, "30");
    KitConfig config = KitConfig.fromSystemProperties();
    assertThat(config.heap()).isEqualTo("1g");
    assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.workDir()).isAbsolute();
  }

  @Test
  void anInvalidTimeoutIsRefusedWithItsName() {
    System.setProperty(KitConfig.START_TIMEOUT_SECONDS, "soon");
    assertThatThrownBy(KitConfig::fromSystemProperties)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "remoteclusters.testkit.startTimeoutSeconds [soon] is invalid:"
                + " expected a number of seconds > 0");
  }
}
