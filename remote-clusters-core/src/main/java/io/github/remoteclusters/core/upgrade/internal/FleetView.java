package io.github.remoteclusters.core.upgrade.internal;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The only place the upgrade planner reads core's topology model: cluster names and versions, and
 * for each present link its ends, alias and uses. When the model changes, only this class does.
 */
public final class FleetView {

  private FleetView() {}

  /**
   * A cluster as the upgrade planner sees it.
   *
   * @param name the name
   * @param version the current version
   */
  public record Node(String name, EsVersion version) {}

  /**
   * A link as the upgrade planner sees it.
   *
   * @param local the local cluster's name (the follower for replication)
   * @param remote the remote cluster's name (the leader for replication)
   * @param alias the alias
   * @param search whether the link is used for cross-cluster search
   * @param replication whether the link is used for cross-cluster replication
   */
  public record Edge(String local, String remote, String alias, boolean search, boolean replication) {}

  /**
   * The clusters of a topology.
   *
   * @param topology the topology
   * @return the clusters in topology order
   */
  public static List<Node> nodes(Topology topology) {
    List<Node> out = new ArrayList<>(topology.clusters().size());
    for (Cluster c : topology.clusters()) {
      out.add(new Node(c.name(), c.version()));
    }
    return out;
  }

  /**
   * The present links of a topology with their uses ({@link Link#effectiveUses()}): the stated
   * {@code uses} when there are any (so a certificate link can declare replication), else what the
   * access document asks for, else search.
   *
   * @param topology the topology
   * @return the links in topology order; absent links are left out
   */
  public static List<Edge> edges(Topology topology) {
    List<Edge> out = new ArrayList<>(topology.links().size());
    for (Link l : topology.links()) {
      if (l.state() != LinkState.PRESENT || l.local().equals(l.remote())) {
        continue;
      }
      Set<Use> uses = l.effectiveUses();
      boolean replication = uses.contains(Use.REPLICATION);
      boolean search = uses.contains(Use.SEARCH);
      out.add(new Edge(l.local(), l.remote(), l.alias(), search, replication));
    }
    return out;
  }
}
