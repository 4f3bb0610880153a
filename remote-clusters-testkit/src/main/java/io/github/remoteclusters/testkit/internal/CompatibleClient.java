package io.github.remoteclusters.testkit.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
    int major = majorVersion(uri);
    if (major >= 9) {
      return ElasticsearchClient.of(c -> c.host(uri));
    }
    return ElasticsearchClient.of(
        c ->
            c.host(uri)
                .transportOptions(
                    o ->
                        o.setHeader("Accept", COMPATIBLE_WITH_8)
                            .setHeader("Content-Type", COMPATIBLE_WITH_8)));
  }

  /**
   * The server's major version, from {@code GET /}.
   *
   * @param uri the server's HTTP address
   * @return the major version, such as 8
   * @throws IOException when the request fails or the answer names no version
   */
  static int majorVersion(URI uri) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri.resolve("/")).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + uri + " for its version", e);
    }
    int major = response.statusCode() == 200 ? majorVersionOf(response.body()) : -1;
    if (major < 0) {
      throw new IOException(
          "GET "
              + uri
              + "/ gave "
              + response.statusCode()
              + " without a version: "
              + response.body());
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
