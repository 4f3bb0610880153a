package io.github.remoteclusters.k8s.docs;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario of the landing page "Remote clusters on Elastic Cloud on Kubernetes"
 * (https://www.elastic.co/docs/deploy-manage/remote-clusters/eck-remote-clusters-landing), for one
 * security model, as the docs page it links to describes it.
 *
 * @param number the scenario's number (1 to 6, the landing page's order)
 * @param url the docs page
 * @param model {@code api-key} or {@code certificate}
 * @param variant what sets this case apart (private CA, public CA, TLS termination, ...)
 * @param topology the topology file; {@code local} and {@code remote} are the clusters
 * @param files files next to the topology: name to content, {@code CA} for a generated CA
 * @param steps the page's steps, in the page's order
 * @param renders what the page's manifests show, for the ECK side
 * @param restarts rolling restarts the plan may cause per side ({@code local}, {@code remote}): the
 *     number of its steps with {@code restartsNodes: true}; a side not named is not checked
 */
public record DocsScenario(
    int number,
    String url,
    String model,
    String variant,
    String topology,
    Map<String, String> files,
    List<DocsStep> steps,
    List<DocsRender> renders,
    Map<String, Integer> restarts) {

  /** The docs pages' root. */
  static final String DOCS = "https://www.elastic.co/docs/deploy-manage/remote-clusters/";

  /** Checks and copies. */
  public DocsScenario {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(topology, "topology");
    files = Map.copyOf(files);
    steps = List.copyOf(steps);
    renders = List.copyOf(renders);
    restarts = Map.copyOf(restarts);
  }

  /** {@return a name for test reports} */
  @Override
  public String toString() {
    return number + " " + url.substring(url.lastIndexOf('/') + 1) + " [" + model + ", " + variant + "]";
  }
}
