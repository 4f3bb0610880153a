package io.github.remoteclusters.security;

/**
 * Makes text from untrusted input safe to print in a message: every character that can move the
 * cursor, end a line, change colours or reorder what a terminal shows is written as an escape
 * instead, so that a value such as {@code "a\nerror: forged"}, an ANSI sequence ({@code ESC [31m})
 * or a right-to-left override (U+202E) is shown, not obeyed.
 *
 * <p>Escaped: the C0 controls (U+0000 to U+001F, including tab, line feed and carriage return),
 * DEL (U+007F), the C1 controls (U+0080 to U+009F), the line and paragraph separators (U+2028,
 * U+2029) and the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E,
 * U+2066 to U+2069). Tab, line feed and carriage return become {@code \t}, {@code \n} and {@code
 * \r}; the others {@code \}{@code uXXXX}. Everything else is kept. Escaping escaped text changes
 * nothing.
 *
 * @since 0.1.0
 */
public final class SafeText {

  private SafeText() {}

  /**
   * Whether a character is one this class escapes.
   *
   * @param c the character
   * @return true when it is escaped
   */
  public static boolean isUnsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x061c
        || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * The text with every unsafe character escaped.
   *
   * @param text the text, or null
   * @return the escaped text; the same instance when nothing needed escaping; null for null
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int first = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }
}
