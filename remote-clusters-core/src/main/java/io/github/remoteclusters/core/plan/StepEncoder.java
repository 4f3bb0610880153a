package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.core.internal.StepTrees;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link StepPayload} into what is sent: its Elasticsearch request (method, path, body) or
 * its patch of an ECK resource's {@code spec}, as JSON text. The one place where a request of the
 * plan is written; plan output (JSON, text, curl) and the applier both use it, as
 * elasticsearch-java's {@code Endpoint} links a typed request to its method, path and body.
 *
 * @since 0.1.0
 */
public final class StepEncoder {

  private StepEncoder() {}

  /**
   * Whether a payload is done by an Elasticsearch request, without encoding it.
   *
   * @param payload the payload
   * @return true when {@link #request} gives a request
   */
  public static boolean hasRequest(StepPayload payload) {
    return StepTrees.hasRequest(payload);
  }

  /**
   * Whether ECK does a payload through a patch of an {@code Elasticsearch} resource, without
   * encoding it.
   *
   * @param payload the payload
   * @return true when {@link #specPatch} gives a patch
   */
  public static boolean hasSpecPatch(StepPayload payload) {
    return StepTrees.hasSpecPatch(payload);
  }

  /**
   * The Elasticsearch request of a payload.
   *
   * @param payload the payload
   * @return the request, its body as compact JSON, or empty when the payload is not done by one
   */
  public static Optional<HttpRequest> request(StepPayload payload) {
    return StepTrees.request(payload).map(StepTrees.Request::http);
  }

  /**
   * The patch of an ECK {@code Elasticsearch} resource's {@code spec} that does a payload.
   *
   * <p>Entries of {@code remoteClusters} are merged by their {@code name}; an entry {@code
   * {"name": "a", "$patch": "delete"}} removes entry {@code a}.
   *
   * @param payload the payload
   * @return the patch as compact JSON, or empty when ECK does not do the payload
   */
  public static Optional<String> specPatch(StepPayload payload) {
    return StepTrees.specPatch(payload).map(Json::compact);
  }

  /**
   * The {@code cluster.remote.<alias>} object of a settings payload: every key of the alias, set or
   * null, in a fixed order; the part of the request body an executor that writes settings another
   * way (such as ECK's {@code spec.nodeSets[].config}) needs.
   *
   * @param payload the payload
   * @return the object as compact JSON
   */
  public static String remoteSettings(StepPayload.PutRemoteSettings payload) {
    return Json.compact(StepTrees.aliasSettings(Objects.requireNonNull(payload, "payload")));
  }

  /**
   * The {@code spec.remoteClusters} entry ECK is given for a link.
   *
   * @param payload the declaration
   * @return the entry as compact JSON
   */
  public static String eckRemoteCluster(StepPayload.DeclareEckRemoteCluster payload) {
    return Json.compact(StepTrees.eckEntry(Objects.requireNonNull(payload, "payload")));
  }
}
