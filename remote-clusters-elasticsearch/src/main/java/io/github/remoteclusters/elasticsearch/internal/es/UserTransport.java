package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The transport of an {@link ElasticsearchClient} a user handed over, as the reconciler uses it:
 * every request is counted like the requests of a transport this project opens, sent through the
 * user's transport asynchronously and bounded by the request timeout (a request past it is
 * cancelled and fails with {@link RemoteCallException.Kind#TIMEOUT} naming the request), and
 * closing it leaves the user's transport open: the user made it, the user closes it. Not API.
 *
 * <p>Authentication, proxies, metrics, retries and TLS (host-name verification included) are the
 * user's transport's: this class cannot see into it.
 */
final class UserTransport implements ElasticsearchTransport {

  private final ElasticsearchTransport delegate;
  private final TransportOptions options;
  private final Duration requestTimeout;
  private final RequestCounter counter;

  /**
   * Wraps the transport of a user's client.
   *
   * @param client the user's client; its transport and transport options are used
   * @param requestTimeout the most one request may take
   * @param counter counts the requests
   */
  UserTransport(ElasticsearchClient client, Duration requestTimeout, RequestCounter counter) {
    Objects.requireNonNull(client, "client");
    this.delegate = Objects.requireNonNull(client._transport(), "client._transport()");
    TransportOptions given = client._transportOptions();
    this.options = given == null ? co.elastic.clients.transport.DefaultTransportOptions.EMPTY : given;
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  @Override
  public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions opts)
      throws IOException {
    long start = System.nanoTime();
    String line = line(request, endpoint);
    CompletableFuture<ResponseT> future = send(request, endpoint, opts);
    try {
      return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true); // the transport of elasticsearch-java aborts the exchange in flight
      throw timeout(line, start, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException("interrupted while waiting for " + line)
          .initCause(e);
    } catch (CancellationException e) {
      throw new IOException(line + " was cancelled", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  @Override
  public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions opts) {
    long start = System.nanoTime();
    String line = line(request, endpoint);
    CompletableFuture<ResponseT> future = send(request, endpoint, opts);
    CompletableFuture<ResponseT> bounded = new CompletableFuture<>();
    future.whenComplete((r, e) -> {
      if (e == null) {
        bounded.complete(r);
      } else {
        bounded.completeExceptionally(e instanceof CompletionException c && c.getCause() != null
            ? c.getCause() : e);
      }
    });
    CompletableFuture.delayedExecutor(requestTimeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
      if (bounded.completeExceptionally(timeout(line, start, null))) {
        future.cancel(true);
      }
    });
    return bounded;
  }

  private <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> send(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions opts) {
    counter.record(endpoint.method(request), endpoint.requestUrl(request));
    try {
      return delegate.performRequestAsync(request, endpoint, opts == null ? options : opts);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <RequestT> String line(RequestT request, Endpoint<RequestT, ?, ?> endpoint) {
    return endpoint.method(request) + " " + endpoint.requestUrl(request);
  }

  private RemoteCallException timeout(String line, long start, Throwable cause) {
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    return new RemoteCallException(RemoteCallException.Kind.TIMEOUT, line, waited,
        "no answer to " + line + " after " + RemoteCallException.words(waited)
            + " (request timeout " + RemoteCallException.words(requestTimeout)
            + ") through the ElasticsearchClient given for this cluster",
        cause);
  }

  private static IOException unwrap(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IOException(cause);
  }

  @Override
  public JsonpMapper jsonpMapper() {
    return delegate.jsonpMapper();
  }

  @Override
  public TransportOptions options() {
    return options;
  }

  /** Leaves the user's transport open: whoever made it closes it. */
  @Override
  public void close() {
    // nothing: the reconciler never closes a client it did not create
  }
}
