package io.github.remoteclusters.core.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random fleets for the property tests, and the tests' own view of a link's uses. */
final class Fleets {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final String[] CURRENT = {
    "8.16.2", "8.17.0", "8.17.4", "8.18.1", "8.18.3", "8.19.2", "9.0.1", "9.0.4", "9.1.2"
  };
  static final String[] TARGETS = {"8.19.5", "9.0.6", "9.1.5", "9.2.0", "9.3.1"};

  private Fleets() {}

  /** A link as the tests see it. */
  record TestLink(String local, String remote, String alias, boolean search, boolean replication) {}

  /** A fleet, its links and its request. */
  record Fleet(Topology topology, List<TestLink> links, UpgradeRequest request) {}

  static final String[] WIDE_CURRENT = {
    "7.10.2", "7.16.3", "7.17.9", "8.2.0", "8.9.1", "8.14.3", "8.18.1", "8.19.2", "9.0.1"
  };

  static Fleet random(long seed, int minClusters, int maxClusters, boolean bidirectional) {
    return random(seed, minClusters, maxClusters, bidirectional, CURRENT);
  }

  static Fleet random(
      long seed, int minClusters, int maxClusters, boolean bidirectional, String[] pool) {
    Random rnd = new Random(seed);
    int n = minClusters + rnd.nextInt(maxClusters - minClusters + 1);
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(Cluster.of("c" + i, EsVersion.parse(pool[rnd.nextInt(pool.length)]),
          Deployment.SELF_MANAGED));
    }
    Basis allow = rnd.nextInt(3) == 0 ? Basis.INFERRED : Basis.DOCUMENTED;
    List<Link> links = new ArrayList<>();
    List<TestLink> tests = new ArrayList<>();
    int wanted = rnd.nextInt(n + 2);
    for (int tries = 0; links.size() < wanted && tries < 50; tries++) {
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n);
      if (a == b) {
        continue;
      }
      int kind = rnd.nextInt(4); // 0,1 search, 2 replication, 3 both
      boolean search = kind != 2;
      boolean replication = kind >= 2;
      String local = clusters.get(a).name();
      String remote = clusters.get(b).name();
      if (!bidirectional && replication && hasReplication(tests, remote, local)) {
        continue;
      }
      TestLink t = new TestLink(local, remote, remote + "-" + links.size(), search, replication);
      // most links work today; some do not, so that impossible fleets are generated too
      if (rnd.nextInt(8) != 0
          && !alive(t, clusters.get(a).version(), clusters.get(b).version(), allow)) {
        continue;
      }
      tests.add(t);
      links.add(toLink(t));
      if (bidirectional && replication && rnd.nextInt(3) == 0) {
        TestLink back = new TestLink(remote, local, local + "-" + links.size(), false, true);
        tests.add(back);
        links.add(toLink(back));
      }
    }
    EsVersion target = EsVersion.parse(TARGETS[rnd.nextInt(TARGETS.length)]);
    UpgradeRequest request = UpgradeRequest.to(target).withAllow(allow);
    for (Cluster c : clusters) {
      if (rnd.nextInt(10) == 0) {
        EsVersion own = EsVersion.parse(TARGETS[rnd.nextInt(TARGETS.length)]);
        if (own.compareTo(c.version()) >= 0) {
          request = request.withTarget(c.name(), own);
        }
      }
    }
    if (rnd.nextInt(4) == 0) {
      request = request.withMaxPerWave(1 + rnd.nextInt(3));
    }
    return new Fleet(new Topology(clusters, links), tests, request);
  }

  private static boolean hasReplication(List<TestLink> links, String local, String remote) {
    for (TestLink t : links) {
      if (t.replication() && t.local().equals(local) && t.remote().equals(remote)) {
        return true;
      }
    }
    return false;
  }

  static Link toLink(TestLink t) {
    Link link = Link.of(t.local(), t.remote(), t.alias());
    if (t.search() && !t.replication()) {
      return link;
    }
    CrossClusterAccess access = new CrossClusterAccess(
        t.search() ? List.of(SearchAccess.of("logs-*")) : List.of(),
        List.of(ReplicationAccess.of("orders-*")));
    return link.withAccess(access);
  }

  /** The independent check: supported and wire compatible, on an accepted basis. */
  static boolean alive(TestLink t, EsVersion local, EsVersion remote, Basis allow) {
    return (!t.search() || accepted(Compatibility.check(Use.SEARCH, local, remote), allow))
        && (!t.replication()
            || accepted(Compatibility.check(Use.REPLICATION, local, remote), allow));
  }

  private static boolean accepted(CompatibilityVerdict v, Basis allow) {
    return v.supported() && v.wire().compatible() && ok(v.basis(), allow)
        && ok(v.wire().basis(), allow);
  }

  private static boolean ok(Basis b, Basis allow) {
    return b == Basis.DOCUMENTED || (b == Basis.INFERRED && allow == Basis.INFERRED);
  }

  /** Whether the fleet holds a pair that replicates both ways. */
  static boolean bidirectional(TestLink t, List<TestLink> links) {
    return t.replication() && hasReplication(links, t.remote(), t.local());
  }
}
