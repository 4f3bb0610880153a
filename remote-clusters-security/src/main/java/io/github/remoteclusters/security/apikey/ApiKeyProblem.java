package io.github.remoteclusters.security.apikey;

import io.github.remoteclusters.security.Severity;
import java.util.Objects;

/**
 * A problem or warning found in a request body or role: a stable code, where it is and what is
 * wrong, in Elasticsearch's words where Elasticsearch has a rule.
 *
 * @param code the stable code
 * @param severity whether Elasticsearch would reject it ({@link Severity#ERROR}) or it is advice
 * @param path where, for example {@code access.replication[0]}; empty for the whole body
 * @param message what is wrong
 * @since 0.1.0
 */
public record ApiKeyProblem(ApiKeyProblemCode code, Severity severity, String path, String message) {

  /** Checks the components. */
  public ApiKeyProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * An error.
   *
   * @param code the code
   * @param path where
   * @param message what is wrong
   * @return the problem
   */
  public static ApiKeyProblem error(ApiKeyProblemCode code, String path, String message) {
    return new ApiKeyProblem(code, Severity.ERROR, path, message);
  }

  /**
   * A warning.
   *
   * @param code the code
   * @param path where
   * @param message what is risky
   * @return the warning
   */
  public static ApiKeyProblem warning(ApiKeyProblemCode code, String path, String message) {
    return new ApiKeyProblem(code, Severity.WARNING, path, message);
  }
}
