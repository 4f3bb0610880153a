package io.github.remoteclusters.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.IssuedCertificate;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on 127.0.0.1 that holds a certificate issued by a CA the client trusts (for
 * example the CA of the test clusters) for names of the test's choosing, and records every request
 * that reaches it, with its {@code Authorization} header. It answers like a 9.5 node's {@code GET
 * /}. Tests use it to prove that a client refuses a server whose certificate names another host
 * before sending anything: what an attacker holding any certificate of the same CA would see.
 *
 * @since 0.1.0
 */
public final class ImpostorServer implements AutoCloseable {

  /**
   * One request that reached the server.
   *
   * @param method the HTTP method
   * @param path the path
   * @param authorization the {@code Authorization} header, or null
   * @since 0.1.0
   */
  public record Received(String method, String path, String authorization) {

    /** {@return the request line, with whether an Authorization header came (never its value)} */
    @Override
    public String toString() {
      return method + " " + path + (authorization == null ? "" : " [with Authorization]");
    }
  }

  private final HttpsServer server;
  private final IssuedCertificate certificate;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private ImpostorServer(HttpsServer server, IssuedCertificate certificate) {
    this.server = server;
    this.certificate = certificate;
  }

  /**
   * Starts a server on an ephemeral port of 127.0.0.1.
   *
   * @param ca the CA that signs its certificate
   * @param request the names of its certificate (usually ones that are not 127.0.0.1)
   * @return the running server
   * @throws IOException when it cannot listen
   * @since 0.1.0
   */
  public static ImpostorServer start(CertificateAuthority ca, NodeCertificateRequest request)
      throws IOException {
    IssuedCertificate certificate = Certificates.issue(ca, request);
    SSLContext context;
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      char[] password = "impostor".toCharArray();
      keys.setKeyEntry("impostor", certificate.privateKey(), password,
          certificate.chain().toArray(new Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the impostor's TLS context: " + e.getMessage(), e);
    }
    HttpsServer server = HttpsServer.create(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    ImpostorServer impostor = new ImpostorServer(server, certificate);
    server.createContext("/", impostor::handle);
    server.start();
    return impostor;
  }

  private void handle(HttpExchange x) throws IOException {
    received.add(new Received(x.getRequestMethod(), x.getRequestURI().getPath(),
        x.getRequestHeaders().getFirst("Authorization")));
    x.getRequestBody().readAllBytes();
    byte[] body = ("{\"name\":\"impostor\",\"cluster_name\":\"impostor\",\"cluster_uuid\":\"x\","
        + "\"version\":{\"number\":\"9.5.3\",\"build_flavor\":\"default\","
        + "\"build_type\":\"tar\",\"build_hash\":\"h\",\"build_date\":\"2026-01-01T00:00:00Z\","
        + "\"build_snapshot\":false,\"lucene_version\":\"10\","
        + "\"minimum_wire_compatibility_version\":\"8.19.0\","
        + "\"minimum_index_compatibility_version\":\"8.0.0\"},"
        + "\"tagline\":\"You Know, for Search\"}").getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * {@return the base URL, {@code https://127.0.0.1:PORT}}
   *
   * @since 0.1.0
   */
  public URI uri() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * {@return the server's leaf certificate}
   *
   * @since 0.1.0
   */
  public X509Certificate certificate() {
    return certificate.leaf();
  }

  /**
   * {@return every request that reached the server so far, oldest first}
   *
   * @since 0.1.0
   */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
  }
}
