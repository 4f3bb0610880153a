package io.github.remoteclusters.cli;

import io.github.remoteclusters.core.apply.ReconcilerBuilder;
import java.nio.file.Path;
import java.time.Duration;
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

  /** {@return the ownership file: the option, else {@code FILE.owned.json} beside the topology} */
  Path ownershipFile() {
    if (ownership != null) {
      return ownership;
    }
    Path abs = file.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + ".owned.json");
  }
}
