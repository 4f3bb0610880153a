package io.github.remoteclusters.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * <p>Input is bounded: more than {@link #MAX_BYTES} (16 MiB) is refused with a message, so that
 * {@code /dev/zero} or a huge file never ends in an {@code OutOfMemoryError}. A path that is not
 * a regular file (a FIFO, a device, a socket) is refused before it is opened, so that a FIFO
 * without a writer never hangs the tool; standard input is read with {@code -}.
 *
 * @since 0.1.0
 */
public final class TextInput {

  /** The most bytes read from one input: 16 MiB, far more than any topology or request body. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

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
    String special = notRegular(file);
    if (special != null) {
      throw new UnreadableInputException(file.toString(), special);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return decode(file.toString(), in);
    } catch (IOException e) {
      throw new UnreadableInputException(file.toString(), reason(file, e));
    }
  }

  /** Reads at most {@link #MAX_BYTES} and decodes strict UTF-8. */
  private static String decode(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableInputException(
          name, "larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB, the most this tool reads");
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
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
        return decode("-", stdin);
      } catch (CharacterCodingException e) {
        throw new UnreadableInputException("-", "not UTF-8 text");
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

  /**
   * Why a path that exists is not read: a directory, or a FIFO, device or socket (opening a FIFO
   * waits for a writer forever); null for a regular file (after links) or a path that does not
   * exist (opening it says so).
   *
   * @param file the path
   * @return the reason, or null
   */
  public static String notRegular(Path file) {
    if (!Files.exists(file) || Files.isRegularFile(file)) {
      return null;
    }
    if (Files.isDirectory(file)) {
      return "it is a directory";
    }
    return "not a regular file (a FIFO, device or socket); give a file, or - for standard input";
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
      super(io.github.remoteclusters.security.SafeText.escape(
          "cannot read [" + name + "]: " + reason));
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
