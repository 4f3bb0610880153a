package io.github.remoteclusters.testkit.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.testkit.ClusterSpec;
import io.github.remoteclusters.testkit.ClusterTls;
import io.github.remoteclusters.testkit.Credentials;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import io.github.remoteclusters.testkit.TestClusterException;
import io.github.remoteclusters.testkit.TestKeystore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * One node JVM: launches it, waits for its {@code STARTED} line, and stops it.
 *
 * <p>The node keeps reading its standard input and exits when it ends, and this JVM never closes
 * that stream before {@link #close()}: if this JVM dies, the operating system closes the pipe and
 * the node stops by itself. A shutdown hook also stops nodes nobody closed.
 */
public final class NodeProcess implements TestCluster {

  private static final Pattern STARTED =
      Pattern.compile(
          "^STARTED http=(\\S+) transport=(\\S+)(?: remote_cluster=(\\S+))? seconds=(\\S+)");
  private static final Pattern KEYSTORE_REPLY = Pattern.compile("^KEYSTORE (\\d+) (OK|FAILED)(.*)");
  private static final Duration KEYSTORE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final int CONSOLE_TAIL = 25;
  private static final int LOG_TAIL = 40;

  private static final Set<NodeProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(RUNNING).forEach(NodeProcess::close),
                "remote-clusters-testkit-stop-nodes"));
  }

  /** The addresses a started node printed; {@code remoteCluster} is null without a server. */
  private record Addresses(String http, String transport, String remoteCluster) {}

  private final ClusterSpec spec;
  private final NodeDistribution distribution;
  private final Path home;
  private final Process process;
  private final long launchNanos;
  private final Runnable onClose;
  private final NodeSecurity security;
  private final Map<Long, CompletableFuture<String>> keystoreReplies = new ConcurrentHashMap<>();
  private final AtomicLong keystoreIds = new AtomicLong();
  private final List<ElasticsearchClient> userClients = new ArrayList<>();
  private SSLContext sslContext;
  private final List<String> console = new ArrayList<>();
  private final CompletableFuture<Addresses> started = new CompletableFuture<>();
  private volatile Duration startupTime = Duration.ZERO;
  private ElasticsearchClient client;

  private NodeProcess(
      ClusterSpec spec,
      NodeDistribution distribution,
      Path home,
      Process process,
      long launchNanos,
      NodeSecurity security,
      Runnable onClose) {
    this.spec = spec;
    this.security = security;
    this.onClose = onClose;
    this.distribution = distribution;
    this.home = home;
    this.process = process;
    this.launchNanos = launchNanos;
    Thread reader = new Thread(this::readConsole, "testkit-node-" + spec.name() + "-console");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Launches a node JVM and returns at once; call {@link #awaitStarted(Duration)} next, so that
   * several nodes boot in parallel.
   *
   * @param spec what to start
   * @param distribution the node's class path for {@code spec.version()}
   * @param java the {@code java} launcher to use
   * @param home the node's directory, which must be empty or absent
   * @param heap the heap size, as for {@code -Xmx}
   * @param security the users, certificates and settings written by {@link NodeSecurity#prepare}
   * @param onClose run once when the node has stopped through {@link #close()}
   * @return the launched node
   * @throws IOException when the JVM cannot be launched
   */
  public static NodeProcess launch(
      ClusterSpec spec,
      NodeDistribution distribution,
      Path java,
      Path home,
      String heap,
      NodeSecurity security,
      Runnable onClose)
      throws IOException {
    Files.createDirectories(home.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(
        List.of(
            "-Xms" + heap,
            "-Xmx" + heap,
            "-XX:+UseSerialGC",
            // C1 only: a test node lives briefly and does little work, and start-up is mostly
            // JIT time; measured on 2 busy cores, 9.5.3 started in 4-8 s instead of 15 s
            "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED",
            "-Dlog4j2.disable.jmx=true",
            // as Elasticsearch's jvm.options: the node's own shutdown hook logs "closed" last
            "-Dlog4j.shutdownHookEnabled=false",
            "-Dio.netty.noUnsafe=true", // as Elasticsearch's own jvm.options
            "-Dfile.encoding=UTF-8",
            "-Djava.io.tmpdir=" + home.resolve("tmp"),
            "-cp",
            distribution.classpath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)),
            distribution.mainClass(),
            home.toString()));
    if (spec.security().enabled()) {
      command.add("--security");
    }
    command.add("cluster.name=" + spec.name());
    // sorted, so that the command line (and the log) is the same from run to run; the spec's own
    // settings win over the ones security derives
    Map<String, String> settings = new TreeMap<>(security.settings());
    settings.putAll(spec.settings());
    settings.forEach((k, v) -> command.add(k + "=" + v));
    Files.writeString(home.resolve("command.txt"), String.join("\n", command) + "\n");
    Process process =
        new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
    NodeProcess node =
        new NodeProcess(spec, distribution, home, process, System.nanoTime(), security, onClose);
    RUNNING.add(node);
    return node;
  }

  /**
   * Waits until the node serves requests.
   *
   * @param timeout how long to wait
   * @throws TestClusterException when the node failed or took too long; it is stopped then, and the
   *     message has the tail of its log
   */
  public void awaitStarted(Duration timeout) {
    try {
      started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw failure("did not start within " + timeout.toSeconds() + "s", e);
    } catch (ExecutionException e) {
      close();
      throw failure(e.getCause().getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw failure("was interrupted while starting", e);
    }
  }

  /**
   * Waits until a secured node is ready (green, licensed, security index answering); returns at
   * once for a node without security.
   *
   * @param timeout how long to wait
   * @throws TestClusterException when it is not ready in time; it is stopped then
   */
  public void awaitReady(Duration timeout) {
    if (!spec.security().enabled()) {
      return;
    }
    String notReady = probe().awaitReady(timeout);
    if (!notReady.isEmpty()) {
      close();
      throw failure(
          "started but was not ready (green, licensed, security index usable) within "
              + timeout.toSeconds()
              + "s; last: "
              + notReady,
          null);
    }
    startupTime = Duration.ofNanos(System.nanoTime() - launchNanos);
  }

  private RestProbe probe() {
    return new RestProbe(
        httpUri(),
        security.superuser() == null ? null : security.superuser().basicAuthorization(),
        spec.security() == Security.TLS ? sslContext() : null);
  }

  private void readConsole() {
    Path file = home.resolve("console.log");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (console) {
          console.add(line);
        }
        out.write(line);
        out.newLine();
        out.flush();
        Matcher m = STARTED.matcher(line);
        if (m.find()) {
          startupTime = Duration.ofNanos(System.nanoTime() - launchNanos);
          started.complete(new Addresses(m.group(1), m.group(2), m.group(3)));
        }
        Matcher k = KEYSTORE_REPLY.matcher(line);
        if (k.find()) {
          CompletableFuture<String> reply = keystoreReplies.remove(Long.parseLong(k.group(1)));
          if (reply != null) {
            reply.complete(k.group(2).equals("OK") ? "" : k.group(3).trim());
          }
        }
      }
    } catch (IOException e) {
      // the process went away; handled below
    }
    String exit;
    try {
      exit = "exited with status " + process.waitFor() + " before it started";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = "stopped before it started";
    }
    started.completeExceptionally(new IllegalStateException(exit));
    keystoreReplies.values().forEach(f -> f.complete("the node stopped"));
  }

  private TestClusterException failure(String reason, Throwable cause) {
    return new TestClusterException(spec.name(), version(), reason, logFile(), tail(), cause);
  }

  /** The last lines the node printed and logged. */
  private String tail() {
    String printed;
    synchronized (console) {
      printed = LogTail.of(console, CONSOLE_TAIL);
    }
    String logged = LogTail.of(logFile(), LOG_TAIL);
    if (logged.isEmpty()) {
      return printed;
    }
    return printed
        + (printed.isEmpty() ? "" : "\n--- " + logFile().getFileName() + " ---\n")
        + logged;
  }

  private Addresses addresses() {
    if (!started.isDone() || started.isCompletedExceptionally()) {
      throw new IllegalStateException("cluster [" + spec.name() + "] has not started");
    }
    return started.join();
  }

  @Override
  public ClusterSpec spec() {
    return spec;
  }

  @Override
  public String version() {
    return distribution.esVersion();
  }

  @Override
  public URI httpUri() {
    return URI.create(
        (spec.security() == Security.TLS ? "https://" : "http://") + addresses().http());
  }

  @Override
  public Credentials superuser() {
    if (security.superuser() == null) {
      throw new IllegalStateException(
          "cluster [" + spec.name() + "] has no security, so no superuser");
    }
    return security.superuser();
  }

  @Override
  public ClusterTls tls() {
    if (security.tls() == null) {
      throw new IllegalStateException(
          "cluster [" + spec.name() + "] has security " + spec.security() + ", not TLS");
    }
    return security.tls();
  }

  @Override
  public synchronized SSLContext sslContext() {
    if (sslContext == null) {
      sslContext = NodeSecurity.sslContext(tls().trusted());
    }
    return sslContext;
  }

  @Override
  public String remoteClusterServerAddress() {
    String address = addresses().remoteCluster();
    if (address == null) {
      throw new IllegalStateException(
          "cluster [" + spec.name() + "] runs no remote cluster server");
    }
    return address;
  }

  @Override
  public TestKeystore keystore() {
    return new TestKeystore() {
      @Override
      public void put(String setting, String value) {
        keystoreCommand(
            "keystore-set",
            checkSetting(setting),
            Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      }

      @Override
      public void remove(String setting) {
        keystoreCommand("keystore-remove", checkSetting(setting), null);
      }

      @Override
      public void reload() {
        RestProbe.Response r;
        try {
          r = probe().send("POST", "/_nodes/reload_secure_settings");
        } catch (IOException e) {
          throw failure("reload_secure_settings failed: " + e.getMessage(), e);
        }
        if (r.status() != 200
            || !r.body().replace(" ", "").contains("\"failed\":0")
            || r.body().contains("reload_exception")) {
          throw failure("reload_secure_settings gave " + r.status() + ": " + r.body(), null);
        }
      }
    };
  }

  private static String checkSetting(String setting) {
    if (setting.isBlank() || setting.contains(" ")) {
      throw new IllegalArgumentException("keystore setting [" + setting + "] is invalid");
    }
    return setting;
  }

  /** Sends one keystore command to the node and waits for its answer. */
  private void keystoreCommand(String verb, String setting, String base64Value) {
    long id = keystoreIds.incrementAndGet();
    CompletableFuture<String> reply = new CompletableFuture<>();
    keystoreReplies.put(id, reply);
    String line = verb + " " + id + " " + setting + (base64Value == null ? "" : " " + base64Value);
    try {
      synchronized (process) {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      String error = reply.get(KEYSTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!error.isEmpty()) {
        throw failure(verb + " " + setting + " failed: " + error, null);
      }
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw failure(verb + " " + setting + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(verb + " " + setting + " was interrupted", e);
    } finally {
      keystoreReplies.remove(id);
    }
  }

  @Override
  public synchronized ElasticsearchClient clientAs(Credentials user) {
    if (!spec.security().enabled()) {
      throw new IllegalStateException(
          "cluster [" + spec.name() + "] has no security: there are no users");
    }
    ElasticsearchClient c =
        CompatibleClient.create(
            httpUri(),
            user,
            spec.security() == Security.TLS ? sslContext() : null,
            Integer.parseInt(version().substring(0, version().indexOf('.'))));
    userClients.add(c);
    return c;
  }

  @Override
  public String transportAddress() {
    return addresses().transport();
  }

  @Override
  public synchronized ElasticsearchClient client() {
    if (client == null) {
      try {
        client =
            CompatibleClient.create(
                httpUri(),
                security.superuser(),
                spec.security() == Security.TLS ? sslContext() : null);
      } catch (IOException e) {
        throw failure("cannot create a client: " + e.getMessage(), e);
      }
    }
    return client;
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public Path logFile() {
    return home.resolve("logs").resolve(spec.name() + ".log");
  }

  @Override
  public Duration startupTime() {
    return startupTime;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isRunning() {
    return process.isAlive();
  }

  @Override
  public void close() {
    closeClient();
    try {
      if (process.isAlive()) {
        process.destroy(); // SIGTERM: the node's shutdown hook closes it cleanly
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // the pipe is gone already, which is all we wanted
      }
      if (RUNNING.remove(this)) {
        onClose.run();
      }
    }
  }

  private synchronized void closeClient() {
    for (ElasticsearchClient c : userClients) {
      try {
        c.close();
      } catch (IOException e) {
        // as below
      }
    }
    userClients.clear();
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // the node is going away; nothing depends on a clean client close
      }
      client = null;
    }
  }

  @Override
  public String toString() {
    Map<String, Object> parts = new TreeMap<>();
    parts.put("version", version());
    parts.put("pid", process.pid());
    if (started.isDone() && !started.isCompletedExceptionally()) {
      parts.put("http", addresses().http());
      parts.put("transport", addresses().transport());
      if (addresses().remoteCluster() != null) {
        parts.put("remote_cluster", addresses().remoteCluster());
      }
    }
    if (spec.security().enabled()) {
      parts.put("security", spec.security());
    }
    return "TestCluster[" + spec.name() + " " + parts + "]";
  }
}
