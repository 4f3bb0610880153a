package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE [--json]}: validates a topology file, its format and every check of the
 * planner. Exit 0 valid (warnings allowed), 1 a check fails, 2 the file cannot be used.
 *
 * @since 0.1.0
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a topology file (YAML or JSON): its format and every check of the planner.",
      "Exit 0 valid (warnings allowed), 1 a check fails, 2 the file cannot be used (unreadable,"
          + " not YAML/JSON, wrong types, unknown keys, invalid values)."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The topology file.")
  private Path file;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  /** Creates the command; picocli fills the fields. */
  public ValidateCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TopologyValidator.Report report = TopologyValidator.validate(file, RemoteClusterPlanner.create());
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("valid", report.valid());
      root.set("problems", Json.tree(PlanFormatter.problemsJson(report.problems())));
      out.println(Json.MAPPER.writeValueAsString(root));
    } else {
      Problems.print(err, report.problems());
      if (report.valid()) {
        out.println("valid: " + file);
      }
    }
    if (report.unreadable()) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    return report.valid() ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
  }
}
