package io.github.remoteclusters.k8s.docs;

import static io.github.remoteclusters.k8s.docs.DocsRender.es;
import static io.github.remoteclusters.k8s.docs.DocsStep.anywhere;
import static io.github.remoteclusters.k8s.docs.DocsStep.never;
import static io.github.remoteclusters.k8s.docs.DocsStep.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3: an ECK cluster connects to an external one: ECH, ECE or self-managed ("Connect to
 * external clusters or deployments"). API keys only: for certificates the page refers to
 * scenarios 4 to 6, whose trust steps work in both directions.
 */
final class Scenario3EckToExternal {

  static final String URL = DocsScenario.DOCS + "eck-remote-clusters-to-external";

  private static final String LOCAL =
      """
      clusters:
        - {name: local, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: search, namespace: search-ns, environment: k8s, operatorVersion: "3.3.0"}}
      """;
  private static final String LINK =
      "links:\n  - {local: local, remote: remote, alias: logs, access: {search: [{names: [\"logs-*\"]}]}}\n";

  private Scenario3EckToExternal() {}

  private static List<DocsStep> steps(DocsStep enable, DocsStep trust, String address) {
    List<DocsStep> out = new ArrayList<>();
    if (enable != null) {
      out.add(enable);
    }
    out.add(trust);
    out.add(step("Create a cross-cluster API key on the remote cluster", "remote",
        "POST /_security/cross_cluster/api_key", "CREATE_CROSS_CLUSTER_API_KEY"));
    out.add(step("Configure the local cluster", "local",
        "the key in a Secret referenced from secureSettings; remote_cluster_client.ssl.enabled in"
            + " every nodeSet", "STORE_CREDENTIALS", "secureSettings"));
    out.add(step("Connect to the remote cluster", "local",
        "PUT _cluster/settings: mode proxy, proxy_address, server_name", "PUT_REMOTE_SETTINGS",
        "\"proxy\"", address));
    out.add(anywhere("Verify the remote cluster connection", "local", "GET _remote/info",
        "VERIFY_CONNECTED"));
    out.add(anywhere("Configure roles and users", "local", "remote_indices privileges",
        "CREATE_LOCAL_ROLE"));
    return out;
  }

  private static List<DocsRender> publicCa() {
    return List.of(
        es("local", "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.enabled",
            "true", "remote_cluster_client.ssl.enabled: true"),
        es("local",
            "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.certificate_authorities",
            "!", "the CA is public: nothing more"),
        es("local", "/spec/secureSettings/?/secretName", "search-remote-credentials",
            "secureSettings"));
  }

  private static List<DocsRender> privateCa() {
    return List.of(
        es("local", "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.enabled",
            "true", "remote_cluster_client.ssl.enabled: true"),
        es("local",
            "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.certificate_authorities/?",
            "~remote-certs/", "certificate_authorities: [remote-certs/remote-cluster-ca.crt]"),
        es("local", "/spec/nodeSets/*/podTemplate/spec/volumes/?/configMap/name",
            "search-remote-ca", "the remote-ca ConfigMap as a volume"),
        new DocsRender("local", "ConfigMap", "search-remote-ca", "/data/logs-ca.crt",
            "~BEGIN CERTIFICATE", "kubectl create configmap remote-ca --from-file=..."));
  }

  static List<DocsScenario> all() {
    return List.of(
        new DocsScenario(3, URL, "api-key", "ECH remote: public CA",
            LOCAL + "  - {name: remote, version: \"9.1.2\", deployment: ech, license: enterprise,"
                + " remoteClusterAddress: \"clustera.es.region-a.gcp.elastic-cloud.com:9443\"}\n" + LINK,
            Map.of(),
            steps(null,
                never("Enable the remote cluster server interface (ECH)", "local",
                    "ECH's proxies use publicly trusted certificates: no CA", "TRUST_CA"),
                "clustera.es.region-a.gcp.elastic-cloud.com:9443"),
            publicCa(), Map.of("local", 1)),
        new DocsScenario(3, URL, "api-key", "ECE remote: private proxy CA",
            LOCAL + "  - {name: remote, version: \"9.1.0\", deployment: ece, license: enterprise,"
                + " remoteClusterAddress: \"a542184a.192.0.2.10.ip.es.io:9443\","
                + " remoteClusterCa: ece-proxy-ca.crt}\n" + LINK,
            Map.of("ece-proxy-ca.crt", "CA"),
            steps(null,
                step("Enable the remote cluster server interface (ECE)", "local",
                    "private proxy CA: Platform > Settings > TLS certificates > Proxy > Show"
                        + " certificate chain > Copy root certificate", "TRUST_CA", "ece-proxy-ca.crt"),
                "a542184a.192.0.2.10.ip.es.io:9443"),
            privateCa(), Map.of("local", 1)),
        new DocsScenario(3, URL, "api-key", "ECE remote: publicly trusted proxy certificates",
            LOCAL + "  - {name: remote, version: \"9.1.0\", deployment: ece, license: enterprise,"
                + " remoteClusterAddress: \"ece.example.com:9443\", remoteClusterCa: public}\n" + LINK,
            Map.of(),
            steps(null,
                never("Enable the remote cluster server interface (ECE)", "local",
                    "ECE proxies with publicly trusted certificates: no additional CA", "TRUST_CA"),
                "ece.example.com:9443"),
            publicCa(), Map.of("local", 1)),
        new DocsScenario(3, URL, "api-key", "self-managed remote: private CA",
            LOCAL
                + """
                  - {name: remote, version: "9.1.3", deployment: self-managed, license: enterprise,
                     remoteClusterAddress: "archive.example.com:9443", serverName: archive.example.com,
                     remoteClusterHost: "10.0.0.5", remoteClusterCa: logs-ca.crt}
                """ + LINK,
            Map.of("logs-ca.crt", "CA"),
            steps(
                step("Enable and secure the remote cluster server", "remote",
                    "remote_cluster_server.enabled: true, remote_cluster.host, remote_cluster_server"
                        + " TLS with a keystore whose password goes into the Elasticsearch keystore;"
                        + " restart", "ENABLE_REMOTE_CLUSTER_SERVER",
                    "remote_cluster_server.enabled", "remote_cluster.host: 10.0.0.5",
                    "xpack.security.remote_cluster_server.ssl.keystore.secure_password"),
                step("Retrieve the certificate authority (CA)", "local",
                    "the CA of the remote cluster server, for the local cluster's trust",
                    "TRUST_CA", "logs-ca.crt"),
                "archive.example.com:9443"),
            privateCa(), Map.of("local", 1)));
  }
}
