package io.github.remoteclusters.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeDistributionTest {

  @Test
  void minorLineDropsThePatch() {
    assertThat(NodeDistribution.minorLine("9.5.3")).isEqualTo("9.5");
    assertThat(NodeDistribution.minorLine("8.19.21")).isEqualTo("8.19");
    assertThat(NodeDistribution.minorLine("9.5")).isEqualTo("9.5");
    assertThat(NodeDistribution.minorLine("junk")).isEqualTo("junk");
  }
}
