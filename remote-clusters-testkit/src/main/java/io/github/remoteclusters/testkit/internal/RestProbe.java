package io.github.remoteclusters.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Plain REST calls the kit makes itself (version, readiness, keystore reload), with the JDK HTTP
 * client: they must work before and apart from any elasticsearch-java client.
 */
public final class RestProbe {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern GREEN = Pattern.compile("\"status\"\\s*:\\s*\"green\"");
  private static final Pattern ACTIVE = Pattern.compile("\"status\"\\s*:\\s*\"active\"");

  private final URI base;
  private final String authorization;
  private final HttpClient http;

  /**
   * A probe of one node.
   *
   * @param base the node's HTTP address
   * @param authorization the {@code Authorization} header, or null
   * @param sslContext the TLS context for HTTPS, or null
   */
  public RestProbe(URI base, String authorization, SSLContext sslContext) {
    this.base = base;
    this.authorization = authorization;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (sslContext != null) {
      b.sslContext(sslContext);
    }
    this.http = b.build();
  }

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param body the body
   */
  public record Response(int status, String body) {}

  /**
   * Sends a request and reads the whole answer.
   *
   * @param method the HTTP method
   * @param path the path and query
   * @return the answer
   * @throws IOException when the call fails
   */
  public Response send(String method, String path) throws IOException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(CALL_TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method + " " + base.resolve(path), e);
    }
  }

  /**
   * Waits until a secured node is ready: green health, an active licence, and the security index
   * answering a search for API keys.
   *
   * @param timeout how long to wait
   * @return empty when ready, else what was last seen
   */
  public String awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      try {
        Response health =
            send("GET", "/_cluster/health?wait_for_status=green&timeout=2s");
        if (health.status() != 200 || !GREEN.matcher(health.body()).find()) {
          last = "health " + health.status() + ": " + health.body();
          pause();
          continue;
        }
        Response license = send("GET", "/_license");
        if (license.status() != 200 || !ACTIVE.matcher(license.body()).find()) {
          last = "licence " + license.status() + ": " + license.body();
          pause();
          continue;
        }
        Response keys = send("GET", "/_security/api_key?name=remote-clusters-testkit-probe");
        if (keys.status() != 200) {
          last = "security index " + keys.status() + ": " + keys.body();
          pause();
          continue;
        }
        return "";
      } catch (IOException e) {
        last = String.valueOf(e.getMessage());
        pause();
      }
    }
    return last;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
