package io.github.remoteclusters.elasticsearch;

import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.a95;
import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.b95;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.Pair;
import io.github.remoteclusters.elasticsearch.internal.apply.DefaultReconciler;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request the reconciler sends on real secured nodes maps back to a step of the plan it was
 * given (issue 17 item 4): an api-key link added, changed (its access widened: the key is
 * updated) and removed on 9.5 → 9.5; the client's request log of each cluster, taken around each
 * apply, is matched write by write to the {@code request} (method and path) of the plan's
 * Elasticsearch steps targeting that cluster. The documented exceptions: reads (GET and HEAD: the
 * observed state, the verification) and the claims index {@code remote-clusters-claims} (the
 * lease of a new alias, docs/applier.md "Claims"). Credentials go to the keystore through the
 * {@code CredentialWriter}, not over HTTP.
 */
class RequestsToStepsIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster ra95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster rb95;

  @EsCluster(name = "sec-a819", version = "8.19.21", security = Security.TLS, shared = true)
  static TestCluster ra819;

  @EsCluster(name = "sec-b819", version = "8.19.21", remoteClusterServer = true, shared = true)
  static TestCluster rb819;

  @BeforeAll
  static void share() throws IOException {
    ApiKeyLinkIT.a95 = ra95;
    ApiKeyLinkIT.b95 = rb95;
    ApiKeyLinkIT.a819 = ra819;
    ApiKeyLinkIT.b819 = rb819;
    for (String index : List.of("ak_allowed", "ak_other")) {
      rb95.client().index(i -> i.index(index).id("1")
          .document(Map.of("msg", index + " on " + rb95.name())).refresh(Refresh.True));
    }
  }

  @Test
  void everyWriteOfAnAddAChangeAndARemovalIsARequestOfAPlannedStep() throws Exception {
    Pair p = new Pair("n", a95, b95);
    String alias = "rq_n";
    OwnershipStore store = OwnershipStore.inMemory();
    ApiKeyLinkIT.Recording writer =
        new ApiKeyLinkIT.Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    Topology add = ApiKeyLinkIT.topology(List.of(ApiKeyLinkIT.apiKeyLink(p, alias, Mode.PROXY,
        ApiKeyLinkIT.searchAccess("ak_allowed"))));
    Topology change = ApiKeyLinkIT.topology(List.of(ApiKeyLinkIT.apiKeyLink(p, alias, Mode.PROXY,
        ApiKeyLinkIT.searchAccess("ak_allowed", "ak_other"))));
    Topology remove = ApiKeyLinkIT.topology(List.of());
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      Map<String, List<String>> mapped = new LinkedHashMap<>();
      mapped.put("add", applyAndMap(r, add));
      mapped.put("change", applyAndMap(r, change));
      mapped.put("remove", applyAndMap(r, remove));
      mapped.forEach((what, lines) -> System.out.println("REQUESTS " + what + ": " + lines));
      assertThat(mapped.get("add")).anyMatch(l -> l.endsWith("CREATE_CROSS_CLUSTER_API_KEY"))
          .anyMatch(l -> l.endsWith("CREATE_LOCAL_ROLE"))
          .anyMatch(l -> l.endsWith("PUT_REMOTE_SETTINGS"));
      assertThat(mapped.get("change")).anyMatch(l -> l.endsWith("UPDATE_CROSS_CLUSTER_API_KEY"));
      assertThat(mapped.get("remove")).anyMatch(l -> l.endsWith("INVALIDATE_API_KEY"))
          .anyMatch(l -> l.endsWith("DELETE_LOCAL_ROLE"))
          .anyMatch(l -> l.endsWith("REMOVE_REMOTE_SETTINGS"));
      assertThat(writer.removed).containsExactly(alias);
    } finally {
      try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
        r.apply(remove);
      }
    }
    assertThat(ApiKeyLinkIT.keys(b95, ApiKeyLinkIT.keyName(p, alias))).isEmpty();
  }

  /**
   * Plans, applies and maps each request sent to a planned step; returns "cluster METHOD path ->
   * ACTION" per write.
   */
  private static List<String> applyAndMap(Reconciler r, Topology t) throws IOException {
    TopologyPlan plan = r.plan(t);
    JsonNode json = ApiKeyLinkIT.JSON.readTree(PlanFormatter.toJson(plan));
    List<JsonNode> requestSteps = new ArrayList<>();
    json.findParents("request").forEach(requestSteps::add);
    Map<String, Integer> before = new LinkedHashMap<>();
    for (TestCluster c : List.of(a95, b95)) {
      before.put(c.name(), log(r, c.name()).size());
    }
    ApplyReport report = r.apply(t, plan);
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    List<String> out = new ArrayList<>();
    for (TestCluster c : List.of(a95, b95)) {
      List<String> all = log(r, c.name());
      for (String line : all.subList(before.get(c.name()), all.size())) {
        String method = line.substring(0, line.indexOf(' '));
        String path = line.substring(line.indexOf(' ') + 1);
        if (method.equals("GET") || method.equals("HEAD")) {
          continue; // reads: the documented exception
        }
        if (path.startsWith("/remote-clusters-claims/")) {
          assertThat(c.name()).as("claims live on the local cluster: " + line)
              .isEqualTo(a95.name());
          continue; // the claims index: the documented exception
        }
        JsonNode step = requestSteps.stream()
            .filter(s -> s.path("target").asText().equals(c.name())
                && s.path("request").path("method").asText().equals(method)
                && strip(s.path("request").path("path").asText()).equals(strip(path)))
            .findFirst().orElse(null);
        assertThat(step).as(c.name() + " " + line + " names no step of the plan " + json)
            .isNotNull();
        out.add(c.name() + " " + line + " -> " + step.path("action").asText());
      }
    }
    return out;
  }

  private static List<String> log(Reconciler r, String cluster) {
    EsSession s = ((DefaultReconciler) r).openSession(cluster);
    return s == null ? List.of() : s.counter().log();
  }

  private static String strip(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
