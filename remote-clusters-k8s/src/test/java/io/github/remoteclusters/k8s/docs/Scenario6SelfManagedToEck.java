package io.github.remoteclusters.k8s.docs;

import static io.github.remoteclusters.k8s.docs.DocsRender.es;
import static io.github.remoteclusters.k8s.docs.DocsStep.anywhere;
import static io.github.remoteclusters.k8s.docs.DocsStep.step;

import java.util.List;
import java.util.Map;

/**
 * Scenario 6: a self-managed cluster connects to an ECK cluster ("Connect self-managed
 * Elasticsearch clusters to ECK").
 */
final class Scenario6SelfManagedToEck {

  static final String URL = DocsScenario.DOCS + "self-remote-cluster-eck";

  private Scenario6SelfManagedToEck() {}

  static List<DocsScenario> all() {
    return List.of(
        new DocsScenario(6, URL, "api-key", "private CA (ECK's, through a LoadBalancer)",
            Scenario4EchToEck.apiKeyPrivateTopology("self-managed"),
            Map.of("logs-ca.crt", "CA"),
            List.of(
                step("Enable the remote cluster server interface on the remote ECK cluster",
                    "remote", "spec.remoteClusterServer.enabled: true",
                    "ENABLE_REMOTE_CLUSTER_SERVER"),
                step("Configure external access to the remote cluster server interface", "remote",
                    "a LoadBalancer Service", "EXPOSE_SERVICE", "LoadBalancer"),
                step("Create a cross-cluster API key on the remote cluster", "remote",
                    "POST /_security/cross_cluster/api_key", "CREATE_CROSS_CLUSTER_API_KEY"),
                anywhere("Configure the local deployment", "local",
                    "every node: remote-cluster-ca.crt in config, remote_cluster_client.ssl.enabled"
                        + " and certificate_authorities in elasticsearch.yml", "TRUST_CA",
                    "remote_cluster_client.ssl.certificate_authorities",
                    "logs-es-transport-certs-public", "rotat"),
                step("Configure the local deployment", "local",
                    "elasticsearch-keystore add cluster.remote.ALIAS.credentials",
                    "STORE_CREDENTIALS", "elasticsearch-keystore add cluster.remote.logs.credentials"),
                anywhere("Configure the local deployment", "local",
                    "restart the local cluster (the settings in elasticsearch.yml need it); for"
                        + " only a key, POST _nodes/reload_secure_settings", null, "restart"),
                step("Connect to the remote cluster", "local", "proxy mode, :9443, server_name",
                    "PUT_REMOTE_SETTINGS", "logs-rcs.example.com:9443",
                    "logs-es-remote-cluster.logging.svc"),
                anywhere("Configure roles and users", "local", "remote_indices",
                    "CREATE_LOCAL_ROLE")),
            Scenario4EchToEck.apiKeyRemoteRenders(),
            Map.of("remote", 1)),
        new DocsScenario(6, URL, "certificate", "transport CAs exchanged",
            """
            clusters:
              - {name: local, version: "8.19.4", deployment: self-managed, license: enterprise,
                 transportCa: self-ca.crt}
              - name: remote
                version: "8.19.4"
                deployment: eck
                license: enterprise
                eck: {name: logs, namespace: logging, environment: k8s}
                transportAddress: "logs-transport.example.com:9300"
                transportService: {type: LoadBalancer}
            links:
              - {local: local, remote: remote, alias: logs, security: certificate}
            """,
            Map.of("self-ca.crt", "CA"),
            List.of(
                step("Make sure both clusters trust each other's certificate authority", "local",
                    "add the ECK CA to xpack.security.transport.ssl.certificate_authorities",
                    "TRUST_CA", "xpack.security.transport.ssl.certificate_authorities",
                    "logs-es-transport-certs-public"),
                step("Make sure both clusters trust each other's certificate authority", "remote",
                    "ConfigMap with the self-managed CA, spec.transport.tls.certificateAuthorities",
                    "TRUST_CA", "certificateAuthorities"),
                anywhere("Configure external access to the transport interface of the remote cluster",
                    "remote", "expose logs-es-transport", "EXPOSE_SERVICE", "transport"),
                step("Connect to the remote cluster", "local", "proxy mode to the transport port",
                    "PUT_REMOTE_SETTINGS", "logs-transport.example.com:9300"),
                DocsStep.certificateRoles().get(0),
                DocsStep.certificateRoles().get(1)),
            List.of(
                es("remote", "/spec/transport/tls/certificateAuthorities/configMapName",
                    "logs-transport-cas", "certificateAuthorities.configMapName: remote-certs"),
                new DocsRender("remote", "ConfigMap", "logs-transport-cas", "/data/ca.crt",
                    "~BEGIN CERTIFICATE", "kubectl create configmap remote-certs --from-file=ca.crt=..."),
                es("remote", "/spec/transport/service/spec/type", "LoadBalancer",
                    "the transport Service exposed")),
            Map.of()));
  }
}
