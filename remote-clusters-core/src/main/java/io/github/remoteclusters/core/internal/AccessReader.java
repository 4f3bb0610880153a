package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.ApiKeyProblemCode;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.CrossClusterApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code access} of a cross-cluster API key between its JSON and the security module's {@link
 * CrossClusterAccess}: parsed with the security module's rules (Elasticsearch's parser and
 * messages), and written back as the JSON Elasticsearch takes. Not API.
 */
public final class AccessReader {

  private static final EsVersion FIRST_API_KEY_VERSION = EsVersion.of(8, 10);

  private AccessReader() {}

  /**
   * An access document read: the value, or the problems that kept it from being one.
   *
   * @param access the value, or null when there are problems
   * @param problems errors, with paths relative to the link ({@code access.search[0].names})
   */
  public record Parsed(CrossClusterAccess access, List<Problem> problems) {}

  /**
   * Parses an access document the way the remote cluster would. Only the document's own rules
   * count here (the version rules of the key API are the planner's): a remote older than 8.10 is
   * read with 8.10's rules.
   *
   * @param document the {@code access} object
   * @param remoteVersion the remote's version, or null when unknown (the newest rules are used)
   * @return the value or the problems
   */
  public static Parsed parse(JsonNode document, EsVersion remoteVersion) {
    EsVersion version = remoteVersion == null ? CrossClusterApiKeys.NEWEST_KNOWN
        : remoteVersion.isAtLeast(8, 10) ? remoteVersion : FIRST_API_KEY_VERSION;
    ObjectNode body = Json.object();
    body.put("name", "remote-clusters-access-check");
    body.set("access", document);
    ApiKeyCheck check = CrossClusterApiKeys.check(Json.compact(body), version);
    List<Problem> problems = new ArrayList<>();
    for (var p : check.problems()) {
      if (p.code() != ApiKeyProblemCode.UNSUPPORTED_VERSION) {
        problems.add(new Problem(ProblemCode.ACCESS_INVALID, p.path().isEmpty() ? "access" : p.path(), p.message()));
      }
    }
    if (!problems.isEmpty() || check.request() == null) {
      return new Parsed(null, List.copyOf(problems));
    }
    return new Parsed(check.request().access(), List.of());
  }

  /**
   * The JSON of an access value, as Elasticsearch takes it.
   *
   * @param access the value
   * @return a new object node
   */
  public static ObjectNode json(CrossClusterAccess access) {
    try {
      return (ObjectNode) Json.JSON.readTree(access.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("the security module wrote access JSON that does not parse", e);
    }
  }
}
