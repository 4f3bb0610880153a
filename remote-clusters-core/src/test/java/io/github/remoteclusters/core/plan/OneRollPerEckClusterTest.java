package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 item 9: one rolling restart per ECK cluster and plan. ECK rolls the nodes for every
 * change of an {@code Elasticsearch} resource's config or pod template: "remoteClusterServer.enabled
 * ... Triggers a rolling restart (new elasticsearch.yml)"; "The secure-settings hash is part of the
 * pod-template config hash ({@code nodespec/podspec.go}) ⇒ every new/changed cross-cluster key
 * causes a rolling restart of the client cluster"; the Cloud trust filter sets {@code
 * xpack.security.transport.ssl.trust_restrictions.path} "with volume mounts (rolling restart)"
 * (shared/research/eck-implementation.md, from ECK's sources and the ECK-to-ECH docs). The render
 * writes one desired manifest per resource, so the plan has one roll step per ECK cluster, naming
 * every change it carries.
 */
class OneRollPerEckClusterTest {

  /** An ECK cluster that is the local of an API-key link and the remote of another. */
  private static final String LOCAL_AND_REMOTE = """
      clusters:
        - {name: search, version: "9.1.3", deployment: eck, license: enterprise,
           remoteClusterAddress: "search.example.com:9443", remoteClusterServer: false,
           eck: {name: search, namespace: elastic, environment: k8s, operatorVersion: "3.3.0"}}
        - {name: dc1, version: "9.1.3", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "dc1.example.com:9443", serverName: dc1.example.com,
           remoteClusterServer: true}
        - {name: dc2, version: "9.1.3", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "dc2.example.com:9443", remoteClusterServer: true}
      links:
        - {local: search, remote: dc1, alias: dc1, access: {search: [{names: ["a-*"]}]}}
        - {local: dc2, remote: search, alias: search, access: {search: [{names: ["b-*"]}]}}
      """;

  @Test
  void enablingTheServerAndStoringTheKeyOfOneEckClusterAreOneRoll() {
    TopologyPlan plan = Plans.planAll(LOCAL_AND_REMOTE);
    assertThat(plan.problems()).noneMatch(io.github.remoteclusters.core.Problem::isError);
    assertThat(restarting(plan, "search")).hasSize(1);
    PlanStep store = Plans.step(planOf(plan, "dc1"), StepAction.STORE_CREDENTIALS, PlanStep.class);
    PlanStep enable = Plans.step(planOf(plan, "search"), StepAction.ENABLE_REMOTE_CLUSTER_SERVER,
        PlanStep.class);
    int enableStep = planOf(plan, "search").steps().indexOf(enable) + 1;
    int storeStep = planOf(plan, "dc1").steps().indexOf(store) + 1;
    assertThat(store.restartsNodes()).isFalse();
    assertThat(store.description()).startsWith("no restart here; the rolling restart is in step "
        + enableStep + " of alias [search]");
    assertThat(enable.restartsNodes()).isTrue();
    assertThat(enable.description()).contains("one rolling restart of [search] for: "
        + "STORE_CREDENTIALS of alias [dc1] (step " + storeStep + " of alias [dc1]), "
        + "ENABLE_REMOTE_CLUSTER_SERVER of alias [search] (step " + enableStep
        + " of alias [search])");
    assertThat(Plans.step(planOf(plan, "dc1"), StepAction.VERIFY_CONNECTED, PlanStep.class)
        .description()).contains("once step " + enableStep + " of alias [search] has rolled [search]");
    assertThat(RestartWordsTest.disagreements("local and remote", Plans.topology(LOCAL_AND_REMOTE)))
        .isEmpty();
  }

  /**
   * An ECK cluster that is the local of two API-key links (the planner already groups their
   * credentials into the STORE_CREDENTIALS of the last) and the remote of a third, whose server
   * must be enabled: all of it is one roll.
   */
  private static final String TWO_KEYS_AND_A_SERVER = LOCAL_AND_REMOTE.replace(
      "  - {local: dc2, remote: search", "  - {local: search, remote: dc2, alias: dc2, access:"
          + " {search: [{names: [\"c-*\"]}]}}\n  - {local: dc2, remote: search");

  /** The deferral of a grouped STORE_CREDENTIALS is a flag of its payload, not words. */
  @Test
  void storeCredentialsLeftToTheRollSayItInTheirPayload() {
    TopologyPlan plan = Plans.planAll(TWO_KEYS_AND_A_SERVER);
    assertThat(plan.problems()).noneMatch(io.github.remoteclusters.core.Problem::isError);
    List<PlanStep> rolls = restarting(plan, "search");
    assertThat(rolls).hasSize(1);
    PlanStep roll = rolls.get(0);
    assertThat(roll.action()).isEqualTo(StepAction.ENABLE_REMOTE_CLUSTER_SERVER);
    int rollStep = planOf(plan, "search").steps().indexOf(roll) + 1;
    String where = "step " + rollStep + " of alias [search]";
    for (String alias : List.of("dc1", "dc2")) {
      Plan p = planOf(plan, alias);
      PlanStep store = Plans.step(p, StepAction.STORE_CREDENTIALS, PlanStep.class);
      assertThat(store.restartsNodes()).as(alias).isFalse();
      assertThat(((StepPayload.StoreCredentials) store.payload()).deferred()).as(alias).isTrue();
      assertThat(roll.description()).contains("STORE_CREDENTIALS of alias [" + alias + "] (step "
          + (p.steps().indexOf(store) + 1) + " of alias [" + alias + "])");
      // the verification of each link waits for the one roll, said once
      String verify = Plans.step(p, StepAction.VERIFY_CONNECTED, PlanStep.class).description();
      assertThat(verify.split(java.util.regex.Pattern.quote("once " + where + " has rolled"), -1))
          .as(verify).hasSize(2);
    }
    // the first link's step was grouped by the planner: it names the roll
    assertThat(Plans.step(planOf(plan, "dc1"), StepAction.STORE_CREDENTIALS, PlanStep.class)
        .description()).contains("the one roll of [search] is " + where);
  }

  @Test
  void aStoreCredentialsThatMakesItsOwnChangeIsNotDeferred() {
    // the keystore of a self-managed local: no ECK resource, nothing to leave to a roll
    PlanStep store = Plans.step(planOf(Plans.planAll(LOCAL_AND_REMOTE), "search"),
        StepAction.STORE_CREDENTIALS, PlanStep.class);
    assertThat(store.target()).isEqualTo("dc2");
    assertThat(((StepPayload.StoreCredentials) store.payload()).deferred()).isFalse();
    // the single API-key link of an ECK local: its own change is the roll
    PlanStep single = Plans.step(planOf(Plans.planAll(LOCAL_AND_REMOTE.replace(
        "- {local: dc2, remote: search, alias: search, access: {search: [{names: [\"b-*\"]}]}}",
        "")), "dc1"), StepAction.STORE_CREDENTIALS, PlanStep.class);
    assertThat(single.restartsNodes()).isTrue();
    assertThat(((StepPayload.StoreCredentials) single.payload()).deferred()).isFalse();
    assertThat(new StepPayload.StoreCredentials("a", "k").deferred()).isFalse();
  }

  /** An ECK cluster with certificate links to two Elastic Cloud deployments: two trust filters. */
  private static final String TWO_CLOUD_PEERS = """
      clusters:
        - {name: k, version: "8.19.4", deployment: eck, license: enterprise,
           transportAddress: "k.example.com:9300", transportCa: certs/eck-logs-dc1-ca.crt,
           eck: {name: logs, namespace: logging, environment: dc1}}
        - {name: cloud1, version: "8.19.4", deployment: ech, license: enterprise,
           transportAddress: "cloud1.example.com:9400", url: "https://cloud1.example.com",
           transportCa: certs/ece-transport-ca.crt}
        - {name: cloud2, version: "8.19.4", deployment: ech, license: enterprise,
           transportAddress: "cloud2.example.com:9400", url: "https://cloud2.example.com",
           transportCa: certs/ece-transport-ca.crt}
      links:
        - {local: k, remote: cloud1, alias: cloud1, security: certificate}
        - {local: k, remote: cloud2, alias: cloud2, security: certificate}
      """;

  @Test
  void twoCloudTrustFiltersOfOneEckClusterAreOneRoll() {
    TopologyPlan plan = RemoteClusterPlanner.create().plan(cloudPeers());
    assertThat(plan.problems()).noneMatch(io.github.remoteclusters.core.Problem::isError);
    List<PlanStep> rolls = restarting(plan, "k");
    assertThat(rolls).hasSize(1);
    assertThat(rolls.get(0).action()).isEqualTo(StepAction.TRUST_CA);
    assertThat(rolls.get(0).description()).contains("one rolling restart of [k] for: TRUST_CA of"
        + " alias [cloud1]").contains("TRUST_CA of alias [cloud2]");
    assertThat(planOf(plan, "cloud1").steps()).anySatisfy(s -> {
      assertThat(s.action()).isEqualTo(StepAction.TRUST_CA);
      assertThat(s.target()).isEqualTo("k");
      assertThat(s.restartsNodes()).isFalse();
      assertThat(s.description()).startsWith("no restart here; the rolling restart is in step");
      assertThat(String.join("\n", ((ManualStep) s).instructions()))
          .contains("do not change the Elasticsearch resource of [k] for this step alone");
    });
    assertThat(RestartWordsTest.disagreements("two cloud peers", cloudPeers()))
        .isEmpty();
  }

  private static Topology cloudPeers() {
    return new GeneratedTopologies.Generated(0, TWO_CLOUD_PEERS).topology();
  }

  static Stream<GeneratedTopologies.Generated> generated() {
    return GeneratedTopologies.generate(9100, 500).stream();
  }

  /**
   * Every ECK cluster has at most one restarting step in the plan of a topology, and that step
   * names every change whose restart it carries.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("generated")
  void everyEckClusterRollsAtMostOncePerPlan(GeneratedTopologies.Generated g) {
    Topology t = g.topology();
    TopologyPlan plan = RemoteClusterPlanner.create().plan(t);
    for (Cluster c : t.clusters()) {
      if (c.deployment() != Deployment.ECK) {
        continue;
      }
      List<PlanStep> rolls = restarting(plan, c.name());
      assertThat(rolls).as("%s, cluster %s:\n%s", g, c.name(), g.yaml()).hasSizeLessThanOrEqualTo(1);
      for (Map.Entry<String, PlanStep> e : demoted(plan, c.name()).entrySet()) {
        assertThat(rolls).as("%s: %s defers to a roll", g, e.getKey()).hasSize(1);
        assertThat(rolls.get(0).description()).as("%s", g).contains(e.getKey());
      }
    }
  }

  @Test
  void theGeneratorMakesTopologiesWithSeveralChangesOfOneEckCluster() {
    long grouped = generated().filter(g -> {
      TopologyPlan plan = RemoteClusterPlanner.create().plan(g.topology());
      return g.topology().clusters().stream().anyMatch(c -> !demoted(plan, c.name()).isEmpty());
    }).count();
    assertThat(grouped).isGreaterThan(0);
  }

  private static final Pattern DEFERS =
      Pattern.compile("^no restart here; the rolling restart is in (step \\d+ of alias \\[[^]]+\\])");

  /** The steps of {@code cluster} that defer to its roll, as the roll names them. */
  private static Map<String, PlanStep> demoted(TopologyPlan plan, String cluster) {
    Map<String, PlanStep> out = new LinkedHashMap<>();
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned) {
        Plan p = ((PlanResult.Planned) r).plan();
        for (int i = 0; i < p.steps().size(); i++) {
          PlanStep s = p.steps().get(i);
          Matcher m = DEFERS.matcher(s.description());
          if (s.target().equals(cluster) && m.find()) {
            assertThat(s.restartsNodes()).isFalse();
            out.put(s.action() + " of alias [" + p.alias() + "] (step " + (i + 1) + " of alias ["
                + p.alias() + "])", s);
          }
        }
      }
    }
    return out;
  }

  private static List<PlanStep> restarting(TopologyPlan plan, String cluster) {
    List<PlanStep> out = new ArrayList<>();
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned) {
        for (PlanStep s : ((PlanResult.Planned) r).plan().steps()) {
          if (s.restartsNodes() && s.target().equals(cluster)) {
            out.add(s);
          }
        }
      }
    }
    return out;
  }

  private static Plan planOf(TopologyPlan plan, String alias) {
    return plan.links().stream().filter(r -> r instanceof PlanResult.Planned)
        .map(r -> ((PlanResult.Planned) r).plan()).filter(p -> p.alias().equals(alias))
        .findFirst().orElseThrow();
  }
}
