package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.security.CreateApiKeyResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The official Elasticsearch image through Testcontainers: the only way to reach security (TLS, API
 * keys) in tests, since x-pack security is not on Maven Central.
 *
 * <p><strong>Skipped where there is no Docker engine</strong>, which includes this project's
 * machines and CI; the real-node ITs ({@link RemoteClusterLinkIT}, {@link ClusterLifecycleIT}) are
 * what runs here. It has never run on a machine with Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerSecuredClusterIT {

  /** 8.x and 9.x images start with security and TLS on; Testcontainers sets the password. */
  @Container
  static final ElasticsearchContainer ES =
      new ElasticsearchContainer(
          "docker.elastic.co/elasticsearch/elasticsearch:" + EsCluster.LATEST);

  @Test
  void createsAnApiKeyOverTls() throws IOException {
    try (ElasticsearchClient client =
        ElasticsearchClient.of(
            c ->
                c.host("https://" + ES.getHttpHostAddress())
                    .usernameAndPassword(
                        "elastic", ElasticsearchContainer.ELASTICSEARCH_DEFAULT_PASSWORD)
                    .sslContext(ES.createSslContextFromCa()))) {
      assertThat(client.info().version().number()).isEqualTo(EsCluster.LATEST);
      CreateApiKeyResponse key = client.security().createApiKey(k -> k.name("testkit-probe"));
      assertThat(key.apiKey()).isNotBlank();
    }
  }
}
