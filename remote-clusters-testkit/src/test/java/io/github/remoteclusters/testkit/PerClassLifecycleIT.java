package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code PER_CLASS} the test instance exists before {@code beforeAll}: instance fields must
 * still get their cluster. Also a lone 8.19 cluster through the extension.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassLifecycleIT {

  @EsCluster(version = "8.19.21")
  TestCluster old;

  @EsCluster(name = "old")
  ElasticsearchClient client;

  @Test
  void instanceFieldsAreFilledBeforeTheFirstTest() throws IOException {
    assertThat(old.isRunning()).isTrue();
    assertThat(client).isSameAs(old.client());
    assertThat(client.info().version().number()).isEqualTo("8.19.21");
    assertThat(client.cluster().health().clusterName()).isEqualTo("old");
  }
}
