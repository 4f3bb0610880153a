package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;
import org.junit.jupiter.api.Test;

/** What a user of the test kit writes: one cluster, one test. */
class ConsumerTest {

  @EsCluster(name = "consumer")
  static TestCluster cluster;

  @Test
  void clusterAnswers() throws Exception {
    assertEquals("consumer", cluster.client().cluster().health().clusterName());
  }
}
