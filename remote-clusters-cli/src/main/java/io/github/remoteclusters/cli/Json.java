package io.github.remoteclusters.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.remoteclusters.security.SafeText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the command line. Its output escapes, besides what JSON requires, DEL,
 * the C1 controls, the line separators and the bidirectional formatting characters ({@link
 * SafeText}), so that a JSON document printed to a terminal shows them as escapes; it stays
 * valid JSON with the same values.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setCharacterEscapes(new UnsafeEscapes());
  }

  /** JSON's own escapes, plus unicode escapes for what {@link SafeText} escapes. */
  static final class UnsafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    UnsafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch <= 0xffff && SafeText.isUnsafe((char) ch)
          ? new SerializedString(String.format("\\u%04X", ch))
          : null;
    }
  }

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
