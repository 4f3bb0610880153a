package io.github.remoteclusters.elasticsearch.internal.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "GET, /, true",
    "HEAD, /, true",
    "GET, /_remote/info, true",
    "PUT, /_cluster/settings, true",
    "POST, /_security/cross_cluster/api_key, false",
    "PUT, /_security/cross_cluster/api_key/k1, false",
    "DELETE, /_security/api_key, false",
    "PUT, /_security/role/remote-a, false",
    "POST, /_nodes/reload_secure_settings, false",
  })
  void onlyIdempotentRequestsAreRetried(String method, String path, boolean retried) {
    assertThat(RetryPolicy.idempotent(method, path)).isEqualTo(retried);
    assertThat(RetryPolicy.standard().configFor(method, path, Duration.ofSeconds(30)).isEnabled())
        .isEqualTo(retried);
  }

  /** Full jitter: every delay lies in [0, min(cap, base * 2^n)], seeded so a failure replays. */
  @ParameterizedTest
  @ValueSource(longs = {1L, 7L, 20261127L})
  void delaysAreJitteredWithinTheExponentialBound(long seed) {
    Random random = new Random(seed);
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000), random::nextLong);
    for (int run = 0; run < 200; run++) {
      List<Long> delays = new ArrayList<>();
      p.backoff(Duration.ofHours(1)).iterator().forEachRemaining(delays::add);
      assertThat(delays).as("seed %d", seed).hasSize(6);
      for (int n = 0; n < delays.size(); n++) {
        assertThat(delays.get(n)).as("seed %d, retry %d", seed, n)
            .isBetween(0L, Math.min(1000L, 100L << n));
      }
    }
    assertThat(p.bound(0)).isEqualTo(100);
    assertThat(p.bound(3)).isEqualTo(800);
    assertThat(p.bound(4)).isEqualTo(1000);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 50})
  void noDelayEndsPastTheBudget(int budgetMillis) {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(100), () -> 100L);
    Iterator<Long> delays = p.backoff(Duration.ofMillis(budgetMillis)).iterator();
    // every delay is 100 ms (the bound) here: none fits a budget under 100 ms
    assertThat(delays.hasNext()).isFalse();
  }
}
