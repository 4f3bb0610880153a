package io.github.remoteclusters.core.upgrade;

import java.util.Objects;

/**
 * An Elasticsearch REST request a step asks for. Paths may hold placeholders in angle brackets,
 * such as {@code <follower_index>}, for names the topology does not know; the step's instructions
 * say how to list them.
 *
 * @param method the HTTP method
 * @param path the path, starting with {@code /}
 * @since 0.2.0
 */
public record StepRequest(String method, String path) {

  /** Checks the components. */
  public StepRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path [" + path + "] must start with /");
    }
  }

  /** {@return {@code METHOD /path}} */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
