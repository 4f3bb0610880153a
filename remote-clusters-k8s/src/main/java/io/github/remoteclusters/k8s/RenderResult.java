package io.github.remoteclusters.k8s;

import io.github.remoteclusters.core.Problem;
import java.util.List;

/**
 * What rendering a topology gave: the resources, or why the topology cannot be expressed on ECK.
 *
 * <p>Experimental API.
 *
 * @since 0.1.0
 */
public sealed interface RenderResult permits RenderResult.Rendered, RenderResult.Rejected {

  /** {@return the problems: warnings when rendered, at least one error when rejected} */
  List<Problem> problems();

  /**
   * The topology was rendered.
   *
   * @param resources the resources, in apply order (owned resources before the Elasticsearch
   *     resources that refer to them)
   * @param problems warnings
   * @param pending what a person or the operator still has to supply (API keys, CAs), one line each
   * @since 0.1.0
   */
  record Rendered(List<RenderedResource> resources, List<Problem> problems, List<String> pending)
      implements RenderResult {
    /** Copies the lists. */
    public Rendered {
      resources = List.copyOf(resources);
      problems = List.copyOf(problems);
      pending = List.copyOf(pending);
    }
  }

  /**
   * The topology cannot be expressed on ECK (or breaks a rule); nothing was rendered.
   *
   * @param problems the problems, at least one an error
   * @since 0.1.0
   */
  record Rejected(List<Problem> problems) implements RenderResult {
    /** Copies the list and checks that it holds an error. */
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.stream().noneMatch(Problem::isError)) {
        throw new IllegalArgumentException("a rejection needs at least one error");
      }
    }
  }
}
