package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a create-cross-cluster-API-key body.
 *
 * @param problems what Elasticsearch would reject, in its order and words
 * @param warnings least-privilege and version advice; they do not make the body invalid
 * @param request the parsed request when there are no problems, otherwise {@code null}
 * @since 0.1.0
 */
public record ApiKeyCheck(List<ApiKeyProblem> problems, List<ApiKeyProblem> warnings, CreateCrossClusterApiKeyRequest request) {

  /** Copies the lists. */
  public ApiKeyCheck {
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
  }

  /**
   * Whether Elasticsearch would accept the body.
   *
   * @return {@code true} when there are no problems
   */
  public boolean valid() {
    return problems.isEmpty();
  }

  /**
   * The parsed request, present when valid.
   *
   * @return the request
   */
  public Optional<CreateCrossClusterApiKeyRequest> parsed() {
    return Optional.ofNullable(request);
  }
}
