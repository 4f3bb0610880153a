package io.github.remoteclusters.core.plan;

import java.util.Objects;

/**
 * An Elasticsearch REST request, with secrets already redacted from the body.
 *
 * @param method the HTTP method, such as {@code PUT}
 * @param path the path, starting with {@code /}
 * @param body the JSON body as compact text, or null for none
 * @since 0.1.0
 */
public record HttpRequest(String method, String path, String body) {

  /** Checks the method and path. */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path [" + path + "] must start with /");
    }
  }
}
