package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the HTTP requests the client sends, by method: what the performance targets are about
 * (two reads and at most one write per reconcile). Not API.
 */
public final class RequestCounter implements Instrumentation {

  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();
  /** The most requests {@link #log()} keeps: a long-running watcher must not grow without end. */
  static final int LOG_LIMIT = 10_000;

  private final java.util.ArrayDeque<String> log = new java.util.ArrayDeque<>();

  /** Creates a counter at zero. */
  public RequestCounter() {}

  /** {@return GET and HEAD requests sent so far} */
  public int reads() {
    return reads.get();
  }

  /** {@return other requests sent so far} */
  public int writes() {
    return writes.get();
  }

  /** {@return "METHOD path" of the requests so far (the last {@value #LOG_LIMIT}), in order} */
  public synchronized List<String> log() {
    return List.copyOf(log);
  }

  /** Records one request; the transports of users' clients call this themselves. */
  synchronized void record(String method, String path) {
    if (log.size() == LOG_LIMIT) {
      log.removeFirst();
    }
    log.addLast(method + " " + path);
    if ("GET".equals(method) || "HEAD".equals(method)) {
      reads.incrementAndGet();
    } else {
      writes.incrementAndGet();
    }
  }

  @Override
  public <T> Context newContext(T request, Endpoint<T, ?, ?> endpoint) {
    return new Context() {
      @Override
      public ThreadScope makeCurrent() {
        return () -> {};
      }

      @Override
      public void beforeSendingHttpRequest(
          TransportHttpClient.Request httpRequest, TransportOptions options) {
        record(httpRequest.method(), httpRequest.path());
      }

      @Override
      public void afterReceivingHttpResponse(TransportHttpClient.Response httpResponse) {}

      @Override
      public <R> void afterDecodingApiResponse(R response) {}

      @Override
      public void recordException(Throwable thrown) {}

      @Override
      public void close() {}
    };
  }
}
