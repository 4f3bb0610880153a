package io.github.remoteclusters.elasticsearch.internal.apply;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The status of links as the local clusters report them ({@code GET _remote/info}), with a
 * diagnosis of every link that is not connected. Not API.
 */
final class StatusReader {

  private final ReconcilerConfig config;
  private final Function<Cluster, EsSession> sessions;

  /**
   * A status reader.
   *
   * @param config where the ownership store is
   * @param sessions the session to a cluster, opened once and shared with the reconciler
   */
  StatusReader(ReconcilerConfig config, Function<Cluster, EsSession> sessions) {
    this.config = Objects.requireNonNull(config, "config");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  private EsSession session(Cluster cluster) {
    return sessions.apply(cluster);
  }

  /** The status of an alias as an apply's verification judges it (no probe). */
  static LinkStatus status(
      Topology topology, String alias, RemoteInfo info, boolean owned, Diagnoser diagnoser,
      Cluster local, EsSession session) {
    return status(topology, alias, info, owned, diagnoser, local, session, false);
  }

  /**
   * The status of an alias; with {@code probe}, an API-key alias that {@code _remote/info} shows
   * connected is also tried ({@code _resolve/cluster}, which the remote authorizes): open
   * connections outlive a key invalidated behind the tool's back, so "connected" alone would
   * report healthy while every search fails.
   */
  private static LinkStatus status(
      Topology topology, String alias, RemoteInfo info, boolean owned, Diagnoser diagnoser,
      Cluster local, EsSession session, boolean probe) {
    String cluster = local.name();
    if (probe && info != null && info.connected() && session != null
        && Boolean.TRUE.equals(info.credentials()) && session.remoteError(alias) != null) {
      Link link = linkOf(topology, local.name(), alias);
      Cluster remote = link == null ? null : topology.cluster(link.remote()).orElse(null);
      Diagnosis d = diagnoser.diagnose(local, session.version(), alias, info, remote, null,
          link == null ? null : link.security(), session);
      return new LinkStatus(cluster, alias, LinkStatus.State.DISCONNECTED, owned, info, d);
    }
    if (info == null) {
      return new LinkStatus(cluster, alias, LinkStatus.State.NOT_CONFIGURED, owned, null,
          new Diagnosis(Diagnosis.Code.NOT_CONFIGURED,
              "[" + alias + "] is not configured on [" + cluster + "]"));
    }
    if (info.connected()) {
      return new LinkStatus(cluster, alias, LinkStatus.State.CONNECTED, owned, info, null);
    }
    Link link = linkOf(topology, local.name(), alias);
    Cluster remote = link == null ? null : topology.cluster(link.remote()).orElse(null);
    Diagnosis d = diagnoser.diagnose(local, session == null ? null : session.version(), alias,
        info, remote, null, link == null ? null : link.security(),
        session);
    return new LinkStatus(cluster, alias, LinkStatus.State.DISCONNECTED, owned, info, d);
  }

  private static Link linkOf(Topology topology, String local, String alias) {
    for (Link l : topology.links()) {
      if (l.local().equals(local) && l.alias().equals(alias) && l.state() == LinkState.PRESENT) {
        return l;
      }
    }
    return null;
  }

  /** See {@link io.github.remoteclusters.elasticsearch.Reconciler#status(Topology)}. */
  List<LinkStatus> status(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    List<LinkStatus> out = new ArrayList<>();
    Set<String> locals = new TreeSet<>();
    topology.links().forEach(l -> locals.add(l.local()));
    RuntimeException storeFailure = null; // not asked again once it failed
    for (Cluster c : topology.clusters()) {
      Set<String> owned = Set.of();
      if (storeFailure == null) {
        try {
          owned = config.ownership().owned(c.name());
        } catch (RuntimeException e) {
          storeFailure = e;
        }
      }
      if (locals.contains(c.name()) || !owned.isEmpty()) {
        out.addAll(status(topology, c, owned, storeFailure));
      }
    }
    return out;
  }

  /** See {@link io.github.remoteclusters.elasticsearch.Reconciler#status(Topology, Cluster)}. */
  List<LinkStatus> status(Topology topology, Cluster cluster) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(cluster, "cluster");
    Set<String> owned = Set.of();
    RuntimeException storeFailure = null;
    try {
      owned = config.ownership().owned(cluster.name());
    } catch (RuntimeException e) {
      storeFailure = e;
    }
    return status(topology, cluster, owned, storeFailure);
  }

  private List<LinkStatus> status(Topology topology, Cluster cluster, Set<String> owned,
      RuntimeException storeFailure) {
    List<LinkStatus> out = new ArrayList<>();
    if (storeFailure != null) {
      RuntimeException e = storeFailure;
      // which aliases are this tool's cannot be told: say so for every link, never throw
      for (Link l : topology.links()) {
        if (l.local().equals(cluster.name()) && l.state() == LinkState.PRESENT) {
          out.add(new LinkStatus(cluster.name(), l.alias(), LinkStatus.State.UNKNOWN, false, null,
              new Diagnosis(Diagnosis.Code.OWNERSHIP, String.valueOf(e.getMessage()))));
        }
      }
      return out;
    }
    Map<String, RemoteInfo> info;
    EsSession session;
    try {
      session = session(cluster);
      info = session.remoteInfo();
    } catch (ApplyException e) {
      for (Link l : topology.links()) {
        if (l.local().equals(cluster.name()) && l.state() == LinkState.PRESENT) {
          out.add(new LinkStatus(cluster.name(), l.alias(), LinkStatus.State.UNKNOWN,
              owned.contains(l.alias()), null,
              Diagnoser.clusterNotReached(e)));
        }
      }
      return out;
    }
    Diagnoser diagnoser = new Diagnoser(topology);
    Set<String> seen = new TreeSet<>();
    info.forEach((alias, ri) -> {
      seen.add(alias);
      out.add(status(topology, alias, ri, owned.contains(alias), diagnoser, cluster, session,
          true));
    });
    for (Link l : topology.links()) {
      if (l.local().equals(cluster.name()) && l.state() == LinkState.PRESENT
          && !seen.contains(l.alias())) {
        seen.add(l.alias());
        out.add(status(topology, l.alias(), null, owned.contains(l.alias()), diagnoser,
            cluster, session));
      }
    }
    return out;
  }

}
