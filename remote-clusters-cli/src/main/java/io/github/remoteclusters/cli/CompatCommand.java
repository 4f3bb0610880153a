package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.InvalidVersionException;
import io.github.remoteclusters.compat.Use;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compat LOCAL REMOTE [--use search|replication|esql|eql] [--json]}: whether a cluster on
 * LOCAL can use a remote cluster on REMOTE. Exit 0 when supported, 1 when not (or when it cannot
 * be decided), 2 on invalid input.
 *
 * @since 0.1.0
 */
@Command(
    name = "compat",
    mixinStandardHelpOptions = true,
    description = {
      "Checks whether a cluster on LOCAL can search (or replicate from, with --use replication)"
          + " a remote cluster on REMOTE.",
      "Exit 0 supported, 1 not supported or undecided, 2 invalid input."
    })
public final class CompatCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LOCAL", description = "Local cluster version (the follower for replication).")
  private String local;

  @Parameters(index = "1", paramLabel = "REMOTE", description = "Remote cluster version (the leader for replication).")
  private String remote;

  @Option(
      names = "--use",
      paramLabel = "search|replication|esql|eql",
      description = "What the local cluster does with the remote (default: search).",
      converter = UseConverter.class)
  private Use use = Use.SEARCH;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  /** Creates the command; picocli fills the fields. */
  public CompatCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    EsVersion l;
    EsVersion r;
    try {
      l = EsVersion.parse(local);
      r = EsVersion.parse(remote);
    } catch (InvalidVersionException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return RemoteClustersCli.INVALID_INPUT;
    }
    CompatibilityVerdict v = Compatibility.check(use, l, r);
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(toJson(v)));
    } else {
      String answer;
      if (v.basis() == Basis.UNKNOWN) {
        answer = "undecided";
      } else {
        answer = v.supported() ? "supported" : "not supported";
      }
      out.println(use.id() + " " + l + " -> " + r + ": " + answer + " (" + v.basis().id() + ")");
      out.println(v.reason());
      out.println("wire: " + v.wire().reason());
    }
    return v.supported() ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
  }

  /**
   * The JSON form of a verdict, with the stable field names of the {@code compat} command.
   *
   * @param v the verdict
   * @return the JSON object
   */
  static ObjectNode toJson(CompatibilityVerdict v) {
    ObjectMapper m = Json.MAPPER;
    ObjectNode node = m.createObjectNode();
    node.put("local", v.local().toString());
    node.put("remote", v.remote().toString());
    node.put("use", v.use().id());
    node.put("supported", v.supported());
    node.put("basis", v.basis().id());
    if (v.wire().basis() == Basis.UNKNOWN) {
      node.putNull("wireCompatible");
    } else {
      node.put("wireCompatible", v.wire().compatible());
    }
    node.put("reason", v.reason());
    node.put("rule", v.rule().name());
    node.put("wireReason", v.wire().reason());
    return node;
  }
}
