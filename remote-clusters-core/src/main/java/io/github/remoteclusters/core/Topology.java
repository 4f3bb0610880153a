package io.github.remoteclusters.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of clusters and the links between them, as read from a topology file.
 *
 * @param clusters the clusters, with unique names
 * @param links the links, each naming clusters of this topology
 * @since 0.1.0
 */
public record Topology(List<Cluster> clusters, List<Link> links) {

  /** Copies the lists and checks that names are unique and every link refers to a cluster. */
  public Topology {
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(links, "links");
    for (int i = 0; i < clusters.size(); i++) {
      Objects.requireNonNull(clusters.get(i), "clusters[" + i + "]");
    }
    for (int i = 0; i < links.size(); i++) {
      Objects.requireNonNull(links.get(i), "links[" + i + "]");
    }
    clusters = List.copyOf(clusters);
    links = List.copyOf(links);
    Map<String, Cluster> byName = new HashMap<>();
    for (Cluster c : clusters) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException("duplicate cluster name [" + c.name() + "]");
      }
    }
    for (Link l : links) {
      requireKnown(byName, l.local());
      requireKnown(byName, l.remote());
    }
  }

  private static void requireKnown(Map<String, Cluster> byName, String name) {
    if (!byName.containsKey(name)) {
      throw new IllegalArgumentException("link refers to unknown cluster [" + name + "]");
    }
  }

  /**
   * The cluster with the given name.
   *
   * @param name the name
   * @return the cluster, or empty
   */
  public Optional<Cluster> cluster(String name) {
    Objects.requireNonNull(name, "name");
    for (Cluster c : clusters) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The clusters by name, for callers that look up many.
   *
   * @return a new map from name to cluster
   */
  public Map<String, Cluster> clustersByName() {
    Map<String, Cluster> byName = new HashMap<>(clusters.size() * 2);
    for (Cluster c : clusters) {
      byName.put(c.name(), c);
    }
    return byName;
  }
}
