package io.github.remoteclusters.k8s.docs;

import java.util.List;
import java.util.Map;

/**
 * Scenario 5: an Elastic Cloud Enterprise deployment connects to an ECK cluster ("Connect Elastic
 * Cloud Enterprise deployments to Elastic Cloud on Kubernetes clusters"): the steps of scenario 4
 * with the ECE console.
 */
final class Scenario5EceToEck {

  static final String URL = DocsScenario.DOCS + "ece-enable-ccs-for-eck";

  private Scenario5EceToEck() {}

  static List<DocsScenario> all() {
    return List.of(
        new DocsScenario(5, URL, "api-key", "private CA (ECK's, through a LoadBalancer)",
            "clusters:\n  - {name: local, version: \"9.1.3\", deployment: ece, license: enterprise}\n"
                + Scenario4EchToEck.remote("""
                    remoteClusterAddress: "logs-rcs.example.com:9443"
                    remoteClusterService: {type: LoadBalancer}
                    remoteClusterCa: logs-ca.crt
                """) + Scenario4EchToEck.LINK,
            Map.of("logs-ca.crt", "CA"),
            Scenario4EchToEck.apiKeyPrivate("ECE"), Scenario4EchToEck.apiKeyRemoteRenders(),
            Map.of("local", 0, "remote", 1)),
        new DocsScenario(5, URL, "certificate", "mutual trust with trust.yml",
            "clusters:\n  - {name: local, version: \"8.19.4\", deployment: ece, license: enterprise,"
                + " transportCa: ece-ca.crt}\n"
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
                """,
            Map.of("ece-ca.crt", "CA", "trust.yml", Scenario4EchToEck.TRUST_YML),
            Scenario4EchToEck.certificate("ECE"), Scenario4EchToEck.certificateRemoteRenders(),
            Map.of()));
  }
}
