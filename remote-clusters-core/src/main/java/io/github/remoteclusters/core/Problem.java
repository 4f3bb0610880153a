package io.github.remoteclusters.core;

import io.github.remoteclusters.security.Severity;
import java.util.Objects;

/**
 * One thing wrong with (or worth knowing about) an input: a stable code, where it is, and a
 * message that names the thing, the value and the rule.
 *
 * @param code the stable code; it fixes the severity
 * @param path where the problem is, such as {@code links[2].remote} or {@code
 *     persistent.cluster.remote.a.seeds}; empty for the whole input
 * @param message what is wrong, in Elasticsearch's words where Elasticsearch has the rule
 * @since 0.1.0
 */
public record Problem(ProblemCode code, String path, String message) {

  /**
   * Checks that no component is null, and escapes control and bidirectional characters in the
   * path and message ({@link io.github.remoteclusters.security.SafeText}): they may quote input.
   */
  public Problem {
    Objects.requireNonNull(code, "code");
    path = io.github.remoteclusters.security.SafeText.escape(Objects.requireNonNull(path, "path"));
    message = io.github.remoteclusters.security.SafeText.escape(
        Objects.requireNonNull(message, "message"));
  }

  /**
   * The severity, from the code.
   *
   * @return the severity
   */
  public Severity severity() {
    return code.severity();
  }

  /**
   * Whether this problem is an error (as opposed to a warning).
   *
   * @return true for errors
   */
  public boolean isError() {
    return code.severity() == Severity.ERROR;
  }

  /** {@return {@code severity code at path: message}, one line for people} */
  @Override
  public String toString() {
    return severity().id() + " " + code + (path.isEmpty() ? "" : " at " + path) + ": " + message;
  }
}
