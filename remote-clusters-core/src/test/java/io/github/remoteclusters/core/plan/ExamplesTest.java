package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example under examples/ reads and plans without errors; examples/problems/ shows errors. */
class ExamplesTest {

  static final Path EXAMPLES = Path.of("..", "examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static Stream<Path> problemExamples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES.resolve("problems"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereIsAnExamplePerScenario() throws IOException {
    assertThat(examples().count()).isGreaterThanOrEqualTo(7);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void readsAndPlansWithoutErrors(Path file) {
    TopologyReadResult read = TopologyReader.read(file);
    assertThat(read.problems()).isEmpty();
    TopologyPlan plan =
        RemoteClusterPlanner.create().plan(read.orElseThrow());
    // The only warnings examples show on purpose: a plan that enables the remote cluster server
    // first, and the deprecation of the certificate model on 9.x.
    assertThat(plan.problems())
        .extracting(Problem::code)
        .allMatch(c -> c == ProblemCode.REMOTE_CLUSTER_SERVER_DISABLED
            || c == ProblemCode.SECURITY_DEPRECATED);
    assertThat(plan.links()).allSatisfy(r -> assertThat(r).isInstanceOf(PlanResult.Planned.class));
    TopologyValidator.Report report =
        TopologyValidator.validate(file, RemoteClusterPlanner.create());
    assertThat(report.valid()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("problemExamples")
  void problemExamplesShowErrors(Path file) {
    TopologyValidator.Report report =
        TopologyValidator.validate(file, RemoteClusterPlanner.create());
    assertThat(report.valid()).isFalse();
    assertThat(report.unreadable()).isFalse();
  }
}
