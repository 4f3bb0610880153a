package io.github.remoteclusters.benchmarks;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.internal.DefaultLinkWatcher;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One round of a {@link LinkWatcher} over simulated endpoints (the real client, a canned HTTP
 * layer): links {@code i} go from local {@code l<i/10>} to remote {@code r<i%10>}, so 1 link is 2
 * clusters, 10 links 11, 100 links 20, 1,000 links 110. Every link is connected; certificates are
 * read in the warm-up round only, as the watcher does (then hourly). {@link #main} prints the CPU
 * time of a round (all threads of the process) and the heap a watcher of N links retains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LinkWatcherBenchmark {

  /** Links watched. */
  @Param({"1", "10", "100"})
  public int links;

  private LinkWatcher watcher;

  /** Builds the watcher and runs the first round (connections, certificates). */
  @Setup(Level.Trial)
  public void setUp() {
    watcher = watcher(links);
    watcher.probeOnce();
  }

  /** Closes the watcher. */
  @TearDown(Level.Trial)
  public void tearDown() {
    watcher.close();
  }

  /**
   * One round: every cluster probed, every link's view computed and compared.
   *
   * @return the views
   */
  @Benchmark
  public List<LinkView> round() {
    return watcher.probeOnce();
  }

  /** The topology of N links. */
  static Topology topology(int n) {
    EsVersion version = EsVersion.parse("9.5.3");
    int remotes = Math.min(n, 10);
    int locals = (n + 9) / 10;
    List<Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < locals; i++) {
      clusters.add(new Cluster("l" + i, version, Deployment.SELF_MANAGED, null,
          "http://l" + i + ":9200", "127.0.0.1:1", null, null, null, License.ENTERPRISE));
    }
    for (int i = 0; i < remotes; i++) {
      clusters.add(new Cluster("r" + i, version, Deployment.SELF_MANAGED, null,
          "http://r" + i + ":9200", "127.0.0.1:1", "127.0.0.1:1", null, true,
          License.ENTERPRISE));
    }
    CrossClusterAccess access = new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of());
    List<Link> ls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ls.add(Link.builder("l" + (i / 10), "r" + (i % 10), "a" + i)
          .security(SecurityModel.API_KEY).mode(Mode.PROXY).access(access).build());
    }
    return new Topology(clusters, ls);
  }

  /** A watcher of N links over simulated endpoints. */
  static LinkWatcher watcher(int n) {
    Topology t = topology(n);
    Map<String, SimulatedEs> byHost = new TreeMap<>();
    for (Link l : t.links()) {
      byHost.computeIfAbsent(l.local(), h -> new SimulatedEs()).alias(l.alias());
      byHost.computeIfAbsent(l.remote(), h -> new SimulatedEs())
          .key("remote-clusters-" + l.local() + "-" + l.alias());
    }
    EsConnector connector = (endpoint, instrumentation) -> new ElasticsearchTransportBase(
        byHost.get(endpoint.url().getHost()).freeze(), new DefaultTransportOptions(),
        new JacksonJsonpMapper(), instrumentation) {};
    return new DefaultLinkWatcher(t, Reconciler.builder().config(), connector,
        new DefaultLinkWatcher.Settings(Duration.ofSeconds(30), null, Duration.ofHours(1),
            Clock.systemUTC()), List.of());
  }

  /** A canned Elasticsearch 9.5.3: every alias connected, every key expiring in 30 days. */
  static final class SimulatedEs implements TransportHttpClient {
    private final List<String> aliases = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private byte[] info;
    private byte[] remoteInfo;
    private byte[] resolve;
    private byte[] apiKeys;

    SimulatedEs alias(String alias) {
      aliases.add(alias);
      return this;
    }

    SimulatedEs key(String name) {
      keys.add(name);
      return this;
    }

    synchronized SimulatedEs freeze() {
      if (info != null) {
        return this;
      }
      info = bytes("{\"name\":\"n\",\"cluster_name\":\"c\",\"cluster_uuid\":\"u\",\"version\":{"
          + "\"number\":\"9.5.3\",\"build_flavor\":\"default\",\"build_type\":\"tar\","
          + "\"build_hash\":\"h\",\"build_date\":\"2026-01-01T00:00:00Z\",\"build_snapshot\":false,"
          + "\"lucene_version\":\"10\",\"minimum_wire_compatibility_version\":\"8.19.0\","
          + "\"minimum_index_compatibility_version\":\"8.0.0\"},\"tagline\":\"t\"}");
      StringBuilder ri = new StringBuilder("{");
      StringBuilder rc = new StringBuilder("{");
      for (String a : aliases) {
        ri.append(ri.length() > 1 ? "," : "").append('"').append(a).append("\":{"
            + "\"connected\":true,\"mode\":\"proxy\",\"proxy_address\":\"127.0.0.1:1\","
            + "\"server_name\":\"\",\"num_proxy_sockets_connected\":18,"
            + "\"max_proxy_socket_connections\":18,\"initial_connect_timeout\":\"30s\","
            + "\"skip_unavailable\":true,\"cluster_credentials\":\"::es_redacted::\"}");
        rc.append(rc.length() > 1 ? "," : "").append('"').append(a).append("\":{"
            + "\"connected\":true,\"skip_unavailable\":true,\"matching_indices\":true,"
            + "\"version\":{\"number\":\"9.5.3\",\"build_flavor\":\"default\","
            + "\"minimum_wire_compatibility_version\":\"8.19.0\","
            + "\"minimum_index_compatibility_version\":\"8.0.0\"}}");
      }
      remoteInfo = bytes(ri.append('}').toString());
      resolve = bytes(rc.append('}').toString());
      long expiry = System.currentTimeMillis() + Duration.ofDays(30).toMillis();
      StringBuilder k = new StringBuilder("{\"api_keys\":[");
      AtomicInteger id = new AtomicInteger();
      for (String name : keys) {
        k.append(id.get() > 0 ? "," : "").append("{\"id\":\"k").append(id.incrementAndGet())
            .append("\",\"name\":\"").append(name).append("\",\"type\":\"cross_cluster\","
                + "\"creation\":1,\"expiration\":").append(expiry).append(",\"invalidated\":false,"
                + "\"username\":\"admin\",\"realm\":\"native\",\"metadata\":{}}");
      }
      apiKeys = bytes(k.append("]}").toString());
      return this;
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Response performRequest(String endpointId, Node node, Request request,
        TransportOptions options) {
      String path = request.path();
      byte[] body = path.equals("/") ? info
          : path.equals("/_remote/info") ? remoteInfo
          : path.startsWith("/_resolve/cluster") ? resolve
          : path.equals("/_security/api_key") ? apiKeys
          : null;
      int status = body == null ? 404 : 200;
      byte[] b = body == null ? bytes("{\"error\":{\"type\":\"not_found\",\"reason\":\""
          + path + "\"},\"status\":404}") : body;
      return new Response() {
        @Override
        public Node node() {
          return node;
        }

        @Override
        public int statusCode() {
          return status;
        }

        @Override
        public String header(String name) {
          return name.equalsIgnoreCase("X-Elastic-Product") ? "Elasticsearch" : null;
        }

        @Override
        public List<String> headers(String name) {
          String h = header(name);
          return h == null ? List.of() : List.of(h);
        }

        @Override
        public BinaryData body() {
          return BinaryData.of(b, "application/json");
        }

        @Override
        public Object originalResponse() {
          return null;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, Node node,
        Request request, TransportOptions options) {
      return CompletableFuture.completedFuture(performRequest(endpointId, node, request, options));
    }

    @Override
    public void close() {}
  }

  /**
   * The CPU time of one round (all threads of this process, over 200 rounds after 50 of warm-up)
   * for 1, 10 and 100 links, and the heap retained by a watcher of 1,000 links after 3 rounds.
   *
   * @param args unused
   * @throws Exception when the measurement is interrupted
   */
  public static void main(String[] args) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int n : new int[] {1, 10, 100}) {
      try (LinkWatcher w = watcher(n)) {
        for (int i = 0; i < 50; i++) {
          w.probeOnce();
        }
        int rounds = 200;
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          w.probeOnce();
        }
        System.out.printf("links %4d: CPU per round %.3f ms, wall per round %.3f ms%n", n,
            (os.getProcessCpuTime() - cpu) / 1e6 / rounds, (System.nanoTime() - wall) / 1e6 / rounds);
      }
    }
    long before = usedAfterGc();
    LinkWatcher w = watcher(1000);
    for (int i = 0; i < 3; i++) {
      w.probeOnce();
    }
    long after = usedAfterGc();
    System.out.printf("links 1000: heap retained by the watcher %.1f MiB (%d bytes per link)%n",
        (after - before) / 1048576.0, (after - before) / 1000);
    w.close();
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
