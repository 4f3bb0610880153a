package io.github.remoteclusters.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An Elasticsearch REST request, with secrets already redacted from the body.
 *
 * @param method the HTTP method, such as {@code PUT}
 * @param path the path, starting with {@code /}
 * @param body the JSON body, or null for none; the request keeps this node, so it must not be
 *     changed afterwards ({@link #body()} hands out copies)
 * @since 0.1.0
 */
public record HttpRequest(String method, String path, JsonNode body) {

  /** Checks the method and path. */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path [" + path + "] must start with /");
    }
  }

  /**
   * The body; a copy, so that the request cannot be changed.
   *
   * @return a copy of the body, or null
   */
  @Override
  public JsonNode body() {
    return body == null ? null : body.deepCopy();
  }
}
