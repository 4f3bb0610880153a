package io.github.remoteclusters.testkit.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The kit's knobs, all system properties (so that a build can set them for Surefire or Failsafe).
 *
 * @param workDir where node directories go ({@value #WORK_DIR}, default {@code
 *     target/remote-clusters-testkit})
 * @param mavenRepository where the Elasticsearch jars are ({@value #MAVEN_REPOSITORY}, else {@code
 *     maven.repo.local}, else {@code ~/.m2/repository})
 * @param heap the node JVM's heap, as for {@code -Xmx} ({@value #HEAP}, default {@code 512m})
 * @param startTimeout how long a node may take to start ({@value #START_TIMEOUT_SECONDS}, default
 *     240)
 */
public record KitConfig(Path workDir, Path mavenRepository, String heap, Duration startTimeout) {

  /** System property: the JDK home to run nodes with (else ES_JAVA_HOME, JAVA_HOME, ...). */
  public static final String JAVA_HOME = "remoteclusters.testkit.javaHome";

  /** System property: where node directories go. */
  public static final String WORK_DIR = "remoteclusters.testkit.workDir";

  /** System property: the local Maven repository holding the Elasticsearch jars. */
  public static final String MAVEN_REPOSITORY = "remoteclusters.testkit.mavenRepository";

  /** System property: the node JVM's heap size. */
  public static final String HEAP = "remoteclusters.testkit.heap";

  /** System property: seconds a node may take to start. */
  public static final String START_TIMEOUT_SECONDS = "remoteclusters.testkit.startTimeoutSeconds";

  /**
   * The configuration from this JVM's system properties.
   *
   * @return the configuration
   */
  public static KitConfig fromSystemProperties() {
    Path workDir = Path.of(System.getProperty(WORK_DIR, "target/remote-clusters-testkit"));
    String repo = System.getProperty(MAVEN_REPOSITORY, System.getProperty("maven.repo.local", ""));
    Path mavenRepository =
        repo.isBlank()
            ? Path.of(System.getProperty("user.home"), ".m2", "repository")
            : Path.of(repo);
    String heap = System.getProperty(HEAP, "512m");
    String timeoutText = System.getProperty(START_TIMEOUT_SECONDS, "240").trim();
    long timeout;
    try {
      timeout = Long.parseLong(timeoutText);
    } catch (NumberFormatException e) {
      timeout = -1;
    }
    if (timeout <= 0) {
      throw new IllegalArgumentException(
          START_TIMEOUT_SECONDS
              + " ["
              + timeoutText
              + "] is invalid: expected a number of seconds > 0");
    }
    return new KitConfig(
        workDir.toAbsolutePath().normalize(),
        mavenRepository.toAbsolutePath().normalize(),
        heap,
        Duration.ofSeconds(timeout));
  }
}
