package io.github.remoteclusters.elasticsearch.internal.es;

import java.io.IOException;
import java.time.Duration;

/**
 * A request that got no usable answer: it timed out, or the server redirected it. Carries the
 * request and the time waited, so that the message names both. Not API.
 */
public final class RemoteCallException extends IOException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** The server answered with a redirect, which is not followed. */
    REDIRECT
  }

  private final Kind kind;
  private final String request;
  private final Duration waited;

  RemoteCallException(Kind kind, String request, Duration waited, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.request = request;
    this.waited = waited;
  }

  /** {@return what went wrong} */
  public Kind kind() {
    return kind;
  }

  /** {@return {@code METHOD path} of the request} */
  public String request() {
    return request;
  }

  /** {@return how long the request waited in all, retries included} */
  public Duration waited() {
    return waited;
  }

  /**
   * A duration in the words a person reads: {@code 500 ms}, {@code 5 s}, {@code 1.5 s}.
   *
   * @param d the duration
   * @return the text
   */
  static String words(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
