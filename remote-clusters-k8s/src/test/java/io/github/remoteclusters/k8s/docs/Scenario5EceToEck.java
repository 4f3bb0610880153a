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
            Scenario4EchToEck.apiKeyPrivateTopology("ece"),
            Map.of("logs-ca.crt", "CA"),
            Scenario4EchToEck.apiKeyPrivate("ECE"), Scenario4EchToEck.apiKeyRemoteRenders(),
            Map.of("local", 0, "remote", 1)),
        new DocsScenario(5, URL, "certificate", "mutual trust with trust.yml",
            Scenario4EchToEck.certificateTopology("ece", "ece-ca.crt"),
            Map.of("ece-ca.crt", "CA", "trust.yml", Scenario4EchToEck.TRUST_YML),
            Scenario4EchToEck.certificate("ECE"), Scenario4EchToEck.certificateRemoteRenders(),
            Map.of()));
  }
}
