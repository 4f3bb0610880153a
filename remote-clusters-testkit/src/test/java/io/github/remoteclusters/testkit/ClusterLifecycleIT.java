package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, failing to start and stopping nodes, without the JUnit extension. */
class ClusterLifecycleIT {

  private static final Path WORK_DIR =
      Path.of("target", "remote-clusters-testkit", ClusterLifecycleIT.class.getName());

  @Test
  void startsBothVersionsInParallelAndStopsThemCleanly() throws Exception {
    long begin = System.nanoTime();
    List<TestCluster> clusters =
        TestClusters.startAll(
            WORK_DIR, List.of(ClusterSpec.of("p9", "9.5.3"), ClusterSpec.of("p8", "8.19.21")));
    Duration wall = Duration.ofNanos(System.nanoTime() - begin);
    TestCluster p9 = clusters.get(0);
    TestCluster p8 = clusters.get(1);
    try {
      assertThat(p9.client().info().version().number()).isEqualTo("9.5.3");
      assertThat(p8.client().info().version().number()).isEqualTo("8.19.21");
      // in parallel: together they took less than one after the other would have
      assertThat(wall).isLessThan(p9.startupTime().plus(p8.startupTime()));
    } finally {
      p9.close();
      p8.close();
    }
    for (TestCluster c : clusters) {
      assertThat(c.isRunning()).isFalse();
      assertThat(ProcessHandle.of(c.pid()).map(ProcessHandle::isAlive))
          .isNotEqualTo(Optional.of(true));
      assertThat(portIsClosed(c.httpUri().getPort())).isTrue();
      // the log stays for inspection and shows an orderly shutdown
      assertThat(Files.readString(c.logFile())).contains("closed");
      c.close(); // closing twice is harmless
    }
  }

  @Test
  void aNodeThatCannotStartFailsWithItsLogTail() {
    ClusterSpec bad = ClusterSpec.of("bad", "9.5.3").withSetting("no.such.setting", "1");
    assertThatThrownBy(() -> TestClusters.startAll(WORK_DIR, List.of(bad)))
        .isInstanceOfSatisfying(
            TestClusterException.class,
            e -> {
              assertThat(e.clusterName()).isEqualTo("bad");
              assertThat(e.version()).isEqualTo("9.5.3");
              assertThat(e.getMessage()).startsWith("[bad/9.5.3] exited with status 1");
              assertThat(e.logTail()).contains("unknown setting [no.such.setting]");
              assertThat(e.logFile()).isPresent();
            });
  }

  @Test
  void anUnsupportedVersionIsRefusedWithTheSupportedOnes() {
    assertThat(TestClusters.supportedVersions()).containsExactly("9.5.3", "8.19.21");
    assertThat(TestClusters.supportedVersions()).contains(EsCluster.LATEST);
    assertThatThrownBy(() -> TestClusters.start(ClusterSpec.of("x", "7.17.0")))
        .isInstanceOf(TestClusterException.class)
        .hasMessage("[x/7.17.0] is not a version this kit can start; supported: [9.5.3, 8.19.21]");
  }

  /** SIGKILL gives the JVM no chance to run shutdown hooks; the node must still go away. */
  @Test
  void aNodeStopsWhenTheJvmThatStartedItIsKilled() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String p : List.of("maven.repo.local", "remoteclusters.testkit.javaHome")) {
      if (System.getProperty(p) != null) {
        command.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            OrphanedNodeMain.class.getName(),
            WORK_DIR.toAbsolutePath().toString()));
    Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
    long nodePid;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      nodePid = OrphanedNodeMain.readNodePid(out);
    } finally {
      parent.destroyForcibly(); // SIGKILL
    }
    assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
    ProcessHandle node = ProcessHandle.of(nodePid).orElse(null);
    if (node != null) {
      node.onExit().get(60, TimeUnit.SECONDS);
    }
    assertThat(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive))
        .isNotEqualTo(Optional.of(true));
  }

  private static boolean portIsClosed(int port) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return !s.isConnected();
    } catch (ConnectException e) {
      return true;
    }
  }
}
