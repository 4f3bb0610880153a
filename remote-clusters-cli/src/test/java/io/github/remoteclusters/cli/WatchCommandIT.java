package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} as a separate process on real secured 9.5 nodes (an API-key link): {@code
 * /metrics} shows the link up, {@code --json} prints one object per line for the first sight of
 * the link, and SIGTERM ends the process with exit 0 within 5 seconds.
 */
class WatchCommandIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster local;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster remote;

  @TempDir Path dir;

  static final String ALIAS = "wc_link";

  private Path topology() throws IOException {
    String yaml = "clusters:\n"
        + cluster(local, false)
        + cluster(remote, true)
        + "links:\n"
        + "  - local: " + local.name() + "\n    remote: " + remote.name() + "\n"
        + "    alias: " + ALIAS + "\n    security: api-key\n    mode: proxy\n"
        + "    access: {search: [{names: [\"wc_index\"]}]}\n";
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String cluster(TestCluster c, boolean server) {
    return "  - name: " + c.name() + "\n    version: \"" + c.version() + "\"\n"
        + "    deployment: self-managed\n"
        + "    url: \"" + c.httpUri() + "\"\n"
        + "    caFile: \"" + c.tls().caFile() + "\"\n"
        + "    transportAddress: \"" + c.transportAddress() + "\"\n"
        + (server ? "    remoteClusterAddress: \"" + c.remoteClusterServerAddress() + "\"\n"
            + "    remoteClusterServer: true\n" : "")
        + "    license: trial\n";
  }

  private static ClusterEndpoint endpoint(TestCluster c) {
    return ClusterEndpoint.of(c.httpUri().toString())
        .withBasicAuth(c.superuser().username(), c.superuser().password())
        .withSslContext(c.sslContext());
  }

  private static String env(TestCluster c) {
    return "ES_" + c.name().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Test
  void metricsShowTheLinkUpJsonLinesAndSigtermExitsZero() throws Exception {
    Path file = topology();
    Topology t = TopologyReader.read(file).orElseThrow();
    CredentialWriter keystore = new CredentialWriter() {
      @Override
      public void store(Cluster c, String alias, String encodedApiKey) {
        local.keystore().put("cluster.remote." + alias + ".credentials", encodedApiKey);
      }

      @Override
      public void remove(Cluster c, String alias) {
        local.keystore().remove("cluster.remote." + alias + ".credentials");
      }
    };
    ClusterAccess access = ClusterAccess.of(
        Map.of(local.name(), endpoint(local), remote.name(), endpoint(remote)));
    try (Reconciler r = Reconciler.builder().access(access).credentials(keystore)
        .verifyTimeout(Duration.ofSeconds(60)).build()) {
      ApplyReport report = r.apply(t);
      assertThat(report.succeeded()).as(report.toString()).isTrue();
    }
    Process p = null;
    try {
      ProcessBuilder pb = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          RemoteClustersCli.class.getName(),
          "watch", file.toString(), "--interval", "1s", "--request-timeout", "15s",
          "--metrics-port", "0", "--json");
      for (TestCluster c : List.of(local, remote)) {
        pb.environment().put(env(c) + "_USER", c.superuser().username());
        pb.environment().put(env(c) + "_PASSWORD", c.superuser().password());
      }
      p = pb.start();
      BlockingQueue<String> out = lines(p.getInputStream());
      BlockingQueue<String> err = lines(p.getErrorStream());
      StringBuilder errText = new StringBuilder();
      int port = -1;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      Pattern serving = Pattern.compile("serving metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");
      while (port < 0 && System.nanoTime() < deadline) {
        String line = err.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          errText.append(line).append('\n');
          Matcher m = serving.matcher(line);
          if (m.find()) {
            port = Integer.parseInt(m.group(1));
          }
        }
      }
      assertThat(port).as(errText.toString()).isPositive();
      // the first line is the first sight of the link; on a loaded machine a first probe may
      // pass its deadline (state unknown), then a later line says connected
      JsonNode event = null;
      List<String> seen = new java.util.ArrayList<>();
      while (System.nanoTime() < deadline + Duration.ofSeconds(60).toNanos()) {
        String line = out.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.add(line);
          event = Json.MAPPER.readTree(line);
          if (event.get("state").asText().equals("connected")) {
            break;
          }
        }
      }
      String drained;
      while ((drained = err.poll()) != null) {
        errText.append(drained).append('\n');
      }
      assertThat(event).as(errText.toString()).isNotNull();
      assertThat(event.get("state").asText()).as(seen + "\n" + errText).isEqualTo("connected");
      assertThat(event.get("local").asText()).isEqualTo(local.name());
      assertThat(event.get("alias").asText()).isEqualTo(ALIAS);
      assertThat(event.get("diagnosis").isNull()).isTrue();
      assertThat(event.get("time").asText()).isNotBlank();
      assertThat(event.get("certificates").size()).isPositive();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> metrics = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/plain");
      assertThat(metrics.body()).contains("remote_clusters_link_up{alias=\"" + ALIAS
          + "\",local=\"" + local.name() + "\"} 1");
      assertThat(metrics.body()).contains("remote_clusters_probe_duration_seconds_count");

      long begin = System.nanoTime();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(5, TimeUnit.SECONDS)).as("exited within 5 s").isTrue();
      System.out.println("PERF watch SIGTERM to exit: "
          + (System.nanoTime() - begin) / 1_000_000 + " ms");
      assertThat(p.exitValue()).isZero();
      String rest;
      while ((rest = err.poll(200, TimeUnit.MILLISECONDS)) != null) {
        errText.append(rest).append('\n');
      }
      assertThat(errText.toString()).doesNotContain(local.superuser().password())
          .doesNotContain("Exception");
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
      local.client().cluster().putSettings(s -> s
          .persistent("cluster.remote." + ALIAS + ".*", JsonData.fromJson("null")));
      local.keystore().remove("cluster.remote." + ALIAS + ".credentials");
      local.keystore().reload();
      var ids = remote.client().security().getApiKey(g -> g
          .name("remote-clusters-" + local.name() + "-" + ALIAS).activeOnly(true))
          .apiKeys().stream().map(k -> k.id()).toList();
      if (!ids.isEmpty()) {
        remote.client().security().invalidateApiKey(i -> i.ids(ids));
      }
    }
  }

  /** The lines of a stream, read on a thread of their own. */
  private static BlockingQueue<String> lines(java.io.InputStream in) {
    BlockingQueue<String> q = new LinkedBlockingQueue<>();
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          q.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "watch-output");
    t.setDaemon(true);
    t.start();
    return q;
  }
}
