package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.RetryingHttpClient;
import co.elastic.clients.transport.http.TransportHttpClient;
import io.github.remoteclusters.core.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts every request under one overall deadline (retries included), retries idempotent requests
 * the {@link RetryPolicy} way through elasticsearch-java's {@link RetryingHttpClient}, and refuses
 * redirects. Sits between the transport and the real HTTP client. Not API.
 *
 * <p>The socket-level timeouts (connect, response) are the HTTP client's; this deadline also
 * ends a server that answers a byte at a time, and a retry sequence that would run too long.
 */
public final class GuardedHttpClient implements TransportHttpClient {

  private final TransportHttpClient delegate;
  private final RetryingHttpClient retrying;
  private final Duration requestTimeout;
  private final RetryPolicy policy;

  /**
   * Wraps an HTTP client.
   *
   * @param delegate the client that sends requests
   * @param requestTimeout the overall deadline of one request, retries included
   * @param policy what to retry
   */
  public GuardedHttpClient(TransportHttpClient delegate, Duration requestTimeout, RetryPolicy policy) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.retrying = new RetryingHttpClient(delegate);
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout [" + requestTimeout + "] must be positive");
    }
  }

  @Override
  public TransportOptions createOptions(TransportOptions options) {
    return delegate.createOptions(options);
  }

  @Override
  public Integer responseStatusCode(Throwable exception) {
    return delegate.responseStatusCode(exception);
  }

  @Override
  public Response performRequest(String endpointId, Node node, Request request, TransportOptions options)
      throws IOException {
    long start = System.nanoTime();
    CompletableFuture<Response> attempts = send(endpointId, node, request, options);
    CompletableFuture<Response> future =
        attempts.thenCompose(response -> refuseRedirect(request, response, start));
    try {
      return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // cancelling the retry future aborts the exchange in flight and any pending retry
      attempts.cancel(true);
      throw timeout(request, start, e);
    } catch (InterruptedException e) {
      attempts.cancel(true);
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException(
          "interrupted while waiting for " + line(request)).initCause(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof java.net.SocketTimeoutException) {
        throw timeout(request, start, cause);
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  @Override
  public CompletableFuture<Response> performRequestAsync(
      String endpointId, Node node, Request request, TransportOptions options) {
    long start = System.nanoTime();
    CompletableFuture<Response> attempts = send(endpointId, node, request, options);
    CompletableFuture<Response> result = attempts
        .thenCompose(response -> refuseRedirect(request, response, start))
        .orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    result.whenComplete((r, e) -> {
      if (e instanceof TimeoutException) {
        attempts.cancel(true);
      }
    });
    return result;
  }

  private CompletableFuture<Response> send(
      String endpointId, Node node, Request request, TransportOptions options) {
    TransportOptions withRetries = options.with(
        b -> b.retryConfig(policy.configFor(request.method(), request.path(), requestTimeout)));
    return retrying.performRequestAsync(endpointId, node, request, withRetries);
  }

  private CompletableFuture<Response> refuseRedirect(Request request, Response response, long start) {
    int status = response.statusCode();
    if (status < 300 || status >= 400) {
      return CompletableFuture.completedFuture(response);
    }
    String location = response.header("Location");
    try {
      response.close();
    } catch (IOException ignored) {
      // the redirect is what is reported
    }
    return CompletableFuture.failedFuture(new RemoteCallException(
        RemoteCallException.Kind.REDIRECT, line(request), since(start),
        line(request) + " was redirected (HTTP " + status + ") to "
            + (location == null ? "no location" : "[" + Redaction.url(location) + "]")
            + "; redirects are not followed: use the URL the cluster answers on",
        null));
  }

  private RemoteCallException timeout(Request request, long start, Throwable cause) {
    Duration waited = since(start);
    return new RemoteCallException(
        RemoteCallException.Kind.TIMEOUT, line(request), waited,
        "no answer to " + line(request) + " after " + RemoteCallException.words(waited)
            + " (request timeout " + RemoteCallException.words(requestTimeout) + ")",
        cause);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String line(Request request) {
    return request.method() + " " + request.path();
  }

  @Override
  public void close() throws IOException {
    retrying.close();
  }
}
