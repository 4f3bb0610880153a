package io.github.remoteclusters.k8s.docs;

import static io.github.remoteclusters.k8s.docs.DocsRender.es;
import static io.github.remoteclusters.k8s.docs.DocsStep.anywhere;
import static io.github.remoteclusters.k8s.docs.DocsStep.never;
import static io.github.remoteclusters.k8s.docs.DocsStep.step;

import java.util.List;
import java.util.Map;

/**
 * Scenario 2: the remote is managed by another ECK operator ("Connect to a different ECK
 * environment"): most steps are manual on both sides; the local ECK side is one manifest change.
 */
final class Scenario2OtherEck {

  static final String URL = DocsScenario.DOCS + "eck-remote-clusters-to-other-eck";

  private static final String LOCAL =
      """
      clusters:
        - {name: local, version: "9.1.3", deployment: eck, license: enterprise,
           eck: {name: search, namespace: search-ns, environment: k8s-a, operatorVersion: "3.3.0"}}
      """;

  private Scenario2OtherEck() {}

  static List<DocsScenario> all() {
    return List.of(
        new DocsScenario(
            2, URL, "api-key", "private CA (ECK's)",
            LOCAL
                + """
                  - name: remote
                    version: "9.1.3"
                    deployment: eck
                    license: enterprise
                    eck: {name: logs, namespace: logging, environment: k8s-b, operatorVersion: "3.3.0"}
                    remoteClusterAddress: "logs-rcs.example.com:9443"
                    remoteClusterService: {type: LoadBalancer}
                    remoteClusterCa: logs-ca.crt
                links:
                  - {local: local, remote: remote, alias: logs, access: {search: [{names: ["logs-*"]}]}}
                """,
            Map.of("logs-ca.crt", "CA"),
            List.of(
                step("Enable the remote cluster server interface on the remote ECK cluster",
                    "remote", "spec.remoteClusterServer.enabled: true",
                    "ENABLE_REMOTE_CLUSTER_SERVER", "remoteClusterServer"),
                step("Configure external access to the remote cluster server interface", "remote",
                    "expose logs-es-remote-cluster as a LoadBalancer (ECK 3.3+: the Service template)",
                    "EXPOSE_SERVICE", "LoadBalancer"),
                step("Retrieve the ECK-managed CA certificate of the remote cluster server",
                    "local",
                    "ca.crt of logs-es-transport-certs-public; ECK rotates it after one year by"
                        + " default, so every copy must be updated",
                    "TRUST_CA", "logs-es-transport-certs-public", "rotat"),
                step("Create a cross-cluster API key on the remote cluster", "remote",
                    "POST /_security/cross_cluster/api_key", "CREATE_CROSS_CLUSTER_API_KEY",
                    "/_security/cross_cluster/api_key"),
                step("Configure the local deployment (the CA is private)", "local",
                    "one change of the manifest: the key in secureSettings, the CA ConfigMap"
                        + " mounted at remote-certs, remote_cluster_client.ssl in every nodeSet",
                    "STORE_CREDENTIALS", "secureSettings", "cluster.remote.logs.credentials"),
                step("Connect to the remote cluster", "local",
                    "PUT _cluster/settings: mode proxy, proxy_address :9443, server_name",
                    "PUT_REMOTE_SETTINGS", "proxy_address", "logs-rcs.example.com:9443",
                    "server_name", "logs-es-remote-cluster.logging.svc"),
                anywhere("Verify remote cluster connection", "local", "GET _remote/info",
                    "VERIFY_CONNECTED", "_remote/info"),
                anywhere("Configure roles and users", "local", "remote_indices privileges",
                    "CREATE_LOCAL_ROLE", "remote_indices")),
            List.of(
                es("remote", "/spec/remoteClusterServer/enabled", "true", "enabled: true"),
                es("remote", "/spec/remoteClusterServer/service/spec/type", "LoadBalancer",
                    "a LoadBalancer Service"),
                es("local", "/spec/secureSettings/?/secretName", "search-remote-credentials",
                    "secureSettings: [{secretName: remote-api-keys}]"),
                es("local",
                    "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.enabled",
                    "true", "every nodeSet: remote_cluster_client.ssl.enabled: true"),
                es("local",
                    "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.certificate_authorities/?",
                    "~remote-certs/", "certificate_authorities: [remote-certs/remote-cluster-ca.crt]"),
                es("local",
                    "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.certificate_authorities/*",
                    "!~transport-certs", "only our CA: ECK appends nodeSet config lists to its own"),
                es("local", "/spec/nodeSets/*/podTemplate/spec/volumes/?/configMap/name",
                    "search-remote-ca", "volumes: [{name: remote-ca, configMap: {name: remote-ca}}]"),
                new DocsRender("local", "ConfigMap", "search-remote-ca", "/data/logs-ca.crt",
                    "~BEGIN CERTIFICATE", "kubectl create configmap remote-ca --from-file=..."),
                new DocsRender("local", "Secret", "search-remote-credentials",
                    "/stringData/cluster.remote.logs.credentials", "~",
                    "a Secret with cluster.remote.<alias>.credentials"),
                new DocsRender("local", "StackConfigPolicy", "search-remote-clusters",
                    "/spec/elasticsearch/clusterSettings/cluster.remote.logs.proxy_address",
                    "logs-rcs.example.com:9443",
                    "PUT _cluster/settings (dynamic: through ECK's StackConfigPolicy, no restart)"),
                es("local", "/metadata/labels/remoteclusters.github.io~1cluster-name", "search",
                    "the label the StackConfigPolicy selects the cluster by"),
                es("local", "/spec/nodeSets/*/config/cluster.remote.logs.mode", "!",
                    "connection settings are not static settings"),
                es("local", "/metadata/annotations/eck.k8s.elastic.co~1file-based-secure-settings",
                    "!", "Elasticsearch 9.1: secure settings still go through the keystore")),
            Map.of("local", 1, "remote", 1)),
        new DocsScenario(
            2, URL, "api-key", "Elasticsearch 9.5 on ECK 3.5: file-based secure settings",
            """
            clusters:
              - {name: local, version: "9.5.3", deployment: eck, license: enterprise,
                 eck: {name: search, namespace: search-ns, environment: k8s-a, operatorVersion: "3.5.0"}}
              - name: remote
                version: "9.5.3"
                deployment: eck
                license: enterprise
                eck: {name: logs, namespace: logging, environment: k8s-b, operatorVersion: "3.5.0"}
                remoteClusterAddress: "logs-rcs.example.com:9443"
                remoteClusterService: {type: LoadBalancer}
                remoteClusterCa: logs-ca.crt
            links:
              - {local: local, remote: remote, alias: logs, access: {search: [{names: ["logs-*"]}]}}
            """,
            Map.of("logs-ca.crt", "CA"),
            List.of(
                step("Configure the local deployment (the CA is private)", "local",
                    "the key in secureSettings, delivered by ECK as file-based settings: a new or"
                        + " rotated key needs no restart", "STORE_CREDENTIALS",
                    "file-based-secure-settings")),
            List.of(
                es("local", "/metadata/annotations/eck.k8s.elastic.co~1file-based-secure-settings",
                    "true", "ECK 3.5: secure settings as cluster_secrets of file-based settings")),
            Map.of("local", 1, "remote", 1)),
        new DocsScenario(
            2, URL, "api-key", "TLS terminated by an Ingress with a public certificate",
            LOCAL
                + """
                  - name: remote
                    version: "9.1.3"
                    deployment: eck
                    license: enterprise
                    eck: {name: logs, namespace: logging, environment: k8s-b, operatorVersion: "3.3.0"}
                    remoteClusterAddress: "logs.example.com:443"
                    remoteClusterService: {type: Ingress, port: 443, tlsTermination: true}
                    remoteClusterCa: public
                links:
                  - {local: local, remote: remote, alias: logs, access: {search: [{names: ["logs-*"]}]}}
                """,
            Map.of(),
            List.of(
                step("Enable the remote cluster server interface on the remote ECK cluster",
                    "remote", "spec.remoteClusterServer.enabled: true",
                    "ENABLE_REMOTE_CLUSTER_SERVER", "remoteClusterServer"),
                step("Configure external access to the remote cluster server interface", "remote",
                    "an Ingress controller that supports TCP, terminating TLS", "EXPOSE_SERVICE",
                    "Ingress"),
                never("About exposing the service and TLS certificates", "local",
                    "external TLS termination with a publicly trusted certificate: no CA is needed",
                    "TRUST_CA"),
                step("Create a cross-cluster API key on the remote cluster", "remote",
                    "POST /_security/cross_cluster/api_key", "CREATE_CROSS_CLUSTER_API_KEY"),
                step("Configure the local deployment (the CA is public)", "local",
                    "the key in secureSettings and remote_cluster_client.ssl.enabled, no CA",
                    "STORE_CREDENTIALS", "secureSettings"),
                step("Connect to the remote cluster", "local",
                    "proxy_address of the Ingress; no ECK server name behind a TLS terminator",
                    "PUT_REMOTE_SETTINGS", "logs.example.com:443",
                    "!logs-es-remote-cluster.logging.svc")),
            List.of(
                es("local",
                    "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.enabled",
                    "true", "remote_cluster_client.ssl.enabled: true"),
                es("local",
                    "/spec/nodeSets/*/config/xpack.security.remote_cluster_client.ssl.certificate_authorities",
                    "!", "the CA is public: no certificate_authorities"),
                es("local", "/spec/nodeSets/*/podTemplate", "!", "no CA volume"),
                es("remote", "/spec/remoteClusterServer/service/spec/type", "!",
                    "exposed through the user's Ingress, not a LoadBalancer")),
            Map.of("local", 1)),
        new DocsScenario(
            2, URL, "certificate", "transport CAs exchanged",
            """
            clusters:
              - {name: local, version: "8.19.4", deployment: eck, license: enterprise,
                 eck: {name: search, namespace: search-ns, environment: k8s-a},
                 transportCa: search-ca.crt}
              - name: remote
                version: "8.19.4"
                deployment: eck
                license: enterprise
                eck: {name: logs, namespace: logging, environment: k8s-b}
                transportAddress: "logs-transport.example.com:9300"
                transportService: {type: LoadBalancer}
                transportCa: logs-ca.crt
            links:
              - {local: local, remote: remote, alias: logs, security: certificate}
            """,
            Map.of("search-ca.crt", "CA", "logs-ca.crt", "CA"),
            List.of(
                step("Make sure both clusters trust each other's certificate authority", "local",
                    "ConfigMap with the remote's ca.crt, spec.transport.tls.certificateAuthorities",
                    "TRUST_CA", "certificateAuthorities"),
                step("Make sure both clusters trust each other's certificate authority", "remote",
                    "the same on the remote for the local's CA", "TRUST_CA",
                    "certificateAuthorities"),
                anywhere("Configure external access to the transport interface of the remote cluster",
                    "remote", "expose logs-es-transport", "EXPOSE_SERVICE", "transport"),
                step("Connect to the remote cluster", "local", "proxy mode to the transport port",
                    "PUT_REMOTE_SETTINGS", "logs-transport.example.com:9300"),
                DocsStep.certificateRoles().get(0),
                DocsStep.certificateRoles().get(1)),
            List.of(
                es("local", "/spec/transport/tls/certificateAuthorities/configMapName",
                    "search-transport-cas", "certificateAuthorities.configMapName: remote-certs"),
                es("remote", "/spec/transport/tls/certificateAuthorities/configMapName",
                    "logs-transport-cas", "and on the remote"),
                es("remote", "/spec/transport/service/spec/type", "LoadBalancer",
                    "transport: {service: {spec: {type: LoadBalancer}}}"),
                new DocsRender("local", "ConfigMap", "search-transport-cas", "/data/ca.crt",
                    "~BEGIN CERTIFICATE", "kubectl create configmap remote-certs --from-file=ca.crt=..."),
                new DocsRender("remote", "ConfigMap", "logs-transport-cas", "/data/ca.crt",
                    "~BEGIN CERTIFICATE", "the same on the remote")),
            Map.of()));
  }
}
