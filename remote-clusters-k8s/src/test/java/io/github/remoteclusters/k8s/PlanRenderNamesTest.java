package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan and the Kubernetes rendering of every example name the same resources: a user who
 * follows the plan's instructions and one who applies {@code k8s render} end with one credentials
 * Secret and one CA ConfigMap per cluster, not two.
 */
class PlanRenderNamesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  /** Names checked over all examples; a test that checked none would prove nothing. */
  private static final AtomicInteger CHECKED = new AtomicInteger();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyResourceNameOfThePlanIsTheRenderedOne(Path file) {
    TopologyReadResult read = TopologyReader.read(file);
    assertThat(read.problems()).isEmpty();
    Topology topology = read.orElseThrow();
    TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
    String planText = PlanFormatter.toText(plan) + "\n" + PlanFormatter.toJson(plan);
    // every CA and key known, so that every resource is rendered, not left pending
    Map<String, Credential> keys = new HashMap<>();
    topology.links().forEach(l -> keys.put(l.local() + "/" + l.alias(),
        new Credential("c2VjcmV0OmtleQ==")));
    Map<String, String> cas = new HashMap<>();
    topology.clusters().forEach(c -> cas.put(c.name(), "CA-OF-" + c.name()));
    RenderResult result = EckAdapter.of(EckOptions.defaults()
        .withMaterials(LinkMaterials.of(keys, cas, cas))).render(topology, plan);
    assertThat(result).isInstanceOf(RenderResult.Rendered.class);
    String rendered = EckAdapter.toYaml(((RenderResult.Rendered) result).resources());
    for (Cluster c : topology.clusters()) {
      if (c.eck() == null) {
        continue;
      }
      // our resources are <es>-remote-* and <es>-transport-*; ECK's own are <es>-es-*
      Pattern ours = Pattern.compile(
          "(?<![a-z0-9-])" + Pattern.quote(c.eck().name()) + "-(remote|transport)-[a-z0-9-]*[a-z0-9]");
      Set<String> inPlan = names(ours, planText);
      Set<String> inRender = names(ours, rendered);
      assertThat(inRender).as("names rendered for %s in %s", c.eck().name(), file)
          .containsAll(inPlan);
      CHECKED.addAndGet(inPlan.size());
    }
  }

  private static Set<String> names(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @AfterAll
  static void someNamesWereChecked() {
    assertThat(CHECKED.get()).as("resource names of plans compared with the rendering")
        .isGreaterThanOrEqualTo(3);
  }
}
