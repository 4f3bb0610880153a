package io.github.remoteclusters.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for a test JVM that dies: starts a node, prints its pid, and waits to be killed. Used
 * by {@link ClusterLifecycleIT}.
 */
final class OrphanedNodeMain {

  private static final String PREFIX = "NODE_PID ";

  private OrphanedNodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    TestCluster node =
        TestClusters.startAll(Path.of(args[0]), List.of(ClusterSpec.of("orphan", "9.5.3"))).get(0);
    System.out.println(PREFIX + node.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  static long readNodePid(BufferedReader out) throws IOException {
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(PREFIX)) {
        return Long.parseLong(line.substring(PREFIX.length()).trim());
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the probe JVM ended without starting a node:\n" + seen);
  }
}
