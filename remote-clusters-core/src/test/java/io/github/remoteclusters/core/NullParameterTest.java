package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyValidator;
import io.github.remoteclusters.core.settings.RemoteAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A null argument to a public entry point of core is an NPE naming the parameter. */
class NullParameterTest {

  private static final Cluster C = Cluster.of("c", EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED);

  static Stream<Arguments> calls() {
    return Stream.of(
        call("topology", () -> RemoteClusterPlanner.create().plan(null)),
        call("text", () -> TopologyReader.parse(null)),
        call("file", () -> TopologyReader.read(null)),
        call("file", () -> TopologyValidator.validate((Path) null, RemoteClusterPlanner.create())),
        call("planner", () -> TopologyValidator.validate(Path.of("x"), null)),
        call("clusters", () -> new Topology(null, List.of())),
        call("links", () -> new Topology(List.of(), null)),
        call("name", () -> new Topology(List.of(C), List.of()).cluster(null)),
        call("name", () -> Cluster.of(null, EsVersion.parse("9.5.3"), Deployment.ECH)),
        call("other", () -> C.sameEckEnvironment(null)),
        call("alias", () -> Link.of("a", "b", null)),
        call("id", () -> Deployment.fromId(null)),
        call("id", () -> Mode.fromId(null)),
        call("id", () -> License.fromId(null)),
        call("id", () -> SecurityModel.fromId(null)),
        call("other", () -> License.GOLD.includes(null)),
        call("value", () -> RemoteAddress.check(null)));
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
