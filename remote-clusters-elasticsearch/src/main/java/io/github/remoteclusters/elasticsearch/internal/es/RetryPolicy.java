package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.transport.BackoffPolicy;
import co.elastic.clients.transport.RetryConfig;
import java.net.SocketException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Which requests are retried, on what, and how long to wait between attempts; the attempts
 * themselves are elasticsearch-java's {@code RetryingHttpClient}. Not API.
 *
 * <p>Only idempotent requests are retried: reads ({@code GET}, {@code HEAD}) and {@code PUT
 * _cluster/settings}, which sets the same values however often it is sent. Never the creation of
 * an API key (a second key would be made). Retried on HTTP 429, 502, 503 and 504 and on a
 * connection reset or closed without an answer; never on a timeout (the deadline is spent).
 * Delays grow exponentially with full jitter ({@code random(0, min(cap, base * 2^n))}) and stop
 * when the next delay would pass the request's time budget.
 */
public final class RetryPolicy {

  /** The HTTP statuses worth another attempt. */
  public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

  /** The failures worth another attempt: the connection went away before an answer. */
  public static final Set<Class<? extends Throwable>> RETRYABLE_EXCEPTIONS =
      Set.of(SocketException.class, ConnectionClosedException.class, NoHttpResponseException.class);

  private final int maxRetries;
  private final Duration base;
  private final Duration cap;
  private final LongSupplier random;

  /**
   * Creates a policy.
   *
   * @param maxRetries attempts after the first, at most
   * @param base the first delay's upper bound
   * @param cap the largest delay
   */
  public RetryPolicy(int maxRetries, Duration base, Duration cap) {
    this(maxRetries, base, cap, null);
  }

  RetryPolicy(int maxRetries, Duration base, Duration cap, LongSupplier random) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries [" + maxRetries + "] must not be negative");
    }
    this.maxRetries = maxRetries;
    this.base = java.util.Objects.requireNonNull(base, "base");
    this.cap = java.util.Objects.requireNonNull(cap, "cap");
    this.random = random;
  }

  /** {@return three retries, delays from up to 200 ms, capped at 2 s} */
  public static RetryPolicy standard() {
    return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  /**
   * Whether a request may be sent twice with the same effect.
   *
   * @param method the HTTP method
   * @param path the path
   * @return true for reads and {@code PUT /_cluster/settings}
   */
  public static boolean idempotent(String method, String path) {
    return "GET".equals(method)
        || "HEAD".equals(method)
        || ("PUT".equals(method) && "/_cluster/settings".equals(path));
  }

  /**
   * The retry configuration for one request.
   *
   * @param method the HTTP method
   * @param path the path
   * @param budget how long the request may take in all
   * @return a configuration that retries, or one that does not
   */
  public RetryConfig configFor(String method, String path, Duration budget) {
    if (maxRetries == 0 || !idempotent(method, path)) {
      return RetryConfig.disabled();
    }
    return RetryConfig.of(b -> b.backoffPolicy(backoff(budget))
        .retryableStatuses(RETRYABLE_STATUSES)
        .retryableExceptions(RETRYABLE_EXCEPTIONS));
  }

  /**
   * The delays of one request; the iterator is made when the request starts, and ends when the
   * retries are used up or the next delay would end after the budget.
   *
   * @param budget the request's time budget
   * @return the policy
   */
  BackoffPolicy backoff(Duration budget) {
    return new BackoffPolicy() {
      @Override
      public Iterator<Long> iterator() {
        return new Delays(System.nanoTime(), budget);
      }

      @Override
      public String toString() {
        return "jittered exponential backoff, " + maxRetries + " retries, base " + base
            + ", cap " + cap;
      }
    };
  }

  /**
   * The upper bound of the n-th delay (0-based): {@code min(cap, base * 2^n)}.
   *
   * @param n the retry number
   * @return the bound in milliseconds
   */
  long bound(int n) {
    long b = base.toMillis() << Math.min(n, 20);
    return Math.min(cap.toMillis(), b);
  }

  private long jitter(long bound) {
    if (bound <= 0) {
      return 0;
    }
    long r = random == null ? ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) : random.getAsLong();
    return Math.floorMod(r, bound + 1);
  }

  private final class Delays implements Iterator<Long> {
    private final long start;
    private final long budgetNanos;
    private int used;
    private long next = -1;

    Delays(long start, Duration budget) {
      this.start = start;
      this.budgetNanos = budget.toNanos();
    }

    @Override
    public boolean hasNext() {
      if (used >= maxRetries) {
        return false;
      }
      if (next < 0) {
        next = jitter(bound(used));
      }
      long elapsed = System.nanoTime() - start;
      return elapsed + next * 1_000_000L < budgetNanos;
    }

    @Override
    public Long next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no retry left");
      }
      long d = next;
      next = -1;
      used++;
      return d;
    }
  }
}
