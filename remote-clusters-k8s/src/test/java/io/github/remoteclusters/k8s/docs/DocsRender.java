package io.github.remoteclusters.k8s.docs;

import java.util.Objects;

/**
 * What a docs page's manifest shows, as data: a field of a rendered resource.
 *
 * <p>{@code pointer} is a JSON pointer into the resource; a segment {@code *} means every element
 * of a list, {@code ?} some element. {@code expected} is the value's text, {@code ~text} a value
 * that contains it, {@code !~text} one that does not, {@code !} an absent field.
 *
 * @param cluster the topology's name of the cluster the resource belongs to
 * @param kind the resource's kind
 * @param name the resource's name, or null for the cluster's own {@code Elasticsearch}
 * @param pointer where in the resource
 * @param expected what must be there
 * @param docs the docs' words for it
 */
public record DocsRender(
    String cluster, String kind, String name, String pointer, String expected, String docs) {

  /** Checks the components. */
  public DocsRender {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(docs, "docs");
  }

  /** A field of the cluster's own {@code Elasticsearch}. */
  static DocsRender es(String cluster, String pointer, String expected, String docs) {
    return new DocsRender(cluster, "Elasticsearch", null, pointer, expected, docs);
  }
}
