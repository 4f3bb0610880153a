package io.github.remoteclusters.benchmarks;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating and planning a full mesh of N self-managed clusters with API-key links (N*(N-1)
 * links: 32 → 992, 100 → 9,900, 317 → 100,172, 1000 → 999,000), in a JVM limited to 1 GiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class PlannerBenchmark {

  /** Clusters in the mesh. */
  @Param({"32", "100", "317", "1000"})
  public int clusters;

  private Topology topology;
  private RemoteClusterPlanner planner;

  /** Builds the mesh once. */
  @Setup
  public void setUp() {
    CrossClusterAccess access = new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of());
    EsVersion version = EsVersion.parse("9.1.3");
    List<Cluster> cs = new ArrayList<>(clusters);
    for (int i = 0; i < clusters; i++) {
      cs.add(new Cluster("c" + i, version, Deployment.SELF_MANAGED, null, null, "h" + i + ":9300",
          "h" + i + ":9443", "h" + i, true, License.ENTERPRISE));
    }
    List<Link> links = new ArrayList<>(clusters * (clusters - 1));
    for (int i = 0; i < clusters; i++) {
      for (int j = 0; j < clusters; j++) {
        if (i != j) {
          links.add(Link.of(cs.get(i).name(), cs.get(j).name(), cs.get(j).name()).withAccess(access));
        }
      }
    }
    topology = new Topology(cs, links);
    planner = RemoteClusterPlanner.create();
  }

  /**
   * Every check of every link (what {@code validate} runs).
   *
   * @return the number of problems
   */
  @Benchmark
  public int validate() {
    return planner.check(topology).size();
  }

  /**
   * Every check and every step of every link, streamed (each plan dropped once counted).
   *
   * @return the number of steps
   */
  @Benchmark
  public long planStreaming() {
    long[] steps = {0};
    planner.plan(topology, r -> {
      if (r instanceof PlanResult.Planned) {
        steps[0] += ((PlanResult.Planned) r).plan().steps().size();
      }
    });
    return steps[0];
  }
}
