package io.github.remoteclusters.cli;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ReconcilerBuilder;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code apply} and {@code status} share: the file, {@code --json}, {@code
 * --ownership}, {@code --request-timeout}.
 */
final class TopologyOptions {

  @Parameters(index = "0", paramLabel = "FILE", description = "The topology file.")
  Path file;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--ownership",
      paramLabel = "PATH",
      description = "Where the owned aliases are kept (default: FILE.owned.json).")
  Path ownership;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long one request to a cluster may take, retries included, such as 500ms,"
          + " 5s or 1m (default 30s); a cluster that does not answer in time is reported with the"
          + " request and the time waited.")
  Duration requestTimeout = ReconcilerBuilder.DEFAULT_REQUEST_TIMEOUT;

  /**
   * {@return what identifies the topology in a shared ownership file: its file's absolute path}
   */
  String topologyId() {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Where credentials come from; tests replace it. */
  static Supplier<Map<String, String>> environment = System::getenv;

  /**
   * How to reach the clusters: their url, their caFile, credentials from {@code ES_<NAME>_*}
   * variables. Checks every cluster with a url up front, so that a bad variable or CA file is
   * invalid input (exit 2) before anything is read or written.
   *
   * @param topology the topology
   * @param err where problems go
   * @return the access, or null when a cluster cannot be reached as configured
   */
  static ClusterAccess access(Topology topology, PrintWriter err) {
    ClusterAccess access = ClusterAccess.fromEnvironment(environment.get());
    boolean ok = true;
    for (Cluster c : topology.clusters()) {
      if (c.url() == null) {
        continue;
      }
      try {
        access.endpoint(c);
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        ok = false;
        continue;
      }
      for (String w : ClusterAccess.caFileWarnings(c)) {
        err.println("warning " + io.github.remoteclusters.core.ProblemCode.CA_VALIDITY
            + " at cluster [" + c.name() + "] caFile: " + w);
      }
    }
    return ok ? access : null;
  }

  /** {@return the ownership file: the option, else {@code FILE.owned.json} beside the topology} */
  Path ownershipFile() {
    if (ownership != null) {
      return ownership;
    }
    Path abs = file.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + ".owned.json");
  }
}
