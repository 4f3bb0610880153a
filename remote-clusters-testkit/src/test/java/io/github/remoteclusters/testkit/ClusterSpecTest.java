package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {

  @Test
  void settingsAreCopiedAndAdded() {
    ClusterSpec spec = ClusterSpec.of("a", "9.5.3").withSetting("node.attr.zone", "z1");
    assertThat(spec.settings()).isEqualTo(Map.of("node.attr.zone", "z1"));
    assertThat(spec.withSetting("node.attr.zone", "z2").settings())
        .containsEntry("node.attr.zone", "z2");
  }

  @Test
  void anInvalidNameIsRefusedWithTheRule() {
    assertThatThrownBy(() -> ClusterSpec.of("My Cluster", "9.5.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cluster name [My Cluster] is invalid: use 1 to 64 lower-case letters, digits, '_'"
                + " and '-', starting with a letter or digit");
  }

  @Test
  void anExceptionNamesClusterVersionLogAndTail() {
    TestClusterException e =
        new TestClusterException(
            "a", "9.5.3", "did not start within 5s", Path.of("a.log"), "boom", null);
    assertThat(e.getMessage())
        .isEqualTo(
            "[a/9.5.3] did not start within 5s\nlog: a.log\n--- last lines of the log ---\nboom");
    assertThat(e.logFile()).contains(Path.of("a.log"));
  }
}
