package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.util.List;

/**
 * Checks the {@code access} of a cross-cluster API key against the remote's version before the
 * planner uses it; the seam where the security module's full validator plugs in. The topology
 * reader has already parsed the document into a {@link CrossClusterAccess}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessValidator {

  /**
   * Checks an access.
   *
   * @param access the access
   * @param path the path of the document, such as {@code links[0].access}, to prefix problem paths
   * @param remoteVersion the version of the cluster that will create the key
   * @return the problems, empty when the document is fine
   */
  List<Problem> validate(CrossClusterAccess access, String path, EsVersion remoteVersion);
}
