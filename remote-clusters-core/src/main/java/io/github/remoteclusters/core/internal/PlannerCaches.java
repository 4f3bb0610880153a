package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Feature;
import io.github.remoteclusters.compat.FeatureAvailability;
import io.github.remoteclusters.compat.FeatureGates;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.plan.AccessValidator;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the planner remembers across the links of one run: API-key availability by version pair,
 * access checks by document and remote version, and the shared parts of steps. Keyed by value
 * (an access by its record equality). Not API.
 */
final class PlannerCaches {

  private final AccessValidator accessValidator;
  private final Map<AccessKey, List<Problem>> accessChecks = new java.util.HashMap<>();

  /** The shared parts of steps. */
  final StepCache steps = new StepCache();

  PlannerCaches(AccessValidator accessValidator) {
    this.accessValidator = accessValidator;
  }

  /** API-key availability by version pair: links of a topology share few version pairs. */
  private final Map<List<EsVersion>, FeatureAvailability> apiKeyStatus = new java.util.HashMap<>();

  private EsVersion lastLocalVersion;
  private EsVersion lastRemoteVersion;
  private FeatureAvailability lastApiKeyStatus;

  FeatureAvailability apiKeys(LinkPlanner.Context c) {
    EsVersion l = c.local.version();
    EsVersion r = c.remote.version();
    if (l == lastLocalVersion && r == lastRemoteVersion) {
      return lastApiKeyStatus;
    }
    FeatureAvailability status =
        apiKeyStatus.computeIfAbsent(
            List.of(l, r), k -> FeatureGates.status(Feature.API_KEY_SECURITY, k.get(0), k.get(1)));
    lastLocalVersion = l;
    lastRemoteVersion = r;
    lastApiKeyStatus = status;
    return status;
  }

  /**
   * Validates the access document, once per distinct document and remote version: links of a
   * topology usually share a few documents.
   */
  List<Problem> validateAccess(LinkPlanner.Context c) {
    List<Problem> relative;
    if (c.access == lastAccess && c.remote.version() == lastAccessVersion) {
      relative = lastAccessProblems;
    } else {
      AccessKey key = new AccessKey(c.access, c.remote.version());
      relative =
          accessChecks.computeIfAbsent(
              key, k -> accessValidator.validate(k.access, PLACEHOLDER, k.version));
      lastAccess = c.access;
      lastAccessVersion = c.remote.version();
      lastAccessProblems = relative;
    }
    if (relative.isEmpty()) {
      return relative;
    }
    List<Problem> out = new ArrayList<>(relative.size());
    for (Problem p : relative) {
      String path = p.path().startsWith(PLACEHOLDER)
          ? c.path() + ".access" + p.path().substring(PLACEHOLDER.length())
          : p.path();
      out.add(new Problem(p.code(), path, p.message()));
    }
    return out;
  }

  private static final String PLACEHOLDER = "links[*].access";

  /** The last access checked (by identity), for links that share one value. */
  private CrossClusterAccess lastAccess;

  private EsVersion lastAccessVersion;
  private List<Problem> lastAccessProblems = List.of();

  /** A distinct access document for a remote version. */
  private static final class AccessKey {
    final CrossClusterAccess access;
    final EsVersion version;
    final int hash;

    AccessKey(CrossClusterAccess access, EsVersion version) {
      this.access = access;
      this.version = version;
      this.hash = access.hashCode() * 31 + version.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AccessKey
          && ((AccessKey) o).hash == hash
          && ((AccessKey) o).version.equals(version)
          && ((AccessKey) o).access.equals(access);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
