package io.github.remoteclusters.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of clusters and the links between them, as read from a topology file or built in code
 * with {@link #builder()}.
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

  /**
   * A builder of a topology, empty to start with.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Topology}: clusters and links in the order they are added. {@link #build()}
   * checks that cluster names are unique and every link refers to a cluster.
   */
  public static final class Builder {
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a cluster.
     *
     * @param value the cluster, not null
     * @return this builder
     */
    public Builder cluster(Cluster value) {
      clusters.add(Objects.requireNonNull(value, "cluster"));
      return this;
    }

    /**
     * Adds clusters.
     *
     * @param values the clusters, none null
     * @return this builder
     */
    public Builder clusters(Collection<Cluster> values) {
      for (Cluster c : values) {
        cluster(c);
      }
      return this;
    }

    /**
     * Adds a link.
     *
     * @param value the link, not null
     * @return this builder
     */
    public Builder link(Link value) {
      links.add(Objects.requireNonNull(value, "link"));
      return this;
    }

    /**
     * Adds links.
     *
     * @param values the links, none null
     * @return this builder
     */
    public Builder links(Collection<Link> values) {
      for (Link l : values) {
        link(l);
      }
      return this;
    }

    /**
     * Builds the topology.
     *
     * @return the topology
     * @throws IllegalArgumentException on a duplicate cluster name or a link to an unknown cluster
     */
    public Topology build() {
      return new Topology(clusters, links);
    }
  }
}
