package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.Link;
import java.util.ArrayList;
import java.util.List;

/** One link as translated: where it lands, what is pending, and what failed. */
public final class LinkPlan {
  /** The link's position in the topology. */
  public final int index;
  /** The link. */
  public final Link link;
  /** The local resource, or null when the local cluster is not on ECK. */
  public final EsKey local;
  /** The remote resource, or null when the remote cluster is not on ECK. */
  public final EsKey remote;
  /** The local cluster. */
  public final io.github.remoteclusters.core.Cluster localCluster;
  /** Whether ECK automates the link (same environment). */
  public final boolean eckManaged;
  /** Whether the link uses API keys. */
  public boolean apiKey;
  /** Material still missing, one line each. */
  public final List<String> pending = new ArrayList<>();
  /** Errors, one line each. */
  public final List<String> errors = new ArrayList<>();

  /**
   * Creates the plan.
   *
   * @param index the link's position in the topology
   * @param link the link
   * @param localCluster the local cluster
   * @param local the local resource, or null
   * @param remote the remote resource, or null
   * @param eckManaged whether ECK automates it
   */
  public LinkPlan(
      int index,
      Link link,
      io.github.remoteclusters.core.Cluster localCluster,
      EsKey local,
      EsKey remote,
      boolean eckManaged) {
    this.index = index;
    this.link = link;
    this.localCluster = localCluster;
    this.local = local;
    this.remote = remote;
    this.eckManaged = eckManaged;
  }
}
