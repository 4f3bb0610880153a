package io.github.remoteclusters.k8s;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;

/** Topologies for the tests, read from YAML like users write them. */
final class Topologies {

  private Topologies() {}

  static Topology parse(String yaml) {
    TopologyReadResult r = TopologyReader.parse(yaml);
    if (r instanceof TopologyReadResult.Loaded) {
      return r.orElseThrow();
    }
    throw new AssertionError("bad test topology: " + r.problems());
  }

  /** Two clusters of one ECK environment, linked with an API key. */
  static final String SAME_ENV_API_KEY =
      """
      clusters:
        - name: local
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster1, namespace: ns1}
        - name: remote
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster2, namespace: ns2}
      links:
        - local: local
          remote: remote
          alias: to-cluster2
          security: api-key
          access:
            search: [{names: ["logs-*"]}]
      """;

  /** Two clusters of one ECK environment, certificate model. */
  static final String SAME_ENV_CERT =
      """
      clusters:
        - name: local
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster1, namespace: ns1}
        - name: remote
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster2, namespace: ns2}
      links:
        - local: local
          remote: remote
          alias: cert-link
          security: certificate
      """;

  /** ECK in environment a to ECK in environment b, API key. */
  static final String OTHER_ENV_API_KEY =
      """
      clusters:
        - name: local
          version: "9.1.0"
          deployment: eck
          eck: {name: cluster1, namespace: ns1, environment: a}
        - name: remote
          version: "9.1.0"
          deployment: eck
          eck: {name: cluster2, namespace: ns2, environment: b}
          remoteClusterAddress: "rc.example.com:9443"
      links:
        - local: local
          remote: remote
          alias: far
          security: api-key
          access:
            search: [{names: ["*"]}, {names: ["metrics-*"], allow_restricted_indices: false}]
            replication: [{names: ["leader-*"]}]
      """;

  /** ECK to a self-managed cluster, API key. */
  static final String EXTERNAL_API_KEY =
      """
      clusters:
        - name: local
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster1, namespace: ns1}
        - name: onprem
          version: "8.19.3"
          deployment: self-managed
          remoteClusterAddress: "es.example.com:9443"
          serverName: es.example.com
          remoteClusterServer: true
          remoteClusterCa: public
      links:
        - local: local
          remote: onprem
          alias: onprem
          security: api-key
          skipUnavailable: true
          access:
            search: [{names: ["*"]}]
      """;

  /** ECK to another ECK environment, certificate model. */
  static final String OTHER_ENV_CERT =
      """
      clusters:
        - name: local
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster1, namespace: ns1, environment: a}
        - name: remote
          version: "8.19.3"
          deployment: eck
          eck: {name: cluster2, namespace: ns2, environment: b}
          transportAddress: "transport.example.com:9300"
      links:
        - local: local
          remote: remote
          alias: certs
          security: certificate
      """;

  /** Elastic Cloud Hosted to ECK, API key: only the ECK side is on Kubernetes. */
  static final String ECH_TO_ECK_API_KEY =
      """
      clusters:
        - name: cloud
          version: "9.1.0"
          deployment: ech
        - name: remote
          version: "9.1.0"
          deployment: eck
          eck: {name: cluster2, namespace: ns2}
          remoteClusterAddress: "lb.example.com:9443"
      links:
        - local: cloud
          remote: remote
          alias: to-eck
          security: api-key
          access:
            search: [{names: ["*"]}]
      """;
}
