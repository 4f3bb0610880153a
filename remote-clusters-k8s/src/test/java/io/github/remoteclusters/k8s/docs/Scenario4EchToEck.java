package io.github.remoteclusters.k8s.docs;

import static io.github.remoteclusters.k8s.docs.DocsRender.es;
import static io.github.remoteclusters.k8s.docs.DocsStep.anywhere;
import static io.github.remoteclusters.k8s.docs.DocsStep.never;
import static io.github.remoteclusters.k8s.docs.DocsStep.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4: an Elastic Cloud Hosted deployment connects to an ECK cluster ("Connect Elastic
 * Cloud Hosted deployments to Elastic Cloud on Kubernetes clusters"); scenario 5 (ECE) follows the
 * same page structure with the ECE console.
 */
final class Scenario4EchToEck {

  static final String URL = DocsScenario.DOCS + "ec-enable-ccs-for-eck";

  private Scenario4EchToEck() {}

  static String remote(String extra) {
    return """
          - name: remote
            version: "9.1.3"
            deployment: eck
            license: enterprise
            eck: {name: logs, namespace: logging, environment: k8s, operatorVersion: "3.3.0"}
        """ + extra;
  }

  static final String LINK =
      "links:\n  - {local: local, remote: remote, alias: logs, access: {search: [{names: [\"logs-*\"]}]}}\n";

  /** The API-key steps of pages 4 and 5 with a private CA: the wizard takes the key before the CA. */
  static List<DocsStep> apiKeyPrivate(String console) {
    return List.of(
        step("Enable the remote cluster server interface on the remote ECK cluster", "remote",
            "spec.remoteClusterServer.enabled: true", "ENABLE_REMOTE_CLUSTER_SERVER"),
        step("Configure external access to the remote cluster server interface", "remote",
            "a LoadBalancer Service", "EXPOSE_SERVICE", "LoadBalancer"),
        step("Create a cross-cluster API key on the remote cluster", "remote",
            "POST /_security/cross_cluster/api_key", "CREATE_CROSS_CLUSTER_API_KEY"),
        step("Configure the local deployment: the CA is private", "local",
            console + " wizard: Add trusted environment > Self-managed > API keys > No, it is"
                + " private > add the API key (alias and encoded key) > add the CA > name > Create"
                + " trust; the key must exist first",
            null, "Add trusted environment", "private", "logs-es-transport-certs-public",
            "cluster.remote.logs.credentials", "rotat"),
        never("Configure the local deployment: the CA is public", "local",
            "the public-CA path (Connections using API keys > Add API key) is not the private one",
            null, "Connections using API keys"),
        step("Connect to the remote cluster", "local",
            "proxy_address of the LoadBalancer :9443 and server_name <name>-es-remote-cluster.<ns>.svc",
            "PUT_REMOTE_SETTINGS", "logs-rcs.example.com:9443", "logs-es-remote-cluster.logging.svc"),
        anywhere("Configure roles and users", "local", "remote_indices", "CREATE_LOCAL_ROLE"));
  }

  /** The certificate steps of pages 4 and 5: mutual trust, trust.yml on the ECK side. */
  static List<DocsStep> certificate(String console) {
    return List.of(
        step("Establish trust in the " + console + " cluster", "local",
            "upload the ECK transport CA: Self-managed > Certificates > Elastic pattern, Scope ID"
                + " <namespace>.es.local, all deployments; download the CA and trust.yml",
            "TRUST_CA", "logs-es-transport-certs-public", "logging.es.local", "trust.yml"),
        step("Establish trust in the ECK cluster", "remote",
            "the " + console + " CA and trust.yml (ECK line *.node.<cluster-name>.<namespace>.es.local)"
                + " in every nodeSet: transport.ssl.certificate_authorities and"
                + " transport.ssl.trust_restrictions.path (a rolling restart)",
            "TRUST_CA", "trust_restrictions", "*.node.logs.logging.es.local"),
        anywhere("Configure external access to the transport interface of your ECK cluster",
            "remote", "expose logs-es-transport", "EXPOSE_SERVICE", "transport"),
        step("Connect to the remote cluster", "local", "proxy mode to the transport address",
            "PUT_REMOTE_SETTINGS", "logs-transport.example.com:9300"),
        DocsStep.certificateRoles().get(0),
        DocsStep.certificateRoles().get(1));
  }

  static List<DocsRender> apiKeyRemoteRenders() {
    return List.of(
        es("remote", "/spec/remoteClusterServer/enabled", "true", "enabled: true"),
        es("remote", "/spec/remoteClusterServer/service/spec/type", "LoadBalancer",
            "LoadBalancer"));
  }

  static List<DocsRender> certificateRemoteRenders() {
    List<DocsRender> out = new ArrayList<>();
    out.add(es("remote",
        "/spec/nodeSets/*/config/xpack.security.transport.ssl.trust_restrictions.path",
        "~trust.yml", "trust_restrictions.path: .../trust-filter/trust.yml"));
    out.add(es("remote", "/spec/nodeSets/*/podTemplate/spec/volumes/?/configMap/name",
        "logs-trust-restrictions", "the trust.yml ConfigMap as a volume"));
    out.add(new DocsRender("remote", "ConfigMap", "logs-trust-restrictions", "/data/trust.yml",
        "~*.node.logs.logging.es.local", "kubectl create configmap ... --from-file=trust.yml"));
    out.add(es("remote", "/spec/transport/service/spec/type", "LoadBalancer",
        "the transport Service exposed"));
    out.add(es("remote", "/spec/transport/tls/certificateAuthorities/configMapName",
        "logs-transport-cas", "the Cloud CA trusted for the transport layer"));
    out.add(new DocsRender("remote", "ConfigMap", "logs-transport-cas", "/data/ca.crt",
        "~BEGIN CERTIFICATE", "the Cloud deployment's CA"));
    return out;
  }

  /** A Cloud (or self-managed) local cluster and an ECK remote behind a LoadBalancer, ECK's CA. */
  static String apiKeyPrivateTopology(String localDeployment) {
    return "clusters:\n  - {name: local, version: \"9.1.3\", deployment: " + localDeployment
        + ", license: enterprise}\n"
        + remote("""
            remoteClusterAddress: "logs-rcs.example.com:9443"
            remoteClusterService: {type: LoadBalancer}
            remoteClusterCa: logs-ca.crt
        """) + LINK;
  }

  /** A Cloud local cluster and an ECK remote whose transport trusts it through trust.yml. */
  static String certificateTopology(String localDeployment, String caFile) {
    return "clusters:\n  - {name: local, version: \"8.19.4\", deployment: " + localDeployment
        + ", license: enterprise, transportCa: " + caFile + "}\n"
        + """
          - name: remote
            version: "8.19.4"
            deployment: eck
            license: enterprise
            eck: {name: logs, namespace: logging, environment: k8s}
            transportAddress: "logs-transport.example.com:9300"
            transportService: {type: LoadBalancer}
            trustRestrictions: trust.yml
        links:
          - {local: local, remote: remote, alias: logs, security: certificate}
        """;
  }

  static final String TRUST_YML =
      "trust.subject_name:\n  - \"*.node.2dc556bb4bd040e89d0135683b66a2f6.cluster.1075708151.account\"\n"
          + "  - \"*.node.logs.logging.es.local\"\n";

  static List<DocsScenario> all() {
    return List.of(
        new DocsScenario(4, URL, "api-key", "private CA (ECK's, through a LoadBalancer)",
            apiKeyPrivateTopology("ech"),
            Map.of("logs-ca.crt", "CA"),
            apiKeyPrivate("ECH"), apiKeyRemoteRenders(), Map.of("local", 0, "remote", 1)),
        new DocsScenario(4, URL, "api-key", "public CA (TLS terminated by the load balancer)",
            "clusters:\n  - {name: local, version: \"9.1.3\", deployment: ech, license: enterprise}\n"
                + remote("""
                    remoteClusterAddress: "logs.example.com:443"
                    remoteClusterService: {type: LoadBalancer, port: 443, tlsTermination: true}
                    remoteClusterCa: public
                """) + LINK,
            Map.of(),
            List.of(
                step("Enable the remote cluster server interface on the remote ECK cluster",
                    "remote", "spec.remoteClusterServer.enabled: true",
                    "ENABLE_REMOTE_CLUSTER_SERVER"),
                step("Configure external access to the remote cluster server interface", "remote",
                    "a LoadBalancer that terminates TLS", "EXPOSE_SERVICE", "LoadBalancer"),
                step("Create a cross-cluster API key on the remote cluster", "remote",
                    "POST /_security/cross_cluster/api_key", "CREATE_CROSS_CLUSTER_API_KEY"),
                step("Configure the local deployment: the CA is public", "local",
                    "Remote Connections > Trust management > Connections using API keys > Add"
                        + " API key", "STORE_CREDENTIALS", "Add API key"),
                never("Configure the local deployment: the CA is public", "local",
                    "no CA to upload", "TRUST_CA"),
                step("Connect to the remote cluster", "local",
                    "the load balancer's address; no ECK server name behind a TLS terminator",
                    "PUT_REMOTE_SETTINGS", "logs.example.com:443",
                    "!logs-es-remote-cluster.logging.svc")),
            List.of(es("remote", "/spec/remoteClusterServer/enabled", "true", "enabled: true")),
            Map.of("local", 0, "remote", 1)),
        new DocsScenario(4, URL, "certificate", "mutual trust with trust.yml",
            certificateTopology("ech", "ech-ca.crt"),
            Map.of("ech-ca.crt", "CA", "trust.yml", TRUST_YML),
            certificate("ECH"), certificateRemoteRenders(), Map.of()));
  }
}
