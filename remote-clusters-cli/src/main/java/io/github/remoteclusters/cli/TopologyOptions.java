package io.github.remoteclusters.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code apply} and {@code status} share: the file, {@code --json}, {@code --ownership}. */
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

  /** {@return the ownership file: the option, else {@code FILE.owned.json} beside the topology} */
  Path ownershipFile() {
    if (ownership != null) {
      return ownership;
    }
    Path abs = file.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + ".owned.json");
  }
}
