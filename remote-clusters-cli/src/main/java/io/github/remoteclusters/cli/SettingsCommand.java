package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.TextInput;
import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;
import io.github.remoteclusters.core.settings.SettingsProblem;
import io.github.remoteclusters.core.settings.SettingsReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code settings check FILE|- [--json]}: validates the {@code cluster.remote.*} part of a {@code
 * PUT _cluster/settings} body as Elasticsearch would. Exit 0 valid, 1 invalid, 2 unreadable.
 *
 * @since 0.1.0
 */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = "Works with PUT _cluster/settings bodies.",
    subcommands = {SettingsCommand.Check.class})
public final class SettingsCommand {

  /** Creates the command. */
  public SettingsCommand() {}

  /**
   * {@code settings check}: validates one body.
   *
   * @since 0.1.0
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validates the cluster.remote.* settings of a PUT _cluster/settings body with"
            + " Elasticsearch's rules and messages.",
        "Exit 0 valid, 1 invalid, 2 unreadable."
      })
  public static final class Check implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The body; - for standard input.")
    private String file;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    /** Creates the command; picocli fills the fields. */
    public Check() {}

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String text;
      try {
        text = TextInput.read(file, System.in);
        Json.requireObjectBody(file, text);
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        if (json) {
          // --json prints one document, whatever happens
          ObjectNode root = Json.MAPPER.createObjectNode();
          root.put("valid", false);
          root.put("error", e.getMessage());
          out.println(Json.MAPPER.writeValueAsString(root));
        }
        return RemoteClustersCli.INVALID_INPUT;
      }
      SettingsReport report = RemoteClusterSettingsValidator.validate(text);
      if (json) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("valid", report.valid());
        ArrayNode problems = root.putArray("problems");
        for (SettingsProblem p : report.problems()) {
          ObjectNode node = problems.addObject();
          node.put("scope", p.scope() == null ? null : p.scope().id());
          node.put("key", p.key());
          node.put("code", p.code().name());
          node.put("message", p.message());
        }
        out.println(Json.MAPPER.writeValueAsString(root));
      } else if (report.valid()) {
        out.println("valid: Elasticsearch would accept the cluster.remote.* settings");
      } else {
        for (SettingsProblem p : report.problems()) {
          err.println((p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
        }
      }
      if (report.unreadable()) {
        if (!json) {
          err.println("error: [" + file + "] is not JSON");
        }
        return RemoteClustersCli.INVALID_INPUT;
      }
      return report.valid() ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
    }
  }
}
