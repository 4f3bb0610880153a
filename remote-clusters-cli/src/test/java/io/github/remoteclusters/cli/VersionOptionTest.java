package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionOptionTest {

  @Test
  void versionIsTheBuiltProjectVersion() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    // the filtered resource holds the pom's version, never a placeholder or "development build"
    assertThat(run.out().strip()).matches("remote-clusters \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
