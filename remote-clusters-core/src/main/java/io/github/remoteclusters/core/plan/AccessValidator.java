package io.github.remoteclusters.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import java.util.List;

/**
 * Checks the {@code access} document of a cross-cluster API key before the planner uses it; the
 * seam where the security module's full validator plugs in.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessValidator {

  /**
   * Checks an access document.
   *
   * @param access the access body as the user wrote it
   * @param path the path of the document, such as {@code links[0].access}, to prefix problem paths
   * @param remoteVersion the version of the cluster that will create the key
   * @return the problems, empty when the document is fine
   */
  List<Problem> validate(ObjectNode access, String path, EsVersion remoteVersion);
}
