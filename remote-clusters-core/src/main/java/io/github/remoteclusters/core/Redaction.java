package io.github.remoteclusters.core;

/**
 * Keeps secrets out of plans, messages and {@code toString}.
 *
 * @since 0.1.0
 */
public final class Redaction {

  /** What a secret is replaced with. */
  public static final String REDACTED = "::redacted::";

  private Redaction() {}

  /**
   * A URL with any {@code user:password@} part replaced by {@link #REDACTED}.
   *
   * @param url the URL
   * @return the URL without credentials
   */
  public static String url(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int slash = url.indexOf('/', start);
    int end = slash < 0 ? url.length() : slash;
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    return url.substring(0, start) + REDACTED + url.substring(at);
  }
}
