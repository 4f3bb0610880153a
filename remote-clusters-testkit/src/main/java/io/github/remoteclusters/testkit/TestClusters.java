package io.github.remoteclusters.testkit;

import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.testkit.internal.JdkLocator;
import io.github.remoteclusters.testkit.internal.KitConfig;
import io.github.remoteclusters.testkit.internal.NodeDistribution;
import io.github.remoteclusters.testkit.internal.NodeProcess;
import io.github.remoteclusters.testkit.internal.NodeSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Starts real Elasticsearch clusters, each a single node in a JVM of its own, several in parallel.
 *
 * <pre>{@code
 * try (TestCluster local = TestClusters.start(ClusterSpec.of("local", "9.5.3"))) {
 *   local.client().cluster().health();
 * }
 * }</pre>
 *
 * <p>Each node runs on a JDK of at least the version its Elasticsearch needs (21 for 9.x, 17 for
 * 8.x): {@code -Dremoteclusters.testkit.javaHome}, {@code ES_JAVA_HOME}, {@code JAVA_HOME}, the
 * running JVM, then the newest JDK in the usual folders. Its directory, with its log, is {@code
 * <work dir>/<cluster name>}, emptied before the start and kept afterwards.
 *
 * <p>A secured spec ({@link ClusterSpec#security()}) gets a file-realm superuser with a random
 * password, a trial licence and, for {@link Security#TLS}, certificates signed by {@link
 * #defaultCa()} or the spec's CA; it is returned only once ready: green health, an active licence
 * and a security index that answers.
 *
 * <p>System properties:
 *
 * <ul>
 *   <li>{@code remoteclusters.testkit.workDir}: the work dir, default {@code
 *       target/remote-clusters-testkit};
 *   <li>{@code remoteclusters.testkit.javaHome}: the JDK to run nodes with;
 *   <li>{@code remoteclusters.testkit.mavenRepository}: the local Maven repository holding the
 *       Elasticsearch jars, else {@code maven.repo.local}, else {@code ~/.m2/repository};
 *   <li>{@code remoteclusters.testkit.heap}: each node's heap, default {@code 512m};
 *   <li>{@code remoteclusters.testkit.startTimeoutSeconds}: default 240.
 * </ul>
 *
 * @since 0.1.0
 */
public final class TestClusters {

  /** Node directories in use by this JVM: two running nodes must never share one. */
  private static final Set<Path> HOMES_IN_USE = ConcurrentHashMap.newKeySet();

  /** Clusters started by {@link #shared(List)}, by name; they live as long as this JVM. */
  private static final Map<String, TestCluster> SHARED = new HashMap<>();

  private static volatile CertificateAuthority defaultCa;

  private TestClusters() {}

  /**
   * The Elasticsearch versions this kit can start.
   *
   * @return versions such as {@code 9.5.3} and {@code 8.19.21}
   * @since 0.1.0
   */
  public static List<String> supportedVersions() {
    return NodeDistribution.supportedVersions();
  }

  /**
   * The CA that signs the node certificates of {@link Security#TLS} clusters whose spec names no
   * CA of its own: one per JVM, made by remote-clusters-security, so that such clusters trust each
   * other.
   *
   * @return the CA, with its private key
   * @since 0.1.0
   */
  public static CertificateAuthority defaultCa() {
    CertificateAuthority ca = defaultCa;
    if (ca == null) {
      synchronized (TestClusters.class) {
        ca = defaultCa;
        if (ca == null) {
          ca = Certificates.createCa(CaRequest.of("remote-clusters-testkit CA"));
          defaultCa = ca;
        }
      }
    }
    return ca;
  }

  /**
   * Clusters shared by every test of this JVM: those not yet running are started in parallel
   * (under {@code <work dir>/shared}), and all stay up until the JVM exits. Use them for tests
   * that leave nothing behind another test could trip over (own indices, aliases, users, keys).
   *
   * @param specs what is wanted; a name already running must have an equal spec
   * @return the running clusters, in the order of {@code specs}
   * @throws TestClusterException when one cannot be started
   * @throws IllegalArgumentException when a running shared cluster of that name has another spec
   * @since 0.1.0
   */
  public static List<TestCluster> shared(List<ClusterSpec> specs) {
    synchronized (SHARED) {
      List<ClusterSpec> missing = new ArrayList<>();
      for (ClusterSpec spec : specs) {
        TestCluster running = SHARED.get(spec.name());
        if (running != null && !running.isRunning()) {
          SHARED.remove(spec.name());
          running = null;
        }
        if (running == null) {
          missing.add(spec);
        } else if (!running.spec().equals(spec)) {
          throw new IllegalArgumentException(
              "shared cluster ["
                  + spec.name()
                  + "] is running with another spec: "
                  + running.spec()
                  + "; give this one another name");
        }
      }
      if (!missing.isEmpty()) {
        for (TestCluster c :
            startAll(KitConfig.fromSystemProperties().workDir().resolve("shared"), missing)) {
          SHARED.put(c.name(), c);
        }
      }
      List<TestCluster> out = new ArrayList<>();
      for (ClusterSpec spec : specs) {
        out.add(SHARED.get(spec.name()));
      }
      return List.copyOf(out);
    }
  }

  /**
   * Starts one cluster under the default work dir and waits until it serves requests.
   *
   * @param spec what to start
   * @return the running cluster; close it to stop it
   * @throws TestClusterException when it cannot be started
   * @since 0.1.0
   */
  public static TestCluster start(ClusterSpec spec) {
    return startAll(List.of(spec)).get(0);
  }

  /**
   * Starts clusters in parallel under the default work dir and waits until all serve requests.
   *
   * @param specs what to start; names must differ
   * @return the running clusters, in the order of {@code specs}
   * @throws TestClusterException when one cannot be started; all are stopped then
   * @since 0.1.0
   */
  public static List<TestCluster> startAll(List<ClusterSpec> specs) {
    return startAll(KitConfig.fromSystemProperties().workDir(), specs);
  }

  /**
   * Starts clusters in parallel, each in {@code workDir/<name>}, and waits until all serve
   * requests.
   *
   * @param workDir the parent of the node directories
   * @param specs what to start; names must differ
   * @return the running clusters, in the order of {@code specs}
   * @throws TestClusterException when one cannot be started; all are stopped then
   * @since 0.1.0
   */
  public static List<TestCluster> startAll(Path workDir, List<ClusterSpec> specs) {
    Objects.requireNonNull(workDir, "workDir");
    List<ClusterSpec> all = List.copyOf(specs);
    Set<String> names = new HashSet<>();
    for (ClusterSpec spec : all) {
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("cluster name [" + spec.name() + "] is used twice");
      }
    }
    KitConfig config = KitConfig.fromSystemProperties();
    List<NodeProcess> launched = new ArrayList<>();
    try {
      for (ClusterSpec spec : all) {
        launched.add(launch(spec, workDir.toAbsolutePath().normalize(), config));
      }
      long deadline = System.nanoTime() + config.startTimeout().toNanos();
      for (NodeProcess node : launched) {
        node.awaitStarted(remaining(deadline));
      }
      for (NodeProcess node : launched) {
        node.awaitReady(remaining(deadline));
      }
      return List.copyOf(launched);
    } catch (RuntimeException | Error e) {
      launched.forEach(NodeProcess::close);
      throw e;
    }
  }

  private static java.time.Duration remaining(long deadline) {
    return java.time.Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
  }

  private static NodeProcess launch(ClusterSpec spec, Path workDir, KitConfig config) {
    NodeDistribution distribution;
    try {
      distribution =
          NodeDistribution.forVersion(spec.version(), config)
              .orElseThrow(
                  () ->
                      fail(
                          spec,
                          "is not a version this kit can start; supported: " + supportedVersions(),
                          null));
    } catch (IOException | IllegalStateException e) {
      throw fail(spec, "cannot be prepared: " + e.getMessage(), e);
    }
    Path java;
    try {
      java =
          JdkLocator.forThisJvm()
              .find(distribution.javaMinimum(), "Elasticsearch " + spec.version());
    } catch (IllegalStateException e) {
      throw fail(spec, e.getMessage(), e);
    }
    Path home = workDir.resolve(spec.name());
    if (!HOMES_IN_USE.add(home)) {
      throw fail(spec, "cannot start: " + home + " is in use by a running cluster", null);
    }
    try {
      deleteRecursively(home);
      NodeSecurity security =
          NodeSecurity.prepare(
              spec,
              home.resolve("config"),
              spec.security() == Security.TLS && spec.ca() == null ? defaultCa() : spec.ca());
      return NodeProcess.launch(
          spec,
          distribution,
          java,
          home,
          config.heap(),
          security,
          () -> HOMES_IN_USE.remove(home));
    } catch (IOException e) {
      HOMES_IN_USE.remove(home);
      throw fail(spec, "cannot be launched with " + java + ": " + e.getMessage(), e);
    }
  }

  private static TestClusterException fail(ClusterSpec spec, String reason, Throwable cause) {
    return new TestClusterException(spec.name(), spec.version(), reason, null, "", cause);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
