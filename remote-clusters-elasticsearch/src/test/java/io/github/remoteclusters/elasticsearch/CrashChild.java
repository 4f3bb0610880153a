package io.github.remoteclusters.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.testkit.internal.NodeSecurity;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link CrashRoundsIT}: reads its clusters (URLs, superuser, CA certificates),
 * ownership file and links as one JSON line on stdin (secrets never on the command line), applies,
 * and is killed with {@code kill -9} somewhere along the way (it prints {@code READY} right before
 * the apply, from which the parent counts its delay). Credentials go to the parent over
 * the pipe ({@code STORE alias base64} / {@code REMOVE alias}, answered {@code OK}), which writes
 * the test nodes' keystores.
 */
final class CrashChild {

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    JsonNode config = new ObjectMapper().readTree(in.readLine());
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<Cluster> clusters = new ArrayList<>();
    Map<String, ClusterEndpoint> endpoints = new LinkedHashMap<>();
    for (JsonNode c : config.get("clusters")) {
      List<X509Certificate> cas = new ArrayList<>();
      for (JsonNode ca : c.get("cas")) {
        cas.add((X509Certificate) cf.generateCertificate(
            new ByteArrayInputStream(Base64.getDecoder().decode(ca.asText()))));
      }
      String name = c.get("name").asText();
      boolean server = c.hasNonNull("server");
      clusters.add(new Cluster(name, EsVersion.parse(c.get("version").asText()),
          Deployment.SELF_MANAGED, null, c.get("url").asText(), c.get("transport").asText(),
          server ? c.get("server").asText() : null, null, server, License.TRIAL));
      endpoints.put(name, ClusterEndpoint.of(c.get("url").asText())
          .withBasicAuth(c.get("user").asText(), c.get("password").asText())
          .withSslContext(NodeSecurity.sslContext(cas)));
    }
    List<Link> links = new ArrayList<>();
    for (JsonNode l : config.get("links")) {
      List<String> names = new ArrayList<>();
      l.get("indices").forEach(n -> names.add(n.asText()));
      links.add(Link.of(l.get("local").asText(), l.get("remote").asText(), l.get("alias").asText())
          .withSecurity(SecurityModel.API_KEY).withMode(Mode.PROXY)
          .withAccess(ApiKeyLinkIT.searchAccess(names.toArray(String[]::new))));
    }
    CredentialWriter writer = new CredentialWriter() {
      @Override
      public synchronized void store(Cluster local, String alias, String key) {
        out.println("STORE " + local.name() + " " + alias + " "
            + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        awaitOk();
      }

      @Override
      public synchronized void remove(Cluster local, String alias) {
        out.println("REMOVE " + local.name() + " " + alias);
        awaitOk();
      }

      private void awaitOk() {
        try {
          if (!"OK".equals(in.readLine())) {
            throw new IllegalStateException("the parent did not write the keystore");
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    try (Reconciler r = Reconciler.builder()
        .ownership(OwnershipStore.jsonFile(Path.of(config.get("ownership").asText()), "crash"))
        .access(ClusterAccess.of(endpoints)).credentials(writer)
        .verifyTimeout(Duration.ofSeconds(30)).build()) {
      Topology topology = new Topology(clusters, links);
      out.println("READY"); // the parent counts its delay from here, not from the JVM's start
      ApplyReport report = r.apply(topology);
      out.println("DONE " + report.succeeded());
    }
  }
}
