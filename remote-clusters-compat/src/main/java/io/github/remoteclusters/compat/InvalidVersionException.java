package io.github.remoteclusters.compat;

import java.util.Optional;

/**
 * Thrown by {@link EsVersion#parse(String)} when a text is not an Elasticsearch version. The
 * message quotes the text and the expected form, for example {@code version [8.x] is invalid:
 * expected MAJOR.MINOR[.PATCH][-QUALIFIER] such as 8.19, 8.19.5 or 9.1.0-beta1}.
 *
 * @since 0.1.0
 */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The rejected text; not serialized. */
  private final transient String input;

  /**
   * Creates the exception.
   *
   * @param input the rejected text, or {@code null}
   * @param expectedForm the form that was expected
   */
  public InvalidVersionException(String input, String expectedForm) {
    super(
        "version ["
            + input
            + "] is invalid: expected "
            + expectedForm
            + " such as 8.19, 8.19.5 or 9.1.0-beta1");
    this.input = input;
  }

  /**
   * The rejected text.
   *
   * @return the text, empty when it was {@code null}
   */
  public Optional<String> input() {
    return Optional.ofNullable(input);
  }
}
