package io.github.remoteclusters.k8s.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.k8s.EckAdapter;
import io.github.remoteclusters.k8s.EckCrdSchemaAccess;
import io.github.remoteclusters.k8s.EckOptions;
import io.github.remoteclusters.k8s.RenderResult;
import io.github.remoteclusters.k8s.RenderedResource;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds our plan ({@code plan --json}) and our rendered resources against the step lists of the
 * Elastic docs pages of the six scenarios, for each security model the pages cover; every complete
 * {@code Elasticsearch} rendered (into a user's manifest with nodeSets {@code hot} and {@code
 * warm}) must validate against ECK's CRD schema.
 */
class DocsScenariosTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<DocsScenario> scenarios() {
    return Stream.of(
            Scenario1SameEck.all(),
            Scenario2OtherEck.all(),
            Scenario3EckToExternal.all(),
            Scenario4EchToEck.all(),
            Scenario5EceToEck.all(),
            Scenario6SelfManagedToEck.all())
        .flatMap(List::stream);
  }

  @TempDir Path dir;

  private Topology read(DocsScenario s) throws Exception {
    return read(s, dir);
  }

  /** Writes the scenario's files and topology into {@code dir} and reads it. */
  static Topology read(DocsScenario s, Path dir) throws Exception {
    for (Map.Entry<String, String> f : s.files().entrySet()) {
      String content = f.getValue().equals("CA")
          ? Pem.writeCertificates(
              List.of(Certificates.createCa(CaRequest.of("ca of " + f.getKey())).certificate()))
          : f.getValue();
      Files.writeString(dir.resolve(f.getKey()), content);
    }
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, s.topology());
    TopologyReadResult r = TopologyReader.read(file);
    assertThat(r.problems()).as("topology of " + s).isEmpty();
    return ((TopologyReadResult.Loaded) r).topology();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void planFollowsTheDocsPage(DocsScenario s) throws Exception {
    Topology topology = read(s);
    JsonNode plan = MAPPER.readTree(PlanFormatter.toJson(RemoteClusterPlanner.create().plan(topology)));
    JsonNode link = plan.path("links").get(0);
    assertThat(link.path("errors")).as(s + ": " + link.path("errors")).isEmpty();
    List<JsonNode> steps = new ArrayList<>();
    link.path("steps").forEach(steps::add);
    List<String> failures = new ArrayList<>();
    int last = -1;
    for (DocsStep d : s.steps()) {
      List<Integer> matches = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        if (matches(steps.get(i), d)) {
          matches.add(i);
        }
      }
      if (d.absent()) {
        if (!matches.isEmpty()) {
          failures.add("[" + d.section() + "] the page says " + d.docs() + ", but the plan has step "
              + (matches.get(0) + 1) + ": " + steps.get(matches.get(0)).path("description").asText());
        }
        continue;
      }
      int after = last;
      Integer found = matches.stream().filter(i -> !d.ordered() || i > after).findFirst().orElse(null);
      if (found == null) {
        failures.add("[" + d.section() + "] " + d.side() + ": " + d.docs() + " -- no plan step"
            + (d.action() == null ? "" : " " + d.action()) + " mentioning " + d.mentions()
            + (matches.isEmpty() ? "" : " after step " + (last + 1) + " (found at "
                + matches.stream().map(i -> i + 1).toList() + ")"));
      } else if (d.ordered()) {
        last = found;
      }
    }
    for (Map.Entry<String, Integer> e : s.restarts().entrySet()) {
      long restarts = steps.stream()
          .filter(st -> st.path("target").asText().equals(e.getKey()))
          .filter(st -> {
            if (!st.has("restartsNodes")) {
              failures.add("step " + st.path("action").asText() + " has no restartsNodes");
            }
            return st.path("restartsNodes").asBoolean(false);
          })
          .count();
      if (restarts != e.getValue()) {
        failures.add(e.getKey() + ": " + restarts + " steps restart nodes, the docs need "
            + e.getValue());
      }
    }
    assertThat(failures).as(s + " against " + s.url() + "\n" + String.join("\n", failures))
        .isEmpty();
  }

  private static boolean matches(JsonNode step, DocsStep d) {
    if (!step.path("target").asText().equals(d.side())) {
      return false;
    }
    if (d.action() != null && !step.path("action").asText().equals(d.action())) {
      return false;
    }
    String text = step.toString().toLowerCase(Locale.ROOT);
    for (String m : d.mentions()) {
      boolean negative = m.startsWith("!");
      String word = (negative ? m.substring(1) : m).toLowerCase(Locale.ROOT);
      String json = MAPPER.valueToTree(word).toString();
      String escaped = json.substring(1, json.length() - 1);
      if ((text.contains(word) || text.contains(escaped)) == negative) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void renderIntoTheUsersManifestsFollowsTheDocsPageAndEcksCrd(DocsScenario s) throws Exception {
    Topology topology = read(s);
    List<HasMetadata> base = new ArrayList<>();
    for (Cluster c : topology.clusters()) {
      if (c.eck() != null) {
        base.add(userManifest(c));
      }
    }
    RenderResult r = EckAdapter.of(EckOptions.defaults()).render(topology, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(topology), base);
    assertThat(r).as(s + ": " + r.problems()).isInstanceOf(RenderResult.Rendered.class);
    List<RenderedResource> resources = ((RenderResult.Rendered) r).resources();
    List<String> failures = new ArrayList<>();
    for (RenderedResource res : resources) {
      if (res.resource().getKind().equals("Elasticsearch")) {
        if (res.partial()) {
          failures.add(res.describe() + " is partial although its manifest was given");
        } else {
          EckCrdSchemaAccess.errors(res.resource())
              .forEach(e -> failures.add(res.describe() + " breaks ECK's CRD: " + e));
        }
      }
    }
    for (DocsRender d : s.renders()) {
      Cluster c = topology.clustersByName().get(d.cluster());
      String name = d.name() == null ? c.eck().name() : d.name();
      String namespace = c.eck().namespace();
      JsonNode tree = resources.stream()
          .filter(x -> x.resource().getKind().equals(d.kind())
              && x.resource().getMetadata().getName().equals(name)
              && namespace.equals(x.resource().getMetadata().getNamespace()))
          .<JsonNode>map(x -> MAPPER.valueToTree(x.resource()))
          .findFirst().orElse(null);
      if (tree == null) {
        failures.add(d.kind() + " " + namespace + "/" + name + " not rendered (" + d.docs() + ")");
        continue;
      }
      List<String> segments = java.util.Arrays.stream(d.pointer().substring(1).split("/"))
          .map(x -> x.replace("~1", "/").replace("~0", "~"))
          .toList();
      if (!holds(tree, segments, 0, d.expected())) {
        failures.add(d.kind() + " " + name + " " + d.pointer() + " should be " + d.expected()
            + " (" + d.docs() + ")");
      }
    }
    assertThat(failures).as(s + " against " + s.url() + "\n" + String.join("\n", failures))
        .isEmpty();
  }

  /** A user's own manifest: two nodeSets whose names the topology does not know. */
  static GenericKubernetesResource userManifest(Cluster c) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("elasticsearch.k8s.elastic.co/v1")
        .withKind("Elasticsearch")
        .withNewMetadata().withName(c.eck().name()).withNamespace(c.eck().namespace()).endMetadata()
        .addToAdditionalProperties("spec", Map.of(
            "version", c.version().toString(),
            "nodeSets", List.of(
                Map.of("name", "hot", "count", 3, "config", Map.of("node.roles", List.of("master", "data_hot"))),
                Map.of("name", "warm", "count", 2))))
        .build();
  }

  static boolean holds(JsonNode node, List<String> segments, int i, String expected) {
    if (i == segments.size()) {
      if (expected.equals("!")) {
        return node == null || node.isMissingNode() || node.isNull();
      }
      if (node == null || node.isMissingNode() || node.isNull()) {
        return false;
      }
      String text = node.isValueNode() ? node.asText() : node.toString();
      if (expected.startsWith("!~")) {
        return !text.contains(expected.substring(2));
      }
      if (expected.startsWith("~")) {
        return text.contains(expected.substring(1));
      }
      return text.equals(expected);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return expected.equals("!") || expected.startsWith("!~");
    }
    String seg = segments.get(i);
    if (seg.equals("*") || seg.equals("?")) {
      if (!node.isArray() || node.isEmpty()) {
        return expected.equals("!") || expected.startsWith("!~");
      }
      boolean all = true;
      boolean any = false;
      for (JsonNode e : node) {
        boolean h = holds(e, segments, i + 1, expected);
        all &= h;
        any |= h;
      }
      return seg.equals("*") ? all : any;
    }
    JsonNode child = node.isArray() && seg.matches("\\d+") ? node.get(Integer.parseInt(seg)) : node.get(seg);
    return holds(child, segments, i + 1, expected);
  }
}
