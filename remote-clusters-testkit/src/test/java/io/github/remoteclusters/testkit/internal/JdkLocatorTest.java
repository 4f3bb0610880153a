package io.github.remoteclusters.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

  @TempDir Path dir;

  private Path jdk(String name, String javaVersion) throws IOException {
    Path home = dir.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, Set.copyOf(PosixFilePermissions.fromString("rwxr-xr-x")));
    return home;
  }

  @Test
  void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
    assertThat(JdkLocator.featureVersion(jdk("a", "25.0.1"))).isEqualTo(OptionalInt.of(25));
    assertThat(JdkLocator.featureVersion(jdk("b", "1.8.0_402"))).isEqualTo(OptionalInt.of(8));
    assertThat(JdkLocator.featureVersion(jdk("c", "21"))).isEqualTo(OptionalInt.of(21));
    assertThat(JdkLocator.featureVersion(dir.resolve("none"))).isEmpty();
  }

  @Test
  void aNamedJdkThatIsNewEnoughWins() throws IOException {
    Path jdk21 = jdk("named-21", "21.0.5");
    Path jdk25 = jdk("folder/jdk-25", "25.0.1");
    JdkLocator locator =
        new JdkLocator(
            List.of(new JdkLocator.Candidate("ES_JAVA_HOME", jdk21)), List.of(jdk25.getParent()));
    assertThat(locator.find(21, "test")).isEqualTo(jdk21.resolve("bin/java"));
  }

  @Test
  void aNamedJdkThatIsTooOldIsSkippedForTheNewestInTheFolders() throws IOException {
    Path jdk17 = jdk("named-17", "17.0.15");
    jdk("folder/jdk-21", "21.0.5");
    Path jdk25 = jdk("folder/jdk-25", "25.0.1");
    jdk("folder/not-a-jdk", "x");
    JdkLocator locator =
        new JdkLocator(
            List.of(new JdkLocator.Candidate("JAVA_HOME", jdk17)), List.of(dir.resolve("folder")));
    assertThat(locator.find(21, "test")).isEqualTo(jdk25.resolve("bin/java"));
  }

  @Test
  void noSuitableJdkGivesAMessageNamingEveryPlaceLookedAt() throws IOException {
    Path jdk17 = jdk("named-17", "17.0.15");
    JdkLocator locator =
        new JdkLocator(
            List.of(new JdkLocator.Candidate("JAVA_HOME", jdk17)), List.of(dir.resolve("empty")));
    assertThatThrownBy(() -> locator.find(21, "Elasticsearch 9.5.3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no JDK 21 or newer found to run Elasticsearch 9.5.3")
        .hasMessageContaining("JAVA_HOME=" + jdk17 + " (Java 17)")
        .hasMessageContaining(dir.resolve("empty").toString())
        .hasMessageContaining("ES_JAVA_HOME");
  }
}
