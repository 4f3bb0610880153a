package io.github.remoteclusters.k8s.docs;

import static io.github.remoteclusters.k8s.docs.DocsRender.es;
import static io.github.remoteclusters.k8s.docs.DocsStep.anywhere;
import static io.github.remoteclusters.k8s.docs.DocsStep.step;

import java.util.List;
import java.util.Map;

/**
 * Scenario 1: both clusters in the same ECK environment ("Connect to Elasticsearch clusters in the
 * same ECK environment"). ECK does the CA exchange, the API key and the settings; we declare the
 * link and the roles.
 */
final class Scenario1SameEck {

  static final String URL = DocsScenario.DOCS + "eck-remote-clusters";

  private static final String CLUSTERS =
      """
      clusters:
        - {name: local, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: search, namespace: search-ns, environment: k8s}}
        - {name: remote, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: logs, namespace: logging, environment: k8s}}
      """;

  private Scenario1SameEck() {}

  static List<DocsScenario> all() {
    return List.of(
        new DocsScenario(
            1, URL, "api-key", "operator-managed",
            CLUSTERS + "links:\n  - {local: local, remote: remote, alias: logs,"
                + " access: {search: [{names: [\"logs-*\"]}]}}\n",
            Map.of(),
            List.of(
                step("Enable the remote cluster server", "remote",
                    "spec.remoteClusterServer.enabled: true on the remote Elasticsearch",
                    "ENABLE_REMOTE_CLUSTER_SERVER", "remoteClusterServer"),
                step("Configure the local cluster", "local",
                    "spec.remoteClusters: {name, elasticsearchRef: {name, namespace}, apiKey: {access}}",
                    "PATCH_ECK_RESOURCE", "remoteClusters", "elasticsearchRef", "apiKey"),
                anywhere("Configure roles and users", "local",
                    "a local role with remote_indices privileges", "CREATE_LOCAL_ROLE",
                    "remote_indices")),
            List.of(
                es("remote", "/spec/remoteClusterServer/enabled", "true",
                    "remoteClusterServer: {enabled: true}"),
                es("local", "/spec/remoteClusters/?/name", "logs", "remoteClusters[].name"),
                es("local", "/spec/remoteClusters/?/elasticsearchRef/name", "logs",
                    "elasticsearchRef.name"),
                es("local", "/spec/remoteClusters/?/elasticsearchRef/namespace", "logging",
                    "elasticsearchRef.namespace"),
                es("local", "/spec/remoteClusters/?/apiKey/access/search/names/0", "logs-*",
                    "apiKey.access.search.names"),
                es("local", "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.enabled",
                    "!", "nothing in the nodeSets: ECK writes the client settings")),
            Map.of("local", 1, "remote", 1)),
        new DocsScenario(
            1, URL, "certificate", "operator-managed",
            CLUSTERS + "links:\n  - {local: local, remote: remote, alias: logs, security: certificate}\n",
            Map.of(),
            List.of(
                step("Configure the local cluster", "local",
                    "spec.remoteClusters: {name, elasticsearchRef} without apiKey",
                    "PATCH_ECK_RESOURCE", "remoteClusters", "elasticsearchRef", "!apiKey"),
                anywhere("Configure roles and users", "remote",
                    "the certificate model authorizes by role name: roles with the same names on"
                        + " the remote cluster", null, "same name"),
                anywhere("Configure roles and users", "local",
                    "and on the local cluster, where the users hold them", null, "role",
                    "same name")),
            List.of(
                es("local", "/spec/remoteClusters/?/name", "logs", "remoteClusters[].name"),
                es("local", "/spec/remoteClusters/?/apiKey", "!", "no apiKey"),
                es("remote", "/spec/remoteClusterServer", "!", "no remote cluster server")),
            Map.of()));
  }
}
