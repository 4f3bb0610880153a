package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import io.github.remoteclusters.elasticsearch.internal.es.FakeEs;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one polling loop of the reconciler (apply's verification and a rotation's wait) over a fake
 * HTTP layer, which can hold an alias disconnected until the node is asked to connect.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerificationFakeTest {

  static final String REMOTE_INFO = "GET /_remote/info";

  final FakeEs search = new FakeEs("9.5.3").persistent("cluster.remote.data.seeds",
      JsonNodeFactory.instance.arrayNode().add("data:9300"))
      .persistent("cluster.remote.other.seeds", JsonNodeFactory.instance.arrayNode().add("other:9300"));
  final FakeEs old = new FakeEs("8.19.21").persistent("cluster.remote.s.seeds",
      JsonNodeFactory.instance.arrayNode().add("search:9300"));
  Verification verification;

  @AfterEach
  void close() {
    if (verification != null) {
      verification.close();
    }
  }

  static ReconcilerConfig config(Duration verifyTimeout) {
    return Reconciler.builder().verifyTimeout(verifyTimeout).pollInterval(Duration.ofMillis(1))
        .config();
  }

  static EsSession session(String name, FakeEs fake) {
    return EsSession.connect(name, ClusterEndpoint.of("http://" + name + ":9200"),
        fake.connector());
  }

  static long count(FakeEs fake, String line) {
    return fake.lines().stream().filter(line::equals).count();
  }

  @Test
  void returnsAsSoonAsEveryAliasIsConnected() {
    search.reachable("data:9300").reachable("other:9300");
    verification = new Verification(config(Duration.ofMinutes(10)));
    Verification.Wait wait = verification.awaitConnected(session("search", search),
        Set.of("data", "other"));
    assertThat(wait.latest.get("data").connected()).isTrue();
    assertThat(wait.latest.get("other").connected()).isTrue();
    assertThat(wait.pollError).isNull();
    assertThat(count(search, REMOTE_INFO)).isEqualTo(1);
    assertThat(search.lines()).noneMatch(l -> l.startsWith("GET /_resolve/cluster"));
  }

  @Test
  void asksTheNodeToConnectOnceAfterTheDelayAndOnlyForAliasesNotConnected() throws Exception {
    search.reachable("other:9300").reachableOnResolve("data:9300");
    verification = new Verification(config(Duration.ofMinutes(10)), Duration.ofMillis(300));
    long start = System.nanoTime();
    Verification.Wait wait = verification.awaitConnected(session("search", search),
        Set.of("data", "other"));
    long waited = System.nanoTime() - start;
    wait.nudged.get(10, TimeUnit.SECONDS);
    assertThat(wait.latest.get("data").connected()).isTrue();
    // _remote/info kept reporting the failed attempt until the node was asked, once, after the
    // delay, for the alias not connected only
    assertThat(search.lines()).filteredOn(l -> l.startsWith("GET /_resolve/cluster"))
        .containsExactly("GET /_resolve/cluster/data:*");
    assertThat(count(search, REMOTE_INFO)).isGreaterThan(1);
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
  }

  @Test
  void stopsAtTheTimeoutWithTheLastReadAndWhatTheNodeReports() throws Exception {
    search.reachable("other:9300").resolveError("data", "Unable to connect to [data]");
    verification = new Verification(config(Duration.ofMillis(500)), Duration.ofMillis(100));
    long start = System.nanoTime();
    Verification.Wait wait = verification.awaitConnected(session("search", search),
        Set.of("data", "other"));
    long waited = System.nanoTime() - start;
    if (wait.nudged != null) {
      wait.nudged.get(10, TimeUnit.SECONDS);
    }
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(wait.latest.get("data").connected()).isFalse();
    assertThat(wait.latest.get("other").connected()).isTrue();
    assertThat(wait.pollError).isNull();
    assertThat(wait.reported).containsEntry("data", "Unable to connect to [data]");
    int polls = (int) count(search, REMOTE_INFO);
    assertThat(polls).isGreaterThan(1);
    // returned for good: nothing polls after the deadline
    Thread.sleep(50);
    assertThat(count(search, REMOTE_INFO)).isEqualTo(polls);
  }

  @Test
  void aClusterThatConnectsIsNoLongerPolledWhileAnotherWaitsUntilTheOneDeadline() {
    old.reachable("search:9300");
    verification = new Verification(config(Duration.ofMillis(300)), Duration.ofMinutes(1));
    Verification.Wait fast = new Verification.Wait(session("old", old), Set.of("s"),
        new ConcurrentHashMap<>());
    Verification.Wait slow = new Verification.Wait(session("search", search), Set.of("data"),
        new ConcurrentHashMap<>());
    verification.awaitAll(List.of(slow, fast));
    assertThat(fast.latest.get("s").connected()).isTrue();
    assertThat(count(old, REMOTE_INFO)).isEqualTo(1);
    assertThat(slow.latest.get("data").connected()).isFalse();
    assertThat(count(search, REMOTE_INFO)).isGreaterThan(1);
  }

  @Test
  void aFailedPollIsRetriedUntilAPollAnswers() {
    search.reachable("data:9300").failNext(REMOTE_INFO, 503, "unavailable", "node is starting");
    verification = new Verification(config(Duration.ofMinutes(10)));
    Verification.Wait wait = verification.awaitConnected(session("search", search),
        Set.of("data"));
    assertThat(wait.latest.get("data").connected()).isTrue();
    assertThat(wait.pollError).isNull();
    assertThat(count(search, REMOTE_INFO)).isEqualTo(2);
  }
}
