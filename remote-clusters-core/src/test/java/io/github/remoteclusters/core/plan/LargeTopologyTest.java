package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streaming plans and checks of a full mesh agree with the collected plan. */
class LargeTopologyTest {

  static Topology mesh(int n) {
    CrossClusterAccess access = new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of());
    EsVersion v = EsVersion.parse("9.1.3");
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(new Cluster("c" + i, v, Deployment.SELF_MANAGED, null, null, "h" + i + ":9300",
          "h" + i + ":9443", "h" + i, true, License.ENTERPRISE));
    }
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          links.add(Link.of("c" + i, "c" + j, "c" + j).withAccess(access));
        }
      }
    }
    return new Topology(clusters, links);
  }

  @Test
  void streamingCheckingAndCollectingAgree() {
    Topology t = mesh(20);
    RemoteClusterPlanner planner = RemoteClusterPlanner.create();
    TopologyPlan collected = planner.plan(t);
    List<PlanResult> streamed = new ArrayList<>();
    planner.plan(t, streamed::add);
    assertThat(streamed).hasSize(380);
    assertThat(streamed).extracting(PlanResult::index).isSorted();
    assertThat(PlanFormatter.toJson(new TopologyPlan(streamed)))
        .isEqualTo(PlanFormatter.toJson(collected));
    assertThat(planner.check(t)).isEqualTo(collected.problems());
    assertThat(collected.hasErrors()).isFalse();
  }
}
