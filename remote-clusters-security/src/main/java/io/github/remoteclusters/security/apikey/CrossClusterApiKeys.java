package io.github.remoteclusters.security.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.SecurityInputException;
import io.github.remoteclusters.security.internal.ApiKeyRequestParser;
import io.github.remoteclusters.security.internal.Json;
import java.util.Objects;

/**
 * Parses and validates the body of {@code POST /_security/cross_cluster/api_key} the way
 * Elasticsearch does, with Elasticsearch's messages, for a remote cluster of a given version.
 *
 * <p>{@link #check(String, EsVersion)} reports every problem as a value; {@link #parse(String,
 * EsVersion)} returns the request or throws {@link SecurityInputException} with the first problem.
 * Text that is not JSON always throws {@link SecurityInputException}; nothing else is thrown for
 * any input.
 *
 * @since 0.1.0
 */
public final class CrossClusterApiKeys {

  /** The newest version whose rules this module knows; used when the remote's version is unknown. */
  public static final EsVersion NEWEST_KNOWN = EsVersion.of(9, 3);

  private CrossClusterApiKeys() {}

  /**
   * Checks a request body.
   *
   * @param json the body
   * @param remoteVersion the version of the remote cluster that will create the key
   * @return problems, warnings and, when valid, the parsed request
   * @throws SecurityInputException if the text is not well-formed JSON
   */
  public static ApiKeyCheck check(String json, EsVersion remoteVersion) {
    Objects.requireNonNull(remoteVersion, "remoteVersion");
    JsonNode root = Json.read("request body", json);
    return ApiKeyRequestParser.checkRequest(root, remoteVersion);
  }

  /**
   * Parses a valid request body.
   *
   * @param json the body
   * @param remoteVersion the version of the remote cluster that will create the key
   * @return the request
   * @throws SecurityInputException if the text is not JSON or Elasticsearch would reject it; the
   *     message is the first problem
   */
  public static CreateCrossClusterApiKeyRequest parse(String json, EsVersion remoteVersion) {
    ApiKeyCheck check = check(json, remoteVersion);
    if (!check.valid()) {
      ApiKeyProblem first = check.problems().get(0);
      throw new SecurityInputException(first.path().isEmpty() ? "request body" : first.path(), first.message());
    }
    return check.request();
  }

  /**
   * Parses a valid {@code access} object alone, for example from an ECK {@code apiKey.access}.
   *
   * @param json the access object
   * @param remoteVersion the version of the remote cluster
   * @return the access
   * @throws SecurityInputException if the text is not JSON or Elasticsearch would reject it
   */
  public static CrossClusterAccess parseAccess(String json, EsVersion remoteVersion) {
    Objects.requireNonNull(remoteVersion, "remoteVersion");
    ApiKeyRequestParser.AccessResult result =
        ApiKeyRequestParser.checkAccess(Json.read("access", json), remoteVersion);
    if (!result.problems().isEmpty()) {
      ApiKeyProblem first = result.problems().get(0);
      throw new SecurityInputException(first.path(), first.message());
    }
    return result.access();
  }
}
