package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans against what ECK itself does: the CA lists it writes into the node configuration, and how
 * {@code spec.remoteClusters} entries of other links survive a change.
 */
class EckParityTest {

  private static final String ECK_LOCAL_TWO_EXTERNAL =
      """
      clusters:
        - {name: search, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: search, namespace: elastic, environment: k8s}}
        - {name: dc1, version: "9.1.3", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "dc1.example.com:9443", serverName: dc1.example.com,
           remoteClusterServer: true}
        - {name: dc2, version: "9.1.3", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "dc2.example.com:9443", serverName: dc2.example.com,
           remoteClusterServer: true}
      links:
        - {local: search, remote: dc1, alias: dc1, access: {search: [{names: ["a-*"]}]}}
        - {local: search, remote: dc2, alias: dc2, access: {search: [{names: ["b-*"]}]}}
      """;

  @Test
  void eckLocalListsOnlyItsOwnCaBecauseEckAppendsNodeSetLists() {
    TopologyPlan plan = Plans.planAll(ECK_LOCAL_TWO_EXTERNAL);
    for (String alias : List.of("dc1", "dc2")) {
      Plan p = planOf(plan, alias);
      String lines = String.join("\n", trust(p).instructions());
      assertThat(lines).contains("kubectl create configmap search-remote-ca ");
      assertThat(trust(p).restartsNodes()).isFalse();
    }
    // ECK merges nodeSet config into its own with ucfg.AppendValues: the list is appended to the
    // CAs ECK sets, so ours holds only ours. Both links of [search] are one manifest change, in the
    // step of the last link (issue 19 item 9: one roll per local ECK cluster, as the render does).
    ManualStep first = store(planOf(plan, "dc1"));
    ManualStep last = store(planOf(plan, "dc2"));
    assertThat(first.restartsNodes()).isFalse();
    assertThat(first.description()).contains("no restart here").contains("links[1]");
    assertThat(((StepPayload.StoreCredentials) first.payload()).deferred()).isTrue();
    assertThat(((StepPayload.StoreCredentials) last.payload()).deferred()).isFalse();
    assertThat(String.join("\n", first.instructions()))
        .contains("kubectl create secret generic search-remote-credentials")
        .doesNotContain("spec.secureSettings");
    assertThat(Plans.step(planOf(plan, "dc1"), StepAction.VERIFY_CONNECTED, PlanStep.class)
        .description()).contains("once STORE_CREDENTIALS of links[1]");
    assertThat(last.restartsNodes()).isTrue();
    assertThat(last.description()).contains("[dc1, dc2]").contains("one rolling restart");
    assertThat(String.join("\n", last.instructions()))
        .contains("add \"/usr/share/elasticsearch/config/remote-certs/dc1-ca.crt\","
            + " \"/usr/share/elasticsearch/config/remote-certs/dc2-ca.crt\" to"
            + " xpack.security.remote_cluster_client.ssl.certificate_authorities")
        .contains("ECK appends the list to the CAs it sets itself")
        .contains("once (one rolling restart)")
        .doesNotContain("transport-certs/ca.crt");
  }

  private static ManualStep store(Plan p) {
    return Plans.step(p, StepAction.STORE_CREDENTIALS, ManualStep.class);
  }

  @Test
  void selfManagedLocalAddsTheRemoteCaToItsList() {
    Plan p =
        Plans.plan(
            """
            clusters:
              - {name: a, version: "9.1.3", deployment: self-managed, license: enterprise}
              - {name: b, version: "9.1.3", deployment: self-managed, license: enterprise,
                 remoteClusterAddress: "b.example.com:9443", remoteClusterServer: true}
            links:
              - {local: a, remote: b, alias: b, access: {search: [{names: ["x-*"]}]}}
            """);
    assertThat(trust(p).instructions())
        .contains(
            "in elasticsearch.yml of every node: xpack.security.remote_cluster_client.ssl.enabled:"
                + " true, and add \"b-ca.crt\" to"
                + " xpack.security.remote_cluster_client.ssl.certificate_authorities (a list:"
                + " keep the CAs of the other remote links)");
  }

  private static final String SAME_ENVIRONMENT =
      """
      clusters:
        - {name: search, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: search, namespace: analytics, environment: k8s}}
        - {name: logs, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: logs, namespace: logging, environment: k8s}}
      links:
        - {local: search, remote: logs, alias: logs, access: {search: [{names: ["logs-*"]}]}}
        - {local: search, remote: logs, alias: old, security: certificate, state: absent}
      """;

  @Test
  void curlMergesRemoteClustersByNameAndKeepsOtherEntries() {
    Topology t = Plans.topology(SAME_ENVIRONMENT);
    String curl = PlanFormatter.toCurl(RemoteClusterPlanner.create().plan(t), t);
    // no list in the patch: a plain merge patch
    assertThat(curl)
        .contains(
            "kubectl patch elasticsearch logs -n logging --type merge -p"
                + " '{\"spec\":{\"remoteClusterServer\":{\"enabled\":true}}}'\n");
    // adding: the other entries are read back and kept, the entry of the same name is replaced
    assertThat(curl)
        .contains(
            "RC=$(kubectl get elasticsearch search -n analytics -o json | jq -c"
                + " '[(.spec.remoteClusters // [])[] | select(.name != \"logs\")] +"
                + " [{\"name\":\"logs\",\"elasticsearchRef\":{\"name\":\"logs\",\"namespace\":"
                + "\"logging\"},\"apiKey\":{\"access\":{\"search\":{\"names\":[\"logs-*\"]}}}}]')\n"
                + "kubectl patch elasticsearch search -n analytics --type merge -p"
                + " \"{\\\"spec\\\":{\\\"remoteClusters\\\":$RC}}\"\n");
    // removing: only the entry of the alias goes; the $patch marker never reaches Kubernetes
    assertThat(curl)
        .contains(
            "jq -c '[(.spec.remoteClusters // [])[] | select(.name != \"old\")]')\n")
        .doesNotContain("$patch")
        .doesNotContain("--type merge -p '{\"spec\":{\"remoteClusters\"");
  }

  private static Plan planOf(TopologyPlan plan, String alias) {
    return plan.links().stream()
        .map(r -> ((PlanResult.Planned) r).plan())
        .filter(p -> p.alias().equals(alias))
        .findFirst()
        .orElseThrow();
  }

  private static ManualStep trust(Plan p) {
    return Plans.step(p, StepAction.TRUST_CA, ManualStep.class);
  }
}
