package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.elasticsearch.watch.CertificateExpiry;
import io.github.remoteclusters.elasticsearch.watch.LinkEvent;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcherBuilder;
import io.github.remoteclusters.elasticsearch.watch.ProbeResult;
import io.github.remoteclusters.elasticsearch.watch.WatchListener;
import io.github.remoteclusters.elasticsearch.watch.micrometer.LinkWatcherMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code watch FILE}: watches every link of a topology file until SIGINT or SIGTERM, printing each
 * change, serving Prometheus metrics, and rotating keys before they expire. Exit 0 when stopped by
 * a signal, 2 on invalid input.
 *
 * @since 0.1.0
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Watches every link of a topology file at an interval: its state and diagnosis, the"
          + " expiry of its cross-cluster API key and of the certificates it relies on. Prints"
          + " every change on standard output (one JSON object per line with --json); progress"
          + " and errors go to standard error.",
      "Credentials come from ES_<NAME>_API_KEY, or ES_<NAME>_USER and ES_<NAME>_PASSWORD, as for"
          + " apply and status.",
      "Runs until SIGINT or SIGTERM, then exits 0; 2 on invalid input."
    })
public final class WatchCommand implements Callable<Integer> {

  /** The content type of Prometheus text format 0.0.4. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Spec private CommandSpec spec;

  @Mixin private TopologyOptions topo = new TopologyOptions();

  @Mixin private CredentialsOptions creds = new CredentialsOptions();

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "The pause between two rounds of probes, such as 10s or 1m (default 30s).")
  private Duration interval = LinkWatcherBuilder.DEFAULT_INTERVAL;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Serve the metrics in Prometheus text format at http://HOST:PORT/metrics;"
          + " 0 picks a free port (printed on standard error).")
  private Integer metricsPort;

  @Option(
      names = "--metrics-host",
      paramLabel = "HOST",
      description = "The address the metrics are served on (default 127.0.0.1).")
  private String metricsHost = "127.0.0.1";

  @Option(
      names = "--rotate-before",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Rotate a cross-cluster API key that expires within this window, such as 7d"
          + " (needs --credentials-command); default: never rotate, only report.")
  private Duration rotateBefore;

  /** Creates the command; picocli fills the fields. */
  public WatchCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!creds.valid(err)) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      err.println("error: --metrics-port [" + metricsPort + "] must be between 0 and 65535");
      return RemoteClustersCli.INVALID_INPUT;
    }
    if (rotateBefore != null && creds.credentialsCommand == null) {
      err.println("error: --rotate-before needs --credentials-command, to store the new keys");
      return RemoteClustersCli.INVALID_INPUT;
    }
    Topology topology = ApplyCommand.readTopology(topo.file, topo.json, out, err);
    if (topology == null) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    ClusterAccess access = TopologyOptions.access(topology, err);
    if (access == null) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    ReconcilerConfig config = Reconciler.builder()
        .access(access)
        .credentials(creds.writer())
        .ownership(OwnershipStore.jsonFile(topo.ownershipFile(), topo.topologyId()))
        .requestTimeout(topo.requestTimeout)
        .config();
    LinkWatcher watcher = LinkWatcher.builder(topology, config)
        .interval(interval)
        .rotateBefore(rotateBefore)
        .listener(new Printer(out, err, topo.json))
        .build();
    HttpServer server = null;
    if (metricsPort != null) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new LinkWatcherMetrics(watcher).bindTo(registry);
      try {
        server = serve(registry, metricsHost, metricsPort);
      } catch (IOException | UncheckedIOException e) {
        err.println("error: cannot serve metrics on [" + metricsHost + ":" + metricsPort + "]: "
            + e.getMessage());
        watcher.close();
        return RemoteClustersCli.INVALID_INPUT;
      }
      err.println("serving metrics at http://" + metricsHost + ":"
          + server.getAddress().getPort() + "/metrics");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    HttpServer metrics = server;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err.println("stopping");
      watcher.close();
      if (metrics != null) {
        metrics.stop(0);
      }
      out.flush();
      err.flush();
      stopped.countDown();
      // a signal is how this command ends: exit 0, not 128 + the signal
      Runtime.getRuntime().halt(RemoteClustersCli.OK);
    }, "remote-clusters-watch-stop"));
    err.println("watching " + topology.links().size() + " link(s) every " + interval.toMillis()
        + "ms; stop with Ctrl-C or SIGTERM");
    watcher.start();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watcher.close();
    }
    return RemoteClustersCli.OK;
  }

  /** Serves {@code GET /metrics} with the JDK's HTTP server. */
  static HttpServer serve(PrometheusMeterRegistry registry, String host, int port)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/metrics", exchange -> {
      try (exchange) {
        if (!"GET".equals(exchange.getRequestMethod())
            && !"HEAD".equals(exchange.getRequestMethod())) {
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", PROMETHEUS_TEXT);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        }
      }
    });
    server.setExecutor(null);
    server.start();
    return server;
  }

  /**
   * Prints changes on standard output, and on standard error when the probes of a cluster start
   * to fail, fail differently, or succeed again.
   */
  static final class Printer implements WatchListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Printer(PrintWriter out, PrintWriter err, boolean json) {
      this.out = out;
      this.err = err;
      this.json = json;
    }

    @Override
    public void onChange(LinkEvent e) {
      if (json) {
        try {
          out.println(Json.MAPPER.writeValueAsString(toJson(e)));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      } else {
        out.println(text(e));
      }
      out.flush();
    }

    /** The last error of each cluster's probes: a failure is printed when it starts or changes. */
    private final java.util.Map<String, String> failing = new java.util.HashMap<>();

    @Override
    public void onProbe(ProbeResult result) {
      String before = result.failed()
          ? failing.put(result.cluster(), result.error())
          : failing.remove(result.cluster());
      if (result.failed() && !result.error().equals(before)) {
        err.println("probe of [" + result.cluster() + "] failed: " + result.error());
      } else if (!result.failed() && before != null) {
        err.println("probe of [" + result.cluster() + "] succeeds again");
      }
      err.flush();
    }
  }

  /** One line of text for a change. */
  static String text(LinkEvent e) {
    LinkView v = e.link();
    StringBuilder b = new StringBuilder(e.time() + " " + v.local() + "/" + v.alias() + ": "
        + v.state().id());
    if (v.diagnosis() != null) {
      b.append(" ").append(v.diagnosis().code().id()).append(": ").append(v.diagnosis().message());
    }
    if (v.keyExpiry() != null) {
      b.append("; key expires ").append(v.keyExpiry());
    }
    if (!v.certificates().isEmpty()) {
      CertificateExpiry first = v.certificates().get(0);
      b.append("; first certificate to expire: ").append(first.subject()).append(" at ")
          .append(first.notAfter());
    }
    if (e.rotation() != null) {
      b.append("; ").append(e.rotation().message());
    }
    return b.toString();
  }

  /**
   * The JSON form of a change: {@code time}, {@code local}, {@code alias}, {@code remote}, {@code
   * state}, {@code diagnosis} ({@code {code, message}} or null), {@code supported}, {@code
   * keyExpiry}, {@code certificates}, {@code rotation} ({@code rotated}, {@code oldKeysInvalidated}, {@code expiredAt}, {@code
   * message}), {@code previousState}.
   *
   * @param e the change
   * @return the JSON object
   */
  static ObjectNode toJson(LinkEvent e) {
    LinkView v = e.link();
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("time", e.time().toString());
    n.put("local", v.local());
    n.put("alias", v.alias());
    n.put("remote", v.remote());
    n.put("state", v.state().id());
    n.put("connected", v.connected());
    if (v.diagnosis() == null) {
      n.putNull("diagnosis");
    } else {
      ObjectNode d = n.putObject("diagnosis");
      d.put("code", v.diagnosis().code().id());
      d.put("message", v.diagnosis().message());
    }
    if (v.supported() == null) {
      n.putNull("supported");
    } else {
      n.put("supported", v.supported());
    }
    putInstant(n, "keyExpiry", v.keyExpiry());
    ArrayNode certs = n.putArray("certificates");
    for (CertificateExpiry c : v.certificates()) {
      ObjectNode o = certs.addObject();
      o.put("subject", c.subject());
      o.put("notAfter", c.notAfter().toString());
      o.put("source", c.source().id());
      o.put("where", c.where());
    }
    if (e.rotation() == null) {
      n.putNull("rotation");
    } else {
      ObjectNode r = n.putObject("rotation");
      r.put("rotated", e.rotation().rotated());
      r.put("oldKeysInvalidated", e.rotation().oldKeysInvalidated());
      r.put("expiredAt", e.rotation().expiredAt().toString());
      r.put("message", e.rotation().message());
    }
    if (e.previous() == null) {
      n.putNull("previousState");
    } else {
      n.put("previousState", e.previous().state().id());
    }
    return n;
  }

  private static void putInstant(ObjectNode n, String field, Instant value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value.toString());
    }
  }
}
