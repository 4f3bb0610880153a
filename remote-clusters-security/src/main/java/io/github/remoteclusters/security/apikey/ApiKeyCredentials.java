package io.github.remoteclusters.security.apikey;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.remoteclusters.security.SecurityInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * The credentials of a cross-cluster API key: the {@code encoded} value of the create response,
 * {@code base64(id:api_key)}, which the local cluster keeps in its keystore as {@code
 * cluster.remote.<alias>.credentials}.
 *
 * <p>The secret never shows: {@link #toString()} and Jackson serialisation give only the id and
 * {@code ::es_redacted::}, exception messages never contain it, and {@link #equals(Object)}
 * compares in constant time. Only {@link #revealEncoded()} and {@link #revealApiKey()} return it.
 *
 * @since 0.1.0
 */
public final class ApiKeyCredentials {

  /** What Elasticsearch shows instead of a secret, for example in {@code _remote/info}. */
  public static final String REDACTED = "::es_redacted::";

  private final String id;
  private final byte[] encoded;

  private ApiKeyCredentials(String id, byte[] encoded) {
    this.id = id;
    this.encoded = encoded;
  }

  /**
   * Credentials from an API key's id and secret.
   *
   * @param id the key id
   * @param apiKey the secret {@code api_key} value
   * @return the credentials
   * @throws SecurityInputException if the id is empty or contains {@code :}, or the key is empty
   */
  public static ApiKeyCredentials of(String id, String apiKey) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(apiKey, "apiKey");
    if (id.isEmpty() || id.indexOf(':') >= 0) {
      throw new SecurityInputException("id", "an API key id must be non-empty and must not contain ':'");
    }
    if (apiKey.isEmpty()) {
      throw new SecurityInputException("api_key", "the API key secret must not be empty");
    }
    byte[] raw = (id + ":" + apiKey).getBytes(StandardCharsets.UTF_8);
    return new ApiKeyCredentials(id, Base64.getEncoder().encode(raw));
  }

  /**
   * Credentials from the {@code encoded} value.
   *
   * @param encoded {@code base64(id:api_key)}
   * @return the credentials
   * @throws SecurityInputException if the value is not base64 of {@code id:api_key}; the message
   *     does not repeat the value
   */
  public static ApiKeyCredentials fromEncoded(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    String trimmed = encoded.strip();
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SecurityInputException("encoded", "expected base64 of id:api_key but the value is not base64"
          + " (value not shown)");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      throw new SecurityInputException("encoded", "expected base64 of id:api_key but the decoded value has no"
          + " id and key separated by ':' (value not shown)");
    }
    return new ApiKeyCredentials(decoded.substring(0, colon), trimmed.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The key id; not secret (Elasticsearch shows it in key listings and errors).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Reveals the {@code encoded} value, for the keystore entry.
   *
   * @return {@code base64(id:api_key)}
   */
  public String revealEncoded() {
    return new String(encoded, StandardCharsets.US_ASCII);
  }

  /**
   * Reveals the secret {@code api_key} part.
   *
   * @return the secret
   */
  public String revealApiKey() {
    String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    return decoded.substring(decoded.indexOf(':') + 1);
  }

  /**
   * The keystore setting that holds these credentials for an alias.
   *
   * @param alias the remote cluster alias
   * @return {@code cluster.remote.<alias>.credentials}
   */
  public static String keystoreSetting(String alias) {
    return "cluster.remote." + Objects.requireNonNull(alias, "alias") + ".credentials";
  }

  /**
   * A form safe to log and to serialise.
   *
   * @return {@code ApiKeyCredentials[id=<id>, encoded=::es_redacted::]}
   */
  @JsonValue
  @Override
  public String toString() {
    return "ApiKeyCredentials[id=" + id + ", encoded=" + REDACTED + "]";
  }

  /**
   * Compares the encoded values in constant time.
   *
   * @param other another object
   * @return {@code true} for credentials with the same encoded value
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKeyCredentials
        && MessageDigest.isEqual(encoded, ((ApiKeyCredentials) other).encoded);
  }

  /**
   * A hash of the id only, so the hash code reveals nothing about the secret.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
