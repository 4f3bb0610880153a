package io.github.remoteclusters.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the text a user hands in (a topology file, a settings body, a request body), or standard
 * input for {@code -}, and turns every failure into one {@link UnreadableInputException} whose
 * message names the file and the reason in words: {@code cannot read [x.yaml]: no such file}.
 *
 * @since 0.1.0
 */
public final class TextInput {

  private TextInput() {}

  /**
   * Reads a UTF-8 text file.
   *
   * @param file the file
   * @return its content
   * @throws UnreadableInputException when it cannot be read
   */
  public static String read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnreadableInputException(file.toString(), reason(file, e));
    }
  }

  /**
   * Reads a file named on a command line, or the given input when the name is {@code -}.
   *
   * @param name a path, or {@code -}
   * @param stdin what {@code -} reads
   * @return the content as UTF-8
   * @throws UnreadableInputException when it cannot be read
   */
  public static String read(String name, InputStream stdin) {
    Objects.requireNonNull(name, "name");
    if (name.equals("-")) {
      try {
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UnreadableInputException("-", "standard input failed: " + e.getMessage());
      }
    }
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw new UnreadableInputException(name, "not a valid path: " + e.getReason());
    }
    return read(path);
  }

  private static String reason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (Files.isDirectory(file)) {
      return "it is a directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The input could not be read; the message says which and why.
   *
   * @since 0.1.0
   */
  public static final class UnreadableInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file name, or {@code -}. */
    private final String name;

    /**
     * Creates the exception.
     *
     * @param name the file name, or {@code -}
     * @param reason why it could not be read
     */
    public UnreadableInputException(String name, String reason) {
      super("cannot read [" + name + "]: " + reason);
      this.name = name;
    }

    /**
     * The file name, or {@code -} for standard input.
     *
     * @return the name
     */
    public String name() {
      return name;
    }
  }
}
