package io.github.remoteclusters.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of a node's log, for error messages. */
final class LogTail {

  private LogTail() {}

  /**
   * The last {@code max} lines of a file.
   *
   * @param file the file; need not exist
   * @param max how many lines at most
   * @return the lines joined by newlines, or empty when the file is missing or unreadable
   */
  static String of(Path file, int max) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    Deque<String> last = new ArrayDeque<>(max);
    // malformed bytes are replaced, not fatal: a log tail must never hide the real failure
    try (Stream<String> lines =
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()) {
      lines.forEach(
          l -> {
            if (last.size() == max) {
              last.removeFirst();
            }
            last.addLast(l);
          });
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
    return String.join("\n", last);
  }

  /**
   * The last {@code max} entries of a list, joined by newlines.
   *
   * @param lines the lines
   * @param max how many at most
   * @return the joined lines
   */
  static String of(List<String> lines, int max) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - max), lines.size()));
  }
}
