package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.plan.AccessValidator;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.ApiKeyProblemCode;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.CrossClusterApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks {@code access} documents with the security module's cross-cluster API key rules (the
 * same parser Elasticsearch uses, with its messages). Not API.
 */
public final class SecurityAccessValidator implements AccessValidator {

  /** The shared instance. */
  public static final SecurityAccessValidator INSTANCE = new SecurityAccessValidator();

  /** Advice the planner gives itself (security model versions) or that does not fit a link. */
  private static final Set<ApiKeyProblemCode> NOT_FOR_LINKS =
      Set.of(ApiKeyProblemCode.NO_EXPIRATION, ApiKeyProblemCode.UNSUPPORTED_VERSION);

  private SecurityAccessValidator() {}

  @Override
  public List<Problem> validate(CrossClusterAccess access, String path, EsVersion remoteVersion) {
    String body = "{\"name\":\"remote-clusters-access-check\",\"access\":" + access.toJson() + "}";
    ApiKeyCheck check = CrossClusterApiKeys.check(body, remoteVersion);
    List<Problem> out = new ArrayList<>();
    String base = path.endsWith(".access") ? path.substring(0, path.length() - ".access".length()) : path;
    for (var p : check.problems()) {
      out.add(new Problem(ProblemCode.ACCESS_INVALID, join(base, p.path()), p.message()));
    }
    for (var w : check.warnings()) {
      if (!NOT_FOR_LINKS.contains(w.code())) {
        out.add(new Problem(ProblemCode.ACCESS_ADVICE, join(base, w.path()), w.message()));
      }
    }
    return out;
  }

  private static String join(String base, String path) {
    return path.isEmpty() ? base + ".access" : base + "." + path;
  }
}
