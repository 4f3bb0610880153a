package io.github.remoteclusters.security.apikey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /_security/cross_cluster/api_key}, after validation.
 *
 * @param name the key name
 * @param access what the key grants
 * @param expiration the expiration as an Elasticsearch time value such as {@code 30d}, or {@code null} for never
 * @param metadata arbitrary metadata (JSON values as Jackson maps, lists and scalars)
 * @param certificateIdentity the 9.3+ certificate identity DN pattern, or {@code null}
 * @since 0.1.0
 */
public record CreateCrossClusterApiKeyRequest(
    String name,
    CrossClusterAccess access,
    String expiration,
    Map<String, Object> metadata,
    String certificateIdentity) {

  /** Checks the components and copies the metadata. */
  public CreateCrossClusterApiKeyRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    metadata = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
  }

  /**
   * The expiration, if any.
   *
   * @return the time value text
   */
  public Optional<String> expirationValue() {
    return Optional.ofNullable(expiration);
  }

  /**
   * The request as the JSON body to send.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    return io.github.remoteclusters.security.internal.Json.request(this);
  }
}
