package io.github.remoteclusters.core.internal.es;

import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.ElasticsearchTransportConfig;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import io.github.remoteclusters.core.spi.ClusterEndpoint;

/** Opens an elasticsearch-java transport to an endpoint; tests pass a fake one. Not API. */
@FunctionalInterface
public interface EsConnector {

  /**
   * Opens a transport.
   *
   * @param endpoint where to
   * @param instrumentation the request counter to install
   * @return the transport
   */
  ElasticsearchTransport open(ClusterEndpoint endpoint, Instrumentation instrumentation);

  /**
   * The real thing: the Rest5 (Apache HttpClient 5) transport of elasticsearch-java.
   *
   * @return the connector
   */
  static EsConnector rest5() {
    return (endpoint, instrumentation) -> {
      ElasticsearchTransportConfig.Builder b =
          new ElasticsearchTransportConfig.Builder()
              .host(endpoint.url())
              .instrumentation(instrumentation);
      if (endpoint.sslContext() != null) {
        b.sslContext(endpoint.sslContext());
      }
      String auth = endpoint.authorization();
      if (auth != null) {
        b.transportOptions(o -> o.setHeader("Authorization", auth));
      }
      return b.build().buildTransport();
    };
  }
}
