package io.github.remoteclusters.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Escaping untrusted text for messages: the named cases, then seeded random strings. */
class SafeTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "new line forging a line|a\\nerror: forged|a\\\\nerror: forged",
      "carriage return|a\\rb|a\\\\rb",
      "tab|a\\tb|a\\\\tb",
      "NUL|a\\u0000b|a\\\\u0000b",
      "ANSI escape|\\u001b[31mred|\\\\u001B[31mred",
      "DEL|a\\u007fb|a\\\\u007Fb",
      "C1 CSI|a\\u009bb|a\\\\u009Bb",
      "C1 NEL|a\\u0085b|a\\\\u0085b",
      "right-to-left override|abc\\u202Edcb|abc\\\\u202Edcb",
      "left-to-right isolate|a\\u2066b|a\\\\u2066b",
      "Arabic letter mark|a\\u061Cb|a\\\\u061Cb",
      "line separator|a\\u2028b|a\\\\u2028b",
      "plain text is kept|dc-east_1 ok|dc-east_1 ok",
      "non-ASCII letters are kept|zürich-東京|zürich-東京",
  })
  void escapes(String name, String input, String expected) {
    String in = unescapeJava(input);
    String want = unescapeJava(expected);
    assertThat(SafeText.escape(in)).isEqualTo(want);
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  private static final char[] ALPHABET = ("abcXYZ09 :[]-_\\\"'{}ü東\n\r\t\u0000\u0007\u0008\u001b"
      + "\u007f\u0080\u0085\u009b\u009f\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
      + "\u2066\u2067\u2068\u2069\u2028\u2029").toCharArray();

  /** Random mixes of text, controls and bidi characters: nothing unsafe remains, order is kept. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedTextHasNothingUnsafeLeftAndIsEscapedOnce(long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(60);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    String in = b.toString();
    String out = SafeText.escape(in);
    assertThat(out.chars().noneMatch(c -> SafeText.isUnsafe((char) c)))
        .as("seed %d: %s", seed, out).isTrue();
    assertThat(SafeText.escape(out)).as("seed %d: escaping twice", seed).isEqualTo(out);
    // the safe characters stay, in order
    StringBuilder safe = new StringBuilder();
    in.chars().filter(c -> !SafeText.isUnsafe((char) c)).forEach(c -> safe.append((char) c));
    assertThat(out.replaceAll("\\\\u[0-9A-F]{4}|\\\\[nrt]", "")).as("seed %d", seed)
        .isEqualTo(safe.toString().replaceAll("\\\\u[0-9A-F]{4}|\\\\[nrt]", ""));
  }

  /** {@code \n}, {@code \r}, {@code \t}, {@code \\} and {@code \}{@code uXXXX} as Java reads them. */
  static String unescapeJava(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '\\' -> out.append('\\');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append('\\').append(n);
      }
    }
    return out.toString();
  }
}
