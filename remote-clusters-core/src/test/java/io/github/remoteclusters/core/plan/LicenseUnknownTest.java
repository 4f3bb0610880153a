package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the ECK landing page needs an enterprise (or trial) licence, and so does the
 * API-key model anywhere: a cluster that states no licence gets a warning saying so.
 */
class LicenseUnknownTest {

  private static List<Problem> problems(String yaml) {
    TopologyReadResult r = TopologyReader.parse(yaml);
    assertThat(r.problems()).isEmpty();
    return RemoteClusterPlanner.create().plan(((TopologyReadResult.Loaded) r).topology()).problems();
  }

  @Test
  void anApiKeyLinkWithoutLicencesWarnsForBothClusters() {
    List<Problem> p = problems("""
        clusters:
          - {name: a, version: "9.1.0", deployment: self-managed, remoteClusterAddress: "a:9443", serverName: a}
          - {name: b, version: "9.1.0", deployment: self-managed, remoteClusterAddress: "b:9443",
             serverName: b, remoteClusterServer: true}
        links:
          - {local: a, remote: b, alias: b, access: {search: [{names: ["*"]}]}}
        """);
    assertThat(p).filteredOn(x -> x.code() == ProblemCode.LICENSE_UNKNOWN)
        .extracting(Problem::path)
        .containsExactly("links[0].local", "links[0].remote");
    assertThat(p).filteredOn(x -> x.code() == ProblemCode.LICENSE_UNKNOWN)
        .first().extracting(Problem::message).asString()
        .contains("cluster [a] states no [license]", "enterprise", "GET /_license");
    assertThat(ProblemCode.LICENSE_UNKNOWN.severity().toString()).isEqualToIgnoringCase("warning");
  }

  @Test
  void statedLicencesAndCertificatesBetweenSelfManagedClustersNeedNoWarning() {
    assertThat(problems("""
        clusters:
          - {name: a, version: "9.1.0", deployment: eck, license: enterprise}
          - {name: b, version: "9.1.0", deployment: eck, license: trial}
        links:
          - {local: a, remote: b, alias: b, access: {search: [{names: ["*"]}]}}
        """)).noneMatch(x -> x.code() == ProblemCode.LICENSE_UNKNOWN);
    assertThat(problems("""
        clusters:
          - {name: a, version: "8.19.0", deployment: self-managed}
          - {name: b, version: "8.19.0", deployment: self-managed, transportAddress: "b:9300"}
        links:
          - {local: a, remote: b, alias: b, security: certificate}
        """)).noneMatch(x -> x.code() == ProblemCode.LICENSE_UNKNOWN);
  }

  @Test
  void eckWithCertificatesStillNeedsEnterprise() {
    assertThat(problems("""
        clusters:
          - {name: a, version: "8.19.0", deployment: eck, eck: {environment: x}, license: enterprise}
          - {name: b, version: "8.19.0", deployment: self-managed, transportAddress: "b:9300"}
        links:
          - {local: a, remote: b, alias: b, security: certificate}
        """)).filteredOn(x -> x.code() == ProblemCode.LICENSE_UNKNOWN)
        .extracting(Problem::path).containsExactly("links[0].remote");
  }
}
