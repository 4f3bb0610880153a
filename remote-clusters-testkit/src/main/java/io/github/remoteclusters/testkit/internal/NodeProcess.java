package io.github.remoteclusters.testkit.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.testkit.ClusterSpec;
import io.github.remoteclusters.testkit.TestCluster;
import io.github.remoteclusters.testkit.TestClusterException;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One node JVM: launches it, waits for its {@code STARTED} line, and stops it.
 *
 * <p>The node keeps reading its standard input and exits when it ends, and this JVM never closes
 * that stream before {@link #close()}: if this JVM dies, the operating system closes the pipe and
 * the node stops by itself. A shutdown hook also stops nodes nobody closed.
 */
public final class NodeProcess implements TestCluster {

  private static final Pattern STARTED =
      Pattern.compile("^STARTED http=(\\S+) transport=(\\S+) seconds=(\\S+)");
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

  /** The addresses a started node printed. */
  private record Addresses(String http, String transport) {}

  private final ClusterSpec spec;
  private final NodeDistribution distribution;
  private final Path home;
  private final Process process;
  private final long launchNanos;
  private final Runnable onClose;
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
      Runnable onClose) {
    this.spec = spec;
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
            home.toString(),
            "cluster.name=" + spec.name()));
    // sorted, so that the command line (and the log) is the same from run to run
    new TreeMap<>(spec.settings()).forEach((k, v) -> command.add(k + "=" + v));
    Files.writeString(home.resolve("command.txt"), String.join("\n", command) + "\n");
    Process process =
        new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
    NodeProcess node =
        new NodeProcess(spec, distribution, home, process, System.nanoTime(), onClose);
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
          started.complete(new Addresses(m.group(1), m.group(2)));
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
    return URI.create("http://" + addresses().http());
  }

  @Override
  public String transportAddress() {
    return addresses().transport();
  }

  @Override
  public synchronized ElasticsearchClient client() {
    if (client == null) {
      try {
        client = CompatibleClient.create(httpUri());
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
    }
    return "TestCluster[" + spec.name() + " " + parts + "]";
  }
}
