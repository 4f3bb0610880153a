package io.github.remoteclusters.elasticsearch.spi;

import io.github.remoteclusters.core.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how to reach one cluster's REST API.
 *
 * @param url the base URL, such as {@code https://es.example.com:9200}
 * @param authorization the value of the {@code Authorization} header ({@code ApiKey ...}, {@code
 *     Basic ...}, {@code Bearer ...}), or null for none
 * @param sslContext the TLS context for an {@code https} URL, or null for the JVM default
 * @since 0.1.0
 */
public record ClusterEndpoint(URI url, String authorization, SSLContext sslContext) {

  /** Checks that the URL is absolute HTTP(S) with a host and a port in range, if any. */
  public ClusterEndpoint {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw invalid(url.toString(), "expected http://HOST:PORT or https://HOST:PORT");
    }
    if (url.getHost() == null) {
      throw invalid(url.toString(), "expected http://HOST:PORT or https://HOST:PORT");
    }
    if (url.getPort() > 65535) {
      throw invalid(url.toString(), "port out of range:" + url.getPort());
    }
  }

  private static IllegalArgumentException invalid(String url, String reason) {
    return new IllegalArgumentException(
        "cluster URL [" + Redaction.url(url) + "] is invalid: " + reason);
  }

  /**
   * An endpoint without authentication.
   *
   * @param url the base URL
   * @return the endpoint
   * @throws IllegalArgumentException when the URL is not an absolute HTTP(S) URL; the message
   *     never repeats credentials the URL holds
   */
  public static ClusterEndpoint of(String url) {
    Objects.requireNonNull(url, "url");
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      // the reason only: URISyntaxException's message repeats the input, password and all
      throw invalid(url, e.getReason() + (e.getIndex() < 0 ? "" : " at index " + e.getIndex()));
    }
    return new ClusterEndpoint(parsed, null, null);
  }

  /**
   * An endpoint from a URL that may carry {@code user:password@}, which becomes HTTP basic
   * authentication and is removed from the URL.
   *
   * @param url the URL
   * @return the endpoint
   * @throws IllegalArgumentException when the URL is not an absolute HTTP(S) URL
   */
  public static ClusterEndpoint fromUrl(String url) {
    ClusterEndpoint plain = of(url);
    String userInfo = plain.url().getUserInfo();
    if (userInfo == null) {
      return plain;
    }
    URI u = plain.url();
    URI stripped;
    try {
      stripped = new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null);
    } catch (URISyntaxException e) {
      throw invalid(url, e.getReason());
    }
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String password = colon < 0 ? "" : userInfo.substring(colon + 1);
    return new ClusterEndpoint(stripped, null, null).withBasicAuth(user, password);
  }

  /**
   * This endpoint with HTTP basic authentication.
   *
   * @param user the user name
   * @param password the password
   * @return the new endpoint
   */
  public ClusterEndpoint withBasicAuth(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ClusterEndpoint(url, "Basic " + token, sslContext);
  }

  /**
   * This endpoint authenticating with an encoded (REST) API key.
   *
   * @param encodedApiKey the {@code encoded} value Elasticsearch returned
   * @return the new endpoint
   */
  public ClusterEndpoint withApiKey(String encodedApiKey) {
    Objects.requireNonNull(encodedApiKey, "encodedApiKey");
    return new ClusterEndpoint(url, "ApiKey " + encodedApiKey, sslContext);
  }

  /**
   * This endpoint with a TLS context.
   *
   * @param context the context
   * @return the new endpoint
   */
  public ClusterEndpoint withSslContext(SSLContext context) {
    return new ClusterEndpoint(url, authorization, context);
  }

  /** {@return the endpoint with only scheme, host and port of its URL, and no credentials} */
  @Override
  public String toString() {
    return "ClusterEndpoint[url="
        + Redaction.url(url.toString())
        + (authorization == null ? "" : ", authorization=::redacted::")
        + (sslContext == null ? "" : ", sslContext=" + sslContext.getProtocol())
        + "]";
  }
}
