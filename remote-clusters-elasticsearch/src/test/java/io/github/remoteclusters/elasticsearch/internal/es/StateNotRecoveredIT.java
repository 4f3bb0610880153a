package io.github.remoteclusters.elasticsearch.internal.es;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real node whose cluster state is not recovered yet (it expects two data nodes and waits 15 s
 * for the second, as after a restart with {@code gateway.expected_data_nodes}): the settings read
 * says so instead of answering "no settings", and reads them once the state is recovered.
 *
 * <p>The wait ({@code gateway.recover_after_time}) only has to outlast the first read, made right
 * after the node started; 15 s leaves room for a busy machine without idling the build for long.
 */
class StateNotRecoveredIT {

  @EsCluster(settings = {"gateway.expected_data_nodes=2", "gateway.recover_after_time=15s"})
  static TestCluster waiting;

  @Test
  void settingsAreNotTrustedUntilTheStateIsRecovered() throws InterruptedException {
    try (EsSession s = EsSession.connect("waiting", ClusterEndpoint.of(waiting.httpUri().toString()),
        EsConnector.rest5(Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
      EsSession.SettingsRead first = s.readSettingsIfRecovered();
      System.out.println("STATE-NOT-RECOVERED first read: " + first);
      assertThat(first).isInstanceOfSatisfying(EsSession.SettingsRead.NotRecovered.class,
          n -> assertThat(n.reason()).contains("[1] \"state not recovered / initialized\""));

      long start = System.nanoTime();
      EsSession.SettingsRead later = first;
      while (later instanceof EsSession.SettingsRead.NotRecovered
          && System.nanoTime() - start < Duration.ofSeconds(120).toNanos()) {
        Thread.sleep(200);
        later = s.readSettingsIfRecovered();
      }
      System.out.println("STATE-NOT-RECOVERED recovered after " + (System.nanoTime() - start) / 1_000_000
          + " ms more: " + later);
      assertThat(later).isInstanceOf(EsSession.SettingsRead.Complete.class);
    }
  }
}
