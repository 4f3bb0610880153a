package io.github.remoteclusters.testkit.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import co.elastic.clients.transport.ElasticsearchTransportConfig;
import io.github.remoteclusters.testkit.Credentials;
import java.net.URI;
import javax.net.ssl.SSLContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates an {@code elasticsearch-java} client that works against the server it points at, whatever
 * its major version.
 *
 * <p>The 9.x client sends {@code Accept} and {@code Content-Type} with {@code compatible-with=9},
 * which an 8.x server rejects ({@code Accept version must be either version 8 or 7, but found 9}).
 * So this reads the version from {@code GET /} first and, for a server older than 9, sends {@code
 * compatible-with=8} on every request.
 */
public final class CompatibleClient {

  /** The media type an 8.x server accepts from a 9.x client. */
  static final String COMPATIBLE_WITH_8 = "application/vnd.elasticsearch+json; compatible-with=8";

  private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(\\d+)\\.");

  private CompatibleClient() {}

  /**
   * A client for the server at {@code uri}.
   *
   * @param uri the server's HTTP address
   * @return a client that speaks the server's REST compatibility version
   * @throws IOException when {@code GET /} fails or does not name a version
   */
  public static ElasticsearchClient create(URI uri) throws IOException {
    return create(uri, null, null);
  }

  /**
   * A client for the server at {@code uri}, authenticating with a user name and password and
   * trusting a TLS context.
   *
   * @param uri the server's HTTP(S) address
   * @param user the user, or null for none
   * @param sslContext the TLS context, or null for the JVM's
   * @return a client that speaks the server's REST compatibility version
   * @throws IOException when {@code GET /} fails or does not name a version
   */
  public static ElasticsearchClient create(URI uri, Credentials user, SSLContext sslContext)
      throws IOException {
    int major =
        majorVersionOf(
            new RestProbe(uri, user == null ? null : user.basicAuthorization(), sslContext),
            uri);
    return create(uri, user, sslContext, major);
  }

  /**
   * A client for a server whose major version is known, so that nothing is sent yet (the user
   * may even be refused).
   *
   * @param uri the server's HTTP(S) address
   * @param user the user, or null for none
   * @param sslContext the TLS context, or null for the JVM's
   * @param major the server's major version
   * @return a client that speaks the server's REST compatibility version
   */
  public static ElasticsearchClient create(
      URI uri, Credentials user, SSLContext sslContext, int major) {
    if (major >= 9) {
      return ElasticsearchClient.of(c -> configure(c.host(uri), user, sslContext));
    }
    return ElasticsearchClient.of(
        c ->
            configure(c.host(uri), user, sslContext)
                .transportOptions(
                    o ->
                        o.setHeader("Accept", COMPATIBLE_WITH_8)
                            .setHeader("Content-Type", COMPATIBLE_WITH_8)));
  }

  private static ElasticsearchTransportConfig.Builder configure(
      ElasticsearchTransportConfig.Builder builder, Credentials user, SSLContext sslContext) {
    if (user != null) {
      builder.usernameAndPassword(user.username(), user.password());
    }
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    return builder;
  }

  /**
   * The server's major version, from {@code GET /}.
   *
   * @param uri the server's HTTP address
   * @return the major version, such as 8
   * @throws IOException when the request fails or the answer names no version
   */
  static int majorVersion(URI uri) throws IOException {
    return majorVersionOf(new RestProbe(uri, null, null), uri);
  }

  private static int majorVersionOf(RestProbe probe, URI uri) throws IOException {
    RestProbe.Response response = probe.send("GET", "/");
    int major = response.status() == 200 ? majorVersionOf(response.body()) : -1;
    if (major < 0) {
      throw new IOException(
          "GET " + uri + "/ gave " + response.status() + " without a version: " + response.body());
    }
    return major;
  }

  /**
   * The major version in a {@code GET /} answer.
   *
   * @param body the JSON answer
   * @return the major of {@code version.number}, or -1 when there is none
   */
  static int majorVersionOf(String body) {
    Matcher m = NUMBER.matcher(body);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
