package io.github.remoteclusters.benchmarks;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.upgrade.UpgradePlan;
import io.github.remoteclusters.core.upgrade.UpgradePlanner;
import io.github.remoteclusters.core.upgrade.UpgradeRequest;
import io.github.remoteclusters.core.upgrade.UpgradeResult;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Planning the upgrade of a fleet of N clusters on 8.17, 8.18, 8.19 and 9.0 (random patches) to
 * 9.2.0, with L random links (70% search, 30% replication), each supported today, at most one per
 * pair of clusters, accepting inferred verdicts; seed 42.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class UpgradePlannerBenchmark {

  /** Clusters and links, as {@code clusters:links}. */
  @Param({"100:1000", "1000:10000"})
  public String size;

  private Topology topology;
  private UpgradeRequest request;

  /** Builds the fleet once. */
  @Setup
  public void setUp() {
    int clusters = Integer.parseInt(size.split(":")[0]);
    int links = Integer.parseInt(size.split(":")[1]);
    Random rnd = new Random(42);
    String[] minors = {"8.17", "8.18", "8.19", "9.0"};
    List<Cluster> cs = new ArrayList<>(clusters);
    for (int i = 0; i < clusters; i++) {
      EsVersion v = EsVersion.parse(minors[rnd.nextInt(minors.length)] + "." + rnd.nextInt(5));
      cs.add(Cluster.of("c" + i, v, Deployment.SELF_MANAGED));
    }
    CrossClusterAccess replication =
        new CrossClusterAccess(List.of(), List.of(ReplicationAccess.of("orders-*")));
    List<Link> ls = new ArrayList<>(links);
    java.util.Set<Long> pairs = new java.util.HashSet<>();
    while (ls.size() < links) {
      int x = rnd.nextInt(clusters);
      int y = rnd.nextInt(clusters);
      // the cluster with the higher number is upgraded first: it is the remote of a search and
      // the follower of a replication, so no chain of links asks for an order that goes round in
      // a circle; searches go to the same or a newer version, followers to the same or an older
      boolean follow = rnd.nextInt(10) < 3;
      int a = follow ? Math.max(x, y) : Math.min(x, y);
      int b = follow ? Math.min(x, y) : Math.max(x, y);
      Cluster local = cs.get(a);
      Cluster remote = cs.get(b);
      // one link per pair of clusters: no pair searches both ways
      if (a == b || !pairs.add((long) Math.min(a, b) << 32 | Math.max(a, b))) {
        continue;
      }
      CompatibilityVerdict v = follow
          ? Compatibility.replication(local.version(), remote.version())
          : Compatibility.search(local.version(), remote.version());
      int order = local.version().compareTo(remote.version());
      if (!v.supported() || !v.wire().compatible() || (follow ? order < 0 : order > 0)) {
        pairs.remove((long) Math.min(a, b) << 32 | Math.max(a, b));
        continue;
      }
      Link l = Link.of(local.name(), remote.name(), remote.name() + "-" + ls.size());
      ls.add(follow ? l.withAccess(replication) : l);
    }
    topology = new Topology(cs, ls);
    // replication beyond the CCR table (9.1+) is inferred from documented rules
    request = UpgradeRequest.to(EsVersion.parse("9.2.0")).withAllow(Basis.INFERRED);
    UpgradePlan plan = ((UpgradeResult.Planned) UpgradePlanner.create().plan(topology, request))
        .plan();
    System.out.println("fleet " + size + ": possible " + plan.possible() + ", waves "
        + plan.waves().size() + ", lower bound " + plan.lowerBound());
  }

  /**
   * Plans the fleet's upgrade.
   *
   * @return the number of waves
   */
  @Benchmark
  public int plan() {
    UpgradeResult r = UpgradePlanner.create().plan(topology, request);
    return ((UpgradeResult.Planned) r).plan().waves().size();
  }
}
