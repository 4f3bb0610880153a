package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.EckRef;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.internal.EckClusterChecks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18: the checks of an ECK cluster itself (ECK's name limits, its webhook's remote cluster
 * server rule) are the core's, and travel in the plan as {@link TopologyPlan#clusterProblems()}.
 */
class EckClusterProblemsTest {

  private static Topology alone(String esName, String version, Boolean remoteClusterServer) {
    return Topology.builder()
        .cluster(Cluster.builder("foo", EsVersion.parse(version),
                new EckRef(esName, "default", "default"))
            .remoteClusterServer(remoteClusterServer).build())
        .build();
  }

  /** {@code Test_validName}: 36 characters pass, 37 do not, with ECK's wording. */
  @Test
  void elasticsearchNameLimitIsEcks() {
    assertThat(EckClusterChecks.checkEsName("that-is-a-very-long-name-with-36char")).isEmpty();
    assertThat(EckClusterChecks.checkEsName("that-is-a-very-long-name-with-37chars"))
        .hasValueSatisfying(m -> assertThat(m)
            .contains("name exceeds maximum allowed length of 36", "has 37 characters"));
  }

  @Test
  void tooLongNamesGetAClearError() {
    String name = "a".repeat(50);
    assertThat(EckClusterChecks.checkLabel(name + "-es-remote-cluster-lb", "Service", name))
        .hasValueSatisfying(m -> assertThat(m).contains("at most 63", "shorten the Elasticsearch name"));
    assertThat(EckClusterChecks.checkLabel("ok-name", "Service", "ok")).isEmpty();
    assertThat(EckClusterChecks.checkLabel("Bad_Name", "Service", "x"))
        .hasValueSatisfying(m -> assertThat(m).contains("lower-case"));
  }

  @Test
  void theLongestEckNameGivesValidDerivedNames() {
    // the topology reader already refuses names over 36; every name derived from 36 is a label
    assertThat(EckClusterChecks.MAX_ES_NAME).isEqualTo(36);
    String longest = "a".repeat(36);
    assertThat(EckClusterChecks.checkLabel(EckNames.remoteClusterLoadBalancer(longest), "Service",
        longest)).isEmpty();
    assertThat(RemoteClusterPlanner.create().plan(alone(longest, "8.19.3", null))
        .clusterProblems()).isEmpty();
  }

  @Test
  void theBuildersTooLongNameIsThePlansClusterProblem() {
    String name = "a".repeat(37);
    TopologyPlan plan = RemoteClusterPlanner.create().plan(alone(name, "8.19.3", null));
    assertThat(plan.clusterProblems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
      assertThat(p.path()).isEqualTo("clusters[0].eck.name");
      assertThat(p.message()).isEqualTo(EckClusterChecks.checkEsName(name).orElseThrow());
    });
    // about the cluster, not its links: the link verdict is unchanged
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.hasErrors()).isFalse();
    assertThat(RemoteClusterPlanner.create().plan(alone(name, "8.19.3", null), List.of())
        .clusterProblems()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "8.9.99, true, true",
    "8.10.0, true, false",
    "8.9.99, false, false",
    "8.9.99, , false",
    "9.5.0, true, false"
  })
  void remoteClusterServerNeeds810AsEcksWebhookSays(String version, Boolean server,
      boolean refused) {
    List<Problem> problems =
        RemoteClusterPlanner.create().plan(alone("foo", version, server)).clusterProblems();
    if (!refused) {
      assertThat(problems).isEmpty();
      return;
    }
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.SECURITY_UNSUPPORTED);
      assertThat(p.path()).isEqualTo("clusters[0].remoteClusterServer");
      assertThat(p.message()).isEqualTo("minimum required version for remote cluster server is"
          + " 8.10.0 but desired version is " + version + " (cluster [foo], Elasticsearch"
          + " default/foo)");
    });
  }

  @Test
  void clustersOutsideEckHaveNoneOfThese() {
    Topology t = Topology.builder()
        .cluster(Cluster.builder("x", EsVersion.parse("8.9.0"), Deployment.SELF_MANAGED)
            .remoteClusterServer(true).build())
        .build();
    assertThat(RemoteClusterPlanner.create().plan(t).clusterProblems()).isEmpty();
  }
}
