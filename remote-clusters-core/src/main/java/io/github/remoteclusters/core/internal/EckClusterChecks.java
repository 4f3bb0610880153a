package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of an ECK cluster itself, whatever its links: the names ECK and this project derive
 * from its {@code Elasticsearch} name, and ECK's webhook rule for the remote cluster server. Checked
 * against {@code cloud-on-k8s} ({@code pkg/apis/elasticsearch/v1/name.go}, {@code
 * webhook.go}'s {@code supportsRemoteClusterUsingAPIKey}); the plan carries the problems ({@code
 * TopologyPlan.clusterProblems()}) to the executor that renders ECK resources. Not API.
 */
public final class EckClusterChecks {

  /** ECK's limit on Elasticsearch resource names ({@code MaxResourceNameLength}). */
  public static final int MAX_ES_NAME = 36;

  /** Kubernetes limit on names that must be DNS labels (Services, and our other names). */
  public static final int MAX_LABEL = 63;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private EckClusterChecks() {}

  /**
   * The problems of every ECK cluster of a topology, in cluster order.
   *
   * @param topology the topology
   * @return errors with paths {@code clusters[i].eck.name} and {@code
   *     clusters[i].remoteClusterServer}
   */
  public static List<Problem> check(Topology topology) {
    List<Problem> out = new ArrayList<>();
    List<Cluster> clusters = topology.clusters();
    for (int i = 0; i < clusters.size(); i++) {
      Cluster c = clusters.get(i);
      if (c.eck() != null) {
        names(out, "clusters[" + i + "].eck.name", c);
        remoteClusterServer(out, "clusters[" + i + "].remoteClusterServer", c);
      }
    }
    return out;
  }

  /**
   * ECK's webhook ({@code supportsRemoteClusterUsingAPIKey}): {@code
   * spec.remoteClusterServer.enabled} needs 8.10.0, whether or not a link of this topology uses it.
   */
  private static void remoteClusterServer(List<Problem> out, String path, Cluster c) {
    if (Boolean.TRUE.equals(c.remoteClusterServer()) && !c.version().isAtLeast(8, 10)) {
      out.add(new Problem(ProblemCode.SECURITY_UNSUPPORTED, path,
          "minimum required version for remote cluster server is 8.10.0 but desired version is "
              + c.version() + " (cluster [" + c.name() + "], Elasticsearch "
              + c.eck().namespace() + "/" + c.eck().name() + ")"));
    }
  }

  private static void names(List<Problem> out, String path, Cluster c) {
    String es = c.eck().name();
    Optional<String> tooLong = checkEsName(es);
    if (tooLong.isPresent()) {
      out.add(new Problem(ProblemCode.INVALID_VALUE, path, tooLong.get()));
      return;
    }
    for (String[] derived :
        new String[][] {
          {EckNames.transportService(es), "transport Service"},
          {EckNames.remoteClusterService(es), "remote cluster Service"},
          {EckNames.remoteClusterLoadBalancer(es), "remote cluster LoadBalancer Service"},
          {EckNames.transportCertsPublic(es), "public transport CA Secret"},
          {EckNames.eckRemoteCa(es), "remote CA Secret"},
          {EckNames.eckRemoteApiKeys(es), "API key Secret"},
          {EckNames.credentialsSecret(es), "credentials Secret"},
          {EckNames.remoteCaConfigMap(es), "remote CA ConfigMap"},
          {EckNames.transportCaConfigMap(es), "transport CA ConfigMap"}
        }) {
      checkLabel(derived[0], derived[1], es)
          .ifPresent(m -> out.add(new Problem(ProblemCode.INVALID_VALUE, path, m)));
    }
  }

  /**
   * ECK's check of an {@code Elasticsearch} name ({@code ValidateNames}): at most {@value
   * #MAX_ES_NAME} characters, so that every name ECK derives from it stays a valid label.
   *
   * @param es the Elasticsearch name
   * @return a message with ECK's wording, the name and its length, or empty when valid
   */
  public static Optional<String> checkEsName(String es) {
    if (es.length() <= MAX_ES_NAME) {
      return Optional.empty();
    }
    return Optional.of(
        "Elasticsearch configuration would generate resources with invalid names: name exceeds"
            + " maximum allowed length of " + MAX_ES_NAME + ": [" + es + "] has " + es.length()
            + " characters");
  }

  /**
   * Checks a derived name against the Kubernetes rules for DNS labels.
   *
   * @param name the derived name
   * @param what what the name is for, for the message
   * @param es the Elasticsearch resource it derives from
   * @return a message naming the name, its length and the rule, or empty when valid
   */
  public static Optional<String> checkLabel(String name, String what, String es) {
    if (name.length() > MAX_LABEL) {
      return Optional.of(
          what + " name [" + name + "] is " + name.length() + " characters long: Kubernetes allows"
              + " at most " + MAX_LABEL + "; shorten the Elasticsearch name [" + es + "]");
    }
    if (!DNS_LABEL.matcher(name).matches()) {
      return Optional.of(
          what + " name [" + name + "] is invalid: lower-case letters, digits and '-' only,"
              + " starting and ending with a letter or digit");
    }
    return Optional.empty();
  }
}
