package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientHttpClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.util.Timeout;

/** Opens an elasticsearch-java transport to an endpoint; tests pass a fake one. Not API. */
@FunctionalInterface
public interface EsConnector {

  /** The connect timeout when none is configured. */
  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The overall request timeout when none is configured. */
  Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Opens a transport.
   *
   * @param endpoint where to
   * @param instrumentation the request counter to install
   * @return the transport
   */
  ElasticsearchTransport open(ClusterEndpoint endpoint, Instrumentation instrumentation);

  /**
   * The real thing with the default timeouts.
   *
   * @return the connector
   */
  static EsConnector rest5() {
    return rest5(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * The real thing: the Rest5 (Apache HttpClient 5) low-level client of elasticsearch-java with a
   * connect timeout, a response (socket) timeout and an overall deadline per request, retries of
   * idempotent requests ({@link RetryPolicy#standard()}) and no others (Apache HttpClient's own
   * retries, which resend a POST on 503, are off), no redirects followed, and the host name of
   * every HTTPS URL verified against the server's certificate before anything is sent ({@link
   * HostNameVerification}).
   *
   * @param connectTimeout how long to wait for a TCP (and TLS) connection
   * @param requestTimeout how long one request may take in all, retries included; also the time
   *     the socket may stay silent
   * @return the connector
   */
  static EsConnector rest5(Duration connectTimeout, Duration requestTimeout) {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Timeout connect = Timeout.of(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
    Timeout response = Timeout.of(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return (endpoint, instrumentation) -> {
      Rest5ClientBuilder b = Rest5Client.builder(endpoint.url())
          .setConnectionConfigCallback(c -> c.setConnectTimeout(connect).setSocketTimeout(response))
          .setRequestConfigCallback(r -> r.setConnectionRequestTimeout(response)
              .setResponseTimeout(response)
              .setRedirectsEnabled(false))
          .setHttpClientConfigCallback(h -> h.disableRedirectHandling().disableAutomaticRetries());
      // every HTTPS connection checks that the certificate names the URL's host, whatever the
      // context trusts; there is no way to turn this off
      TlsStrategy tls = HostNameVerification.tlsStrategy(endpoint.sslContext());
      b.setConnectionManagerCallback(m -> m.setTlsStrategy(tls));
      String auth = endpoint.authorization();
      if (auth != null) {
        b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", auth)});
      }
      Rest5Client rest = b.build();
      GuardedHttpClient http =
          new GuardedHttpClient(new Rest5ClientHttpClient(rest), requestTimeout, RetryPolicy.standard());
      return new ElasticsearchTransportBase(
          http, Rest5ClientOptions.of(null), new JacksonJsonpMapper(), instrumentation) {
        @Override
        public void close() throws IOException {
          // immediately: a graceful close waits for a stalled exchange to end on its own
          if (rest.getHttpClient() instanceof ModalCloseable m) {
            m.close(CloseMode.IMMEDIATE);
          }
          super.close();
        }
      };
    };
  }
}
