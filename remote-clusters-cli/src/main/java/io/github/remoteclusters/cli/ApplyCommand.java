package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.LinkResult;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.core.plan.HttpRequest;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipException;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code apply FILE [--dry-run] [--json]}: makes the clusters of a topology file match it. Reads
 * each local cluster, writes at most one {@code PUT _cluster/settings} per cluster, verifies the
 * changed links; removes links this tool created that the file no longer has. Exit 0 on success,
 * 1 when a step failed, 2 on invalid input.
 *
 * @since 0.1.0
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Makes the clusters of a topology file match it: read, minimal difference, at most one"
          + " PUT _cluster/settings per cluster, verify.",
      "Only aliases this tool created are changed or removed; they are recorded in FILE.owned.json"
          + " beside the topology file (see --ownership).",
      "Clusters are reached at their url, trusting their caFile for HTTPS; credentials come from"
          + " ES_<NAME>_API_KEY, or ES_<NAME>_USER and ES_<NAME>_PASSWORD (NAME: the cluster name"
          + " upper-cased, other characters _), else from the url.",
      "Cross-cluster API keys are created only when --credentials-command can store them.",
      "Exit 0 when every link of the file is in place and connected, 1 when the plan is rejected,"
          + " a step failed or a link this tool owns is not connected (changed or not), 2 when the"
          + " topology or ownership file cannot be used."
    })
public final class ApplyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private TopologyOptions topo = new TopologyOptions();

  @Option(names = "--dry-run", description = "Read only; print the requests that would be sent.")
  private boolean dryRun;

  @Option(
      names = "--verify-timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for changed links to connect; 0 to not wait (default 30).")
  private int verifySeconds = 30;

  @Option(names = "--adopt", description = "Take over aliases that exist but this tool did not create.")
  private boolean adopt;

  @Option(
      names = "--continue-on-failure",
      description = "Go on with the writes of the next clusters after a cluster failed to be read"
          + " or written (a link that does not connect never stops the others).")
  private boolean continueOnFailure;

  @Mixin private CredentialsOptions creds = new CredentialsOptions();

  /** Creates the command; picocli fills the fields. */
  public ApplyCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (verifySeconds < 0) {
      err.println("error: --verify-timeout [" + verifySeconds + "] must be 0 or more");
      return RemoteClustersCli.INVALID_INPUT;
    }
    if (!creds.valid(err)) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    boolean json = topo.json;
    Topology topology = readTopology(topo.file, json, out, err);
    if (topology == null) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    ClusterAccess access = TopologyOptions.access(topology, err);
    if (access == null) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    CredentialWriter credentials = creds.writer();
    ApplyReport report;
    TopologyPlan plan;
    try (Reconciler r =
        Reconciler.builder()
            .access(access)
            .credentials(credentials)
            .ownership(OwnershipStore.jsonFile(topo.ownershipFile(), topo.topologyId()))
            .requestTimeout(topo.requestTimeout)
            .dryRun(dryRun)
            .verifyTimeout(Duration.ofSeconds(verifySeconds))
            .adoptExisting(adopt)
            .continueOnFailure(continueOnFailure)
            .progress(e -> err.println("[" + e.index() + "/" + e.total() + "] " + e.message()))
            .build()) {
      plan = r.plan(topology); // with what this tool owns: removals, migrations, key updates
      report = r.apply(topology, plan);
    }
    if (json) {
      ObjectNode root = toJson(report, plan);
      out.println(Json.MAPPER.writeValueAsString(root));
    } else {
      printText(report, out);
      if (report.dryRun() && !report.rejected()) {
        out.println("plan:");
        out.print(PlanFormatter.toText(plan).indent(2));
      }
    }
    Problems.print(err, report.problems());
    if (unusableOwnership(report)) {
      return RemoteClustersCli.INVALID_INPUT; // an ownership file that cannot be used is bad input
    }
    // a rejected plan is a negative answer to a well-formed topology (as validate and plan say)
    return report.succeeded() ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
  }

  /** Whether a cluster failed because the ownership file is invalid or unreadable (not locked). */
  static boolean unusableOwnership(ApplyReport report) {
    for (ClusterOutcome c : report.clusters()) {
      if (c instanceof ClusterOutcome.Failed f && f.cause().step() == ApplyStep.OWNERSHIP
          && f.cause().getCause() instanceof OwnershipException o
          && o.reason() != OwnershipException.Reason.LOCKED) {
        return true;
      }
    }
    return false;
  }

  /** Reads a topology file, printing problems; null when it cannot be used. */
  static Topology readTopology(Path file, boolean json, PrintWriter out, PrintWriter err)
      throws IOException {
    TopologyReadResult read = TopologyReader.read(file);
    if (read instanceof TopologyReadResult.Failed) {
      TopologyReadResult.Failed failed = (TopologyReadResult.Failed) read;
      if (json) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("clusters");
        root.putArray("links");
        root.set("problems", Json.tree(PlanFormatter.problemsJson(failed.problems())));
        out.println(Json.MAPPER.writeValueAsString(root));
      }
      for (Problem p : failed.problems()) {
        err.println(p);
      }
      return null;
    }
    return read.orElseThrow();
  }

  private static void printText(ApplyReport report, PrintWriter out) {
    if (report.rejected()) {
      out.println("plan rejected: nothing was read or written");
      return;
    }
    for (ClusterOutcome c : report.clusters()) {
      out.println(c.cluster() + ": " + c.status() + " (reads " + c.reads() + ", writes "
          + c.writes() + (report.dryRun() ? ", dry run" : "") + ")");
      if (c instanceof ClusterOutcome.Failed f) {
        out.println("  error: " + f.cause().getMessage());
      }
      if (c instanceof ClusterOutcome.Skipped s) {
        out.println("  " + s.reason());
      }
      if (report.dryRun()) {
        for (HttpRequest r : c.requests()) {
          out.println("  " + r.method() + " " + r.path());
          if (r.body() != null) {
            out.println("  " + r.body());
          }
        }
      }
    }
    for (LinkResult l : report.links()) {
      out.println("  " + l.cluster() + "/" + l.alias() + ": " + l.change().id()
          + (l.status() == null ? "" : ", " + l.status().state().id())
          + (l.status() == null || l.status().diagnosis() == null
              ? "" : " - " + l.status().diagnosis().message()));
    }
    for (PlanStep s : report.notRun()) {
      out.println("not run (" + s.action() + " on " + s.target() + "): " + s.description());
    }
  }

  /**
   * The JSON report: {@code {"dryRun":..,"clusters":[{"name","status","reads","writes","error",
   * "requests"}],"links":[...],"notRun":[...],"problems":[...]}}.
   *
   * @param report the report
   * @return the JSON
   */
  static ObjectNode toJson(ApplyReport report) {
    return toJson(report, null);
  }

  /**
   * The JSON report with what the plan says of each link: a link whose security model changes
   * gets {@code "migration":{"action":"MIGRATE_SECURITY_MODEL","from":..,"to":..}}, and a dry run
   * gets the whole plan ({@code "plan"}, as {@code plan --json} prints it: every removal and
   * migration step with its body).
   *
   * @param report the report
   * @param plan the plan applied, or null
   * @return the JSON
   */
  static ObjectNode toJson(ApplyReport report, TopologyPlan plan) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("dryRun", report.dryRun());
    ArrayNode clusters = root.putArray("clusters");
    for (ClusterOutcome c : report.clusters()) {
      ObjectNode n = clusters.addObject();
      n.put("name", c.cluster());
      n.put("status", c.status());
      n.put("reads", c.reads());
      n.put("writes", c.writes());
      if (c instanceof ClusterOutcome.Failed f) {
        n.put("error", f.cause().getMessage());
      } else if (c instanceof ClusterOutcome.Skipped s) {
        n.put("error", s.reason());
      } else {
        n.putNull("error");
      }
      ArrayNode requests = n.putArray("requests");
      for (HttpRequest r : c.requests()) {
        ObjectNode rn = requests.addObject();
        rn.put("method", r.method());
        rn.put("path", r.path());
        rn.set("body", Json.tree(r.body()));
      }
    }
    ArrayNode links = root.putArray("links");
    for (LinkResult l : report.links()) {
      ObjectNode n = links.addObject();
      n.put("cluster", l.cluster());
      n.put("alias", l.alias());
      n.put("change", l.change().id());
      StepPayload.MigrateSecurityModel m = migration(plan, l.cluster(), l.alias());
      if (m != null) {
        ObjectNode mn = n.putObject("migration");
        mn.put("action", StepAction.MIGRATE_SECURITY_MODEL.name());
        mn.put("from", m.from().id());
        mn.put("to", m.to().id());
      }
      if (l.status() == null) {
        n.putNull("state");
        n.putNull("diagnosis");
      } else {
        n.put("state", l.status().state().id());
        putDiagnosis(n, l.status());
      }
    }
    ArrayNode notRun = root.putArray("notRun");
    for (PlanStep s : report.notRun()) {
      ObjectNode n = notRun.addObject();
      n.put("action", s.action().name());
      n.put("target", s.target());
      n.put("description", s.description());
    }
    root.set("problems", Json.tree(PlanFormatter.problemsJson(report.problems())));
    if (plan != null && report.dryRun()) {
      root.set("plan", Json.tree(PlanFormatter.toJson(plan)));
    }
    return root;
  }

  private static StepPayload.MigrateSecurityModel migration(TopologyPlan plan, String cluster,
      String alias) {
    if (plan == null) {
      return null;
    }
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned p && p.plan().local().equals(cluster)
          && p.plan().alias().equals(alias)) {
        for (PlanStep s : p.plan().steps()) {
          if (s.payload() instanceof StepPayload.MigrateSecurityModel m) {
            return m;
          }
        }
      }
    }
    return null;
  }

  static void putDiagnosis(ObjectNode n, LinkStatus s) {
    if (s.diagnosis() == null) {
      n.putNull("diagnosis");
    } else {
      ObjectNode d = n.putObject("diagnosis");
      d.put("code", s.diagnosis().code().id());
      d.put("message", s.diagnosis().message());
    }
  }

}
