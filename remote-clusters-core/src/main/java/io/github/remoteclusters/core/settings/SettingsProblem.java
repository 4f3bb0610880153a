package io.github.remoteclusters.core.settings;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import java.util.Objects;

/**
 * One problem with a {@code PUT _cluster/settings} body.
 *
 * @param scope the scope the key is in, or null for a problem with the body itself
 * @param key the flat setting key (such as {@code cluster.remote.a.seeds}), or the body field for
 *     body problems, or empty
 * @param code the stable code
 * @param message Elasticsearch's message for the problem
 * @since 0.1.0
 */
public record SettingsProblem(SettingsScope scope, String key, ProblemCode code, String message) {

  /** Checks that key, code and message are not null. */
  public SettingsProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Where the problem is: {@code <scope>.<key>}, such as {@code
   * persistent.cluster.remote.a.seeds}.
   *
   * @return the path
   */
  public String path() {
    if (scope == null) {
      return key;
    }
    return key.isEmpty() ? scope.id() : scope.id() + "." + key;
  }

  /**
   * This problem as a generic {@link Problem}.
   *
   * @return the problem with {@link #path()} as its path
   */
  public Problem toProblem() {
    return new Problem(code, path(), message);
  }
}
