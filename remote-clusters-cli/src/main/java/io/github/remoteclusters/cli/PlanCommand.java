package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plan FILE [--json | --format text|json|curl]}: the ordered steps for every link of a
 * topology file. Exit 0 when no link has errors, 1 otherwise, 2 when the file cannot be used.
 *
 * @since 0.1.0
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans every link of a topology file: the ordered steps, each on its target cluster.",
      "Exit 0 when no link has errors, 1 otherwise, 2 when the file cannot be used (unreadable,"
          + " not YAML/JSON, wrong types, unknown keys, invalid values)."
    })
public final class PlanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON,
    CURL
  }

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The topology file.")
  private Path file;

  @Option(names = "--json", description = "Print one JSON object (same as --format json).")
  private boolean json;

  @Option(
      names = "--format",
      paramLabel = "text|json|curl",
      description = "text for people (default), json for machines, curl for a shell script.")
  private Format format = Format.TEXT;

  @Option(
      names = "--ownership",
      paramLabel = "PATH",
      description = "The ownership file apply keeps (apply's --ownership; by default apply uses"
          + " FILE.owned.json): removals are planned from what it recorded (the key by its id,"
          + " the role, links deleted from the file). Without it, plan reads no file and removes"
          + " an absent link's key by its name.")
  private Path ownership;

  /** Creates the command; picocli fills the fields. */
  public PlanCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json && format != Format.TEXT && format != Format.JSON) {
      err.println("error: --json and --format " + format.name().toLowerCase(java.util.Locale.ROOT)
          + " ask for two outputs: use one of them");
      return RemoteClustersCli.INVALID_INPUT;
    }
    Format f = json ? Format.JSON : format;
    TopologyReadResult read = TopologyReader.read(file);
    if (read instanceof TopologyReadResult.Failed) {
      TopologyReadResult.Failed failed = (TopologyReadResult.Failed) read;
      if (f == Format.JSON) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("links");
        root.set("errors", Json.tree(PlanFormatter.problemsJson(failed.problems())));
        out.println(Json.MAPPER.writeValueAsString(root));
      }
      for (Problem p : failed.problems()) {
        err.println(p);
      }
      return RemoteClustersCli.INVALID_INPUT;
    }
    Topology topology = read.orElseThrow();
    List<LinkFootprint> owned = new ArrayList<>();
    if (ownership != null && !java.nio.file.Files.isRegularFile(ownership)) {
      err.println("error: --ownership " + ownership + ": no such file (apply writes it; without"
          + " the option plan removes an absent link's key by its name)");
      return RemoteClustersCli.INVALID_INPUT;
    }
    if (ownership != null) {
      // read only: the same store apply writes, seen as this topology's
      OwnershipStore store = OwnershipStore.jsonFile(ownership,
          file.toAbsolutePath().normalize().toString());
      try {
        for (Cluster c : topology.clusters()) {
          owned.addAll(store.footprints(c.name()).values());
        }
      } catch (RuntimeException e) {
        err.println("error: --ownership " + ownership + ": " + e.getMessage());
        return RemoteClustersCli.INVALID_INPUT;
      }
    }
    TopologyPlan plan = RemoteClusterPlanner.create().plan(topology, owned);
    switch (f) {
      case JSON:
        out.println(PlanFormatter.toJson(plan));
        break;
      case CURL:
        out.print(PlanFormatter.toCurl(plan, topology));
        break;
      default:
        out.print(PlanFormatter.toText(plan));
        break;
    }
    if (f != Format.TEXT) {
      Problems.print(err, plan.problems());
    }
    return plan.hasErrors() ? RemoteClustersCli.NEGATIVE : RemoteClustersCli.OK;
  }
}
