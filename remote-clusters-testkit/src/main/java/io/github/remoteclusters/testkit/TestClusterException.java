package io.github.remoteclusters.testkit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A test cluster could not be started, reached or stopped, or no JDK could run it. The message
 * names the cluster and version and, when the node wrote a log, its path and last lines:
 *
 * <pre>
 * [a/9.5.3] did not start within 240s
 * log: /work/x/target/remote-clusters-testkit/MyIT/a/logs/a.log
 * --- last lines of the log ---
 * ...</pre>
 *
 * @since 0.1.0
 */
public final class TestClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String clusterName;
  private final String version;
  private final transient Path logFile;
  private final String logTail;

  /**
   * Creates the exception.
   *
   * @param clusterName the cluster concerned
   * @param version its Elasticsearch version
   * @param reason what went wrong, without the cluster name
   * @param logFile the node's log file, or {@code null} when there is none (yet)
   * @param logTail the last lines of the node's output and log, or empty
   * @param cause the underlying failure, or {@code null}
   * @since 0.1.0
   */
  public TestClusterException(
      String clusterName,
      String version,
      String reason,
      Path logFile,
      String logTail,
      Throwable cause) {
    super(message(clusterName, version, reason, logFile, logTail), cause);
    this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    this.version = Objects.requireNonNull(version, "version");
    this.logFile = logFile;
    this.logTail = Objects.requireNonNull(logTail, "logTail");
  }

  private static String message(
      String clusterName, String version, String reason, Path logFile, String logTail) {
    StringBuilder b = new StringBuilder();
    b.append('[').append(clusterName).append('/').append(version).append("] ").append(reason);
    if (logFile != null) {
      b.append("\nlog: ").append(logFile);
    }
    if (!logTail.isEmpty()) {
      b.append("\n--- last lines of the log ---\n").append(logTail);
    }
    return b.toString();
  }

  /**
   * The cluster concerned.
   *
   * @return the cluster name
   * @since 0.1.0
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * The Elasticsearch version of the cluster concerned.
   *
   * @return the version, such as {@code 9.5.3}
   * @since 0.1.0
   */
  public String version() {
    return version;
  }

  /**
   * The node's log file, when it has one.
   *
   * @return the path, or empty
   * @since 0.1.0
   */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }

  /**
   * The last lines of the node's output and log at the time of the failure.
   *
   * @return the lines, or an empty string
   * @since 0.1.0
   */
  public String logTail() {
    return logTail;
  }
}
