package io.github.remoteclusters.security;

import java.util.Objects;

/**
 * Thrown when user input to this module cannot be read: a PEM or PKCS#12 document, or a
 * cross-cluster API key request that is not JSON. The message names the field, the offending value
 * (never a secret) and the rule, for example {@code [tls.key] is invalid: expected a PEM private
 * key but found no PEM block}.
 *
 * <p>This is the only exception the parsers of this module throw for bad input; it never wraps a
 * BouncyCastle or Jackson exception as its cause, so no parser internals or secrets leak through
 * stack traces.
 *
 * @since 0.1.0
 */
public class SecurityInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The field or source that was being read. */
  private final String field;

  /** The rule that was broken. */
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the field or source that was being read, for example {@code ca.crt}
   * @param rule the rule that was broken, in words
   */
  public SecurityInputException(String field, String rule) {
    super(SafeText.escape("[" + Objects.requireNonNull(field, "field") + "] is invalid: "
        + Objects.requireNonNull(rule, "rule")));
    this.field = field;
    this.rule = rule;
  }

  /**
   * The field or source that was being read.
   *
   * @return the field name, for example {@code ca.crt} or {@code access.search[0].names}
   */
  public String field() {
    return field;
  }

  /**
   * The rule that was broken, in words.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
