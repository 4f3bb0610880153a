package io.github.remoteclusters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the command line. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The tree of JSON text the library wrote (a request body), for a JSON document of the CLI.
   *
   * @param text the JSON text, or null
   * @return the tree, or null for null
   */
  static JsonNode tree(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the library wrote JSON that does not parse", e);
    }
  }

  /**
   * Refuses a request body that cannot be checked at all: empty, or JSON that is not an object.
   * Text that is not JSON is left to the checker, which says where it breaks.
   *
   * @param name the file name, or {@code -}
   * @param text the body
   * @throws IllegalArgumentException naming the file and what it is instead (the CLI's exit 2)
   */
  static void requireObjectBody(String name, String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("[" + name + "] is empty: expected a JSON object");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return;
    }
    if (root != null && !root.isObject()) {
      throw new IllegalArgumentException(
          "[" + name + "] must be a JSON object but is " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
