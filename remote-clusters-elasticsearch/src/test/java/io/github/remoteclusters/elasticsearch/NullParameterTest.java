package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A null argument to a public entry point of the Elasticsearch executor is an NPE naming it. */
class NullParameterTest {

  private static final ClusterEndpoint E = ClusterEndpoint.of("http://h:9200");

  static Stream<Arguments> calls() {
    return Stream.of(
        call("url", () -> ClusterEndpoint.of(null)),
        call("url", () -> ClusterEndpoint.fromUrl(null)),
        call("user", () -> E.withBasicAuth(null, "p")),
        call("password", () -> E.withBasicAuth("u", null)),
        call("encodedApiKey", () -> E.withApiKey(null)),
        call("endpoints", () -> ClusterAccess.of(null)),
        call("cluster", () -> ClusterAccess.fromTopology().endpoint(null)),
        call("cluster", () -> ClusterAccess.of(Map.of()).endpoint(null)),
        call("cluster", () -> OwnershipStore.inMemory().owned(null)),
        call("aliases", () -> OwnershipStore.inMemory().save("c", null)),
        call("file", () -> OwnershipStore.jsonFile(null)),
        call("topology", () -> OwnershipStore.jsonFile(Path.of("x"), null)),
        call("requestTimeout", () -> Reconciler.builder().requestTimeout(null)),
        call("connectTimeout", () -> Reconciler.builder().connectTimeout(null)),
        call("access", () -> Reconciler.builder().access(null)));
  }

  private static Arguments call(String parameter, ThrowingCallable call) {
    return Arguments.of(parameter, call);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("calls")
  void nullIsNamed(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(parameter);
  }
}
