package io.github.remoteclusters.cli;

import io.github.remoteclusters.security.SafeText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error as the commands see it: every message line goes out with its control and
 * bidirectional characters escaped ({@link SafeText}), so that input quoted in a message (an
 * alias with a new line, an ANSI sequence, a right-to-left override) cannot forge a second line,
 * colour the terminal or reorder what it shows. Only {@code println} ends a line.
 */
final class SafeWriter extends PrintWriter {

  SafeWriter(Writer out) {
    super(out, true);
  }

  @Override
  public void write(int c) {
    String s = SafeText.escape(String.valueOf((char) c));
    super.write(s, 0, s.length());
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len), 0, len);
  }

  @Override
  public void write(String s, int off, int len) {
    String safe = SafeText.escape(s.substring(off, off + len));
    super.write(safe, 0, safe.length());
  }
}
