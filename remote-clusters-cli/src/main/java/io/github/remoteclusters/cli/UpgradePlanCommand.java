package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.upgrade.UpgradeFormatter;
import io.github.remoteclusters.core.upgrade.UpgradePlan;
import io.github.remoteclusters.core.upgrade.UpgradePlanner;
import io.github.remoteclusters.core.upgrade.UpgradeRequest;
import io.github.remoteclusters.core.upgrade.UpgradeResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code upgrade-plan FILE --to VERSION [--target NAME=VERSION]... [--max-per-wave N] [--allow
 * documented|inferred] [--json | --format text|json]}: the waves that upgrade a fleet while every
 * link stays supported. Exit 0 a safe plan exists, 1 none exists, 2 invalid input.
 *
 * @since 0.2.0
 */
@Command(
    name = "upgrade-plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans the upgrade of every cluster of a topology file in waves that keep every link"
          + " supported, whichever clusters of a wave have finished.",
      "Exit 0 a safe plan exists, 1 none exists (the blocking links and ways out are printed),"
          + " 2 invalid input."
    })
public final class UpgradePlanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The topology file.")
  private Path file;

  @Option(names = "--to", paramLabel = "VERSION", description = "The target of every cluster.")
  private String to;

  @Option(
      names = "--target",
      paramLabel = "NAME=VERSION",
      description = "The target of one cluster (repeatable); wins over --to.")
  private List<String> targets = new ArrayList<>();

  @Option(
      names = "--max-per-wave",
      paramLabel = "N",
      description = "At most N clusters upgrade in one wave (default: no limit).")
  private int maxPerWave;

  @Option(
      names = "--allow",
      paramLabel = "documented|inferred",
      description = "The weakest verdicts that keep a link alive: documented (default) trusts only"
          + " Elastic's tables, inferred also documented rules applied beyond them.")
  private String allow = "documented";

  @Option(names = "--json", description = "Print one JSON object (same as --format json).")
  private boolean json;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "text for people (default), json for machines.")
  private Format format = Format.TEXT;

  /** Creates the command; picocli fills the fields. */
  public UpgradePlanCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean asJson = json || format == Format.JSON;
    List<String> errors = new ArrayList<>();
    UpgradeRequest request = request(errors);
    TopologyReadResult read = TopologyReader.read(file);
    if (read instanceof TopologyReadResult.Failed) {
      for (Problem p : read.problems()) {
        errors.add(p.toString());
      }
    }
    if (errors.isEmpty()) {
      UpgradeResult result = UpgradePlanner.create()
          .plan(((TopologyReadResult.Loaded) read).topology(), request);
      if (result instanceof UpgradeResult.Invalid) {
        errors.addAll(((UpgradeResult.Invalid) result).errors());
      } else {
        UpgradePlan plan = ((UpgradeResult.Planned) result).plan();
        out.print(asJson ? UpgradeFormatter.toJson(plan) + "\n" : UpgradeFormatter.toText(plan));
        return plan.possible() ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
      }
    }
    if (asJson) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("possible", false);
      root.putArray("waves");
      root.putArray("blocking");
      ArrayNode list = root.putArray("errors");
      errors.forEach(list::add);
      out.println(Json.MAPPER.writeValueAsString(root));
    }
    for (String e : errors) {
      err.println("error: " + e);
    }
    return RemoteClustersCli.INVALID_INPUT;
  }

  private UpgradeRequest request(List<String> errors) {
    EsVersion fleet = null;
    if (to != null) {
      fleet = version("--to", to, errors);
    }
    Map<String, EsVersion> perCluster = new LinkedHashMap<>();
    for (String t : targets) {
      int eq = t.indexOf('=');
      if (eq <= 0 || eq == t.length() - 1) {
        errors.add("--target [" + t + "] is invalid: expected NAME=VERSION such as hub=9.2.0");
        continue;
      }
      String name = t.substring(0, eq);
      EsVersion v = version("--target " + name, t.substring(eq + 1), errors);
      if (v != null && perCluster.put(name, v) != null) {
        errors.add("--target [" + name + "] is given twice: one target per cluster");
      }
    }
    if (maxPerWave < 0) {
      errors.add("--max-per-wave [" + maxPerWave + "] is invalid: expected 1 or more");
    }
    Basis basis = Basis.DOCUMENTED;
    String a = allow.toLowerCase(Locale.ROOT);
    if (a.equals("inferred")) {
      basis = Basis.INFERRED;
    } else if (!a.equals("documented")) {
      errors.add("--allow [" + allow + "] is invalid: expected documented or inferred");
    }
    if (to == null && targets.isEmpty()) {
      errors.add("no target: give --to VERSION for the fleet or --target NAME=VERSION per cluster");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new UpgradeRequest(fleet, perCluster, maxPerWave, basis);
  }

  private static EsVersion version(String option, String text, List<String> errors) {
    try {
      return EsVersion.parse(text);
    } catch (IllegalArgumentException e) {
      errors.add(option + ": " + e.getMessage());
      return null;
    }
  }
}
