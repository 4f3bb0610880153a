package io.github.remoteclusters.k8s.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.EckAdapter;
import io.github.remoteclusters.k8s.EckOptions;
import io.github.remoteclusters.k8s.RenderResult;
import io.github.remoteclusters.k8s.RenderedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18's done-when: for every example, every docs scenario and seeded generated topologies
 * (every deployment, model and mode), the connection settings the render writes for an ECK-local
 * link ({@code mode}, {@code seeds}, {@code proxy_address}, {@code server_name}) equal the plan's;
 * inside one ECK environment the render writes none (ECK writes the seeds of its entry).
 */
class ConnectionSettingsParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final RemoteClusterPlanner PLANNER = RemoteClusterPlanner.create();
  private static final EckAdapter ADAPTER = EckAdapter.of(EckOptions.defaults());
  private static final List<String> KEYS = List.of("mode", "seeds", "proxy_address", "server_name");

  @TempDir Path dir;

  static Stream<Path> examples() throws Exception {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleRendersThePlansConnectionSettings(Path example) {
    TopologyReadResult r = TopologyReader.read(example);
    assertThat(r.problems()).as("%s", example).noneMatch(Problem::isError);
    int checked = parity(r.orElseThrow(), example.toString());
    assertThat(checked).as("%s", example).isGreaterThanOrEqualTo(0);
  }

  static Stream<DocsScenario> scenarios() {
    return DocsScenariosTest.scenarios();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyDocsScenarioRendersThePlansConnectionSettings(DocsScenario s) throws Exception {
    Path d = Files.createTempDirectory(dir, "s");
    parity(DocsScenariosTest.read(s, d), s.toString());
  }

  @Test
  void generatedTopologiesRenderThePlansConnectionSettings() {
    long first = new Random().nextLong() & 0xffff_ffffL;
    System.out.println("ConnectionSettingsParityTest seed " + first);
    int links = 0;
    int sameEnv = 0;
    int rendered = 0;
    for (long seed = first; seed < first + 520; seed++) {
      String yaml = generated(seed);
      TopologyReadResult r = TopologyReader.parse(yaml, EXAMPLES);
      assertThat(r.problems()).as("seed %s\n%s", seed, yaml).noneMatch(Problem::isError);
      Topology t = r.orElseThrow();
      int n = parity(t, "seed " + seed + "\n" + yaml);
      if (n >= 0) {
        rendered++;
        links += n;
      }
      sameEnv += sameEnvLinks(t);
    }
    assertThat(rendered).as("generated topologies that render (first seed %s)", first)
        .isGreaterThan(100);
    assertThat(links).as("ECK-local links checked (first seed %s)", first).isGreaterThan(100);
    assertThat(sameEnv).isGreaterThan(50);
  }

  private static int sameEnvLinks(Topology t) {
    var byName = t.clustersByName();
    return (int) t.links().stream()
        .filter(l -> byName.get(l.local()).eck() != null
            && byName.get(l.local()).sameEckEnvironment(byName.get(l.remote())))
        .count();
  }

  /**
   * Renders the topology with its plan and compares; returns the number of ECK-local links whose
   * settings were compared, or -1 when the render (rightly) refused.
   */
  static int parity(Topology t, String what) {
    TopologyPlan plan = PLANNER.plan(t);
    RenderResult r = ADAPTER.render(t, plan);
    if (!(r instanceof RenderResult.Rendered)) {
      assertThat(plan.hasErrors() || r.problems().stream().anyMatch(Problem::isError))
          .as("%s: %s", what, r.problems()).isTrue();
      return -1;
    }
    var byName = t.clustersByName();
    List<RenderedResource> resources = ((RenderResult.Rendered) r).resources();
    int checked = 0;
    for (PlanResult pr : plan.links()) {
      if (!(pr instanceof PlanResult.Planned)) {
        continue;
      }
      var p = ((PlanResult.Planned) pr).plan();
      Cluster local = byName.get(p.local());
      if (local.eck() == null || p.state() != io.github.remoteclusters.core.LinkState.PRESENT) {
        continue;
      }
      ObjectNode written = written(resources, local, p.alias());
      if (local.sameEckEnvironment(byName.get(p.remote()))) {
        assertThat(written.isEmpty()).as("%s: same ECK environment, alias [%s]: ECK writes the"
            + " seeds", what, p.alias()).isTrue();
        continue;
      }
      StepPayload.PutRemoteSettings put = p.steps().stream()
          .filter(s -> s.target().equals(local.name()))
          .map(PlanStep::payload)
          .filter(StepPayload.PutRemoteSettings.class::isInstance)
          .map(StepPayload.PutRemoteSettings.class::cast)
          .findFirst().orElseThrow();
      assertThat(written).as("%s: alias [%s]", what, p.alias()).isEqualTo(expected(put));
      assertThat(p.connection()).isEqualTo(put.connection());
      checked++;
    }
    return checked;
  }

  private static ObjectNode expected(StepPayload.PutRemoteSettings put) {
    ObjectNode o = NODES.objectNode();
    o.put("mode", put.mode().id());
    if (put.connection() instanceof Connection.Sniff) {
      ArrayNode seeds = o.putArray("seeds");
      ((Connection.Sniff) put.connection()).seeds().forEach(seeds::add);
    } else {
      Connection.Proxy proxy = (Connection.Proxy) put.connection();
      o.put("proxy_address", proxy.address());
      if (proxy.serverName() != null) {
        o.put("server_name", proxy.serverName());
      }
    }
    return o;
  }

  /** The connection settings of an alias in the local's Elasticsearch or StackConfigPolicy. */
  private static ObjectNode written(List<RenderedResource> resources, Cluster local, String alias) {
    ObjectNode out = NODES.objectNode();
    String es = local.eck().name();
    for (RenderedResource x : resources) {
      String kind = x.resource().getKind();
      String name = x.resource().getMetadata().getName();
      boolean mine = kind.equals("Elasticsearch") && name.equals(es)
          || kind.equals("StackConfigPolicy") && name.equals(EckNames.stackConfigPolicy(es));
      if (mine && local.eck().namespace().equals(x.resource().getMetadata().getNamespace())) {
        collect(JSON.valueToTree(x.resource()), alias, out);
      }
    }
    return out;
  }

  private static void collect(JsonNode node, String alias, ObjectNode out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        for (String key : KEYS) {
          if (e.getKey().equals(EckNames.remoteSetting(alias, key))) {
            out.set(key, e.getValue());
          }
        }
        collect(e.getValue(), alias, out);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, alias, out));
    }
  }

  /** Every deployment, security model and mode; ECK clusters in two environments. */
  static String generated(long seed) {
    Random r = new Random(seed);
    String[] kinds = {"eck", "eck", "eck", "ech", "ece", "self-managed"};
    String[] security = {"api-key", "certificate", "api-key", "certificate", "api-key",
        "certificate", "api-key", "certificate", "api-key", "none"};
    String[] modes = {"", "", ", mode: proxy", ", mode: sniff"};
    String[] operators = {"3.2.0", "3.3.0", "3.5.0"};
    StringBuilder y = new StringBuilder("# seed " + seed + "\nclusters:\n");
    int n = 2 + r.nextInt(3);
    String version = r.nextBoolean() ? "9.1.5" : "8.19.4";
    List<String> kindOf = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String kind = kinds[r.nextInt(kinds.length)];
      kindOf.add(kind);
      boolean cloud = kind.equals("ech") || kind.equals("ece");
      y.append("  - {name: c").append(i).append(", version: \"")
          .append(version).append("\", deployment: ").append(kind)
          .append(", license: ").append(r.nextInt(10) == 0 ? "platinum" : "enterprise")
          .append(", remoteClusterServer: true, remoteClusterAddress: \"c").append(i)
          .append(".example.com:9443\", transportAddress: \"c").append(i)
          .append(cloud ? ".example.com:9400\"" : ".example.com:9300\"")
          .append(", transportCa: certs/eck-logs-dc1-ca.crt, remoteClusterCa: certs/eck-logs-dc1-ca.crt");
      if (kind.equals("self-managed") && r.nextBoolean()) {
        y.append(", serverName: c").append(i).append(".internal");
      }
      if (kind.equals("eck")) {
        y.append(", eck: {name: es").append(i).append(", namespace: ns")
            .append(r.nextInt(2)).append(", environment: ").append(r.nextBoolean() ? "a" : "b")
            .append(", operatorVersion: \"").append(operators[r.nextInt(operators.length)])
            .append("\"}");
      }
      y.append("}\n");
    }
    y.append("links:\n");
    for (int i = 0; i < 1 + r.nextInt(2); i++) {
      int local = r.nextInt(n);
      int remote = (local + 1 + r.nextInt(n - 1)) % n;
      String model = security[r.nextInt(security.length)];
      y.append("  - {local: c").append(local).append(", remote: c").append(remote)
          .append(", alias: l").append(i).append(", security: ").append(model)
          .append(modes[r.nextInt(modes.length)]);
      if (model.equals("api-key")) {
        y.append(", access: {search: [{names: [\"logs-*\"]}]}");
      }
      y.append(r.nextInt(5) == 0 ? ", skipUnavailable: true}\n" : "}\n");
    }
    return y.toString();
  }
}
