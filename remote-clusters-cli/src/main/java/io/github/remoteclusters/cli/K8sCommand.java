package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.InvalidVersionException;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.EckAdapter;
import io.github.remoteclusters.k8s.EckOptions;
import io.github.remoteclusters.k8s.RenderResult;
import io.github.remoteclusters.k8s.RenderedResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code k8s render FILE [--base PATH] [--format yaml|json]}: the Kubernetes resources (ECK) of a
 * topology file.
 *
 * @since 0.1.0
 */
@Command(
    name = "k8s",
    mixinStandardHelpOptions = true,
    description = "Kubernetes (ECK) resources of remote-cluster links.",
    subcommands = {K8sCommand.Render.class})
public final class K8sCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Creates the command. */
  public K8sCommand() {}

  /** Without a subcommand: prints the usage to standard error and exits 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return RemoteClustersCli.INVALID_INPUT;
  }

  /**
   * {@code k8s render FILE [--format yaml|json]}: prints the resources; exit 0 when rendered, 1
   * when the topology cannot be expressed on ECK (with the reasons on standard error), 2 on invalid
   * input. Secrets carry {@code ::redacted::} placeholders, never credentials.
   *
   * @since 0.1.0
   */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the Kubernetes resources (ECK Elasticsearch partial objects, Secrets, ConfigMaps,"
            + " Services) of a topology file: multi-document YAML, or one JSON List.",
        "Secrets carry ::redacted:: placeholders. Warnings and what is still needed go to"
            + " standard error.",
        "Exit 0 rendered, 1 the topology cannot be expressed on ECK, 2 invalid input."
      })
  public static final class Render implements Callable<Integer> {

    /** Output formats. */
    enum Format {
      YAML,
      JSON
    }

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The topology file.")
    private Path file;

    @Option(
        names = "--format",
        paramLabel = "yaml|json",
        description = "yaml (default, multi-document) or json (one v1 List).")
    private Format format = Format.YAML;

    @Option(names = "--json", description = "Same as --format json.")
    private boolean json;

    @Option(
        names = "--eck-version",
        paramLabel = "VERSION",
        description = "ECK operator version (default 3.3.0); before 3.3 the remote cluster server"
            + " is exposed through a separate LoadBalancer Service.")
    private String eckVersion;

    @Option(
        names = "--base",
        paramLabel = "PATH",
        description = "Your Elasticsearch manifests (a YAML/JSON file, or a folder of them): the"
            + " output holds them whole, with the changes merged into your nodeSets. Without it,"
            + " Elasticsearch objects are patches (marked as such).")
    private Path base;

    /** Creates the command; picocli fills the fields. */
    public Render() {}

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      boolean asJson = json || format == Format.JSON;
      EckOptions options = EckOptions.defaults();
      if (eckVersion != null) {
        // ECK versions, not Elasticsearch ones: the message says which ECK versions are accepted
        try {
          options = options.withEckVersion(EsVersion.parse(eckVersion));
        } catch (InvalidVersionException e) {
          err.println("error: --eck-version [" + eckVersion + "] is invalid: expected an ECK operator"
              + " version MAJOR.MINOR[.PATCH] such as 2.16 or 3.3.0");
          return RemoteClustersCli.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
          err.println("error: --eck-version: " + e.getMessage());
          return RemoteClustersCli.INVALID_INPUT;
        }
      }
      TopologyReadResult read = TopologyReader.read(file);
      if (read instanceof TopologyReadResult.Failed) {
        if (asJson) {
          ObjectNode root = Json.MAPPER.createObjectNode();
          root.set("errors", Json.tree(PlanFormatter.problemsJson(read.problems())));
          out.println(Json.MAPPER.writeValueAsString(root));
        }
        read.problems().forEach(err::println);
        return RemoteClustersCli.INVALID_INPUT;
      }
      Topology topology = read.orElseThrow();
      TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
      List<GenericKubernetesResource> manifests = null;
      if (base != null) {
        try {
          manifests = EckAdapter.readManifests(base);
        } catch (IllegalArgumentException e) {
          err.println("error: --base: " + e.getMessage());
          return RemoteClustersCli.INVALID_INPUT;
        }
      }
      EckAdapter adapter = EckAdapter.of(options);
      RenderResult result =
          manifests == null
              ? adapter.render(topology, plan)
              : adapter.render(topology, plan, manifests);
      if (result instanceof RenderResult.Rejected) {
        if (asJson) {
          ObjectNode root = Json.MAPPER.createObjectNode();
          root.put("rendered", false);
          root.set("problems", Json.tree(PlanFormatter.problemsJson(result.problems())));
          out.println(Json.MAPPER.writeValueAsString(root));
        }
        err.println("error: the topology cannot be expressed on ECK:");
        result.problems().forEach(err::println);
        return RemoteClustersCli.NEGATIVE;
      }
      RenderResult.Rendered rendered = (RenderResult.Rendered) result;
      if (rendered.resources().isEmpty()) {
        err.println("nothing to render: no link of [" + file + "] has an ECK cluster at either end");
      }
      out.print(
          asJson
              ? EckAdapter.toJson(rendered.resources()) + System.lineSeparator()
              : EckAdapter.toYaml(rendered.resources()));
      for (Problem p : rendered.problems()) {
        err.println(p);
      }
      for (String p : rendered.pending()) {
        err.println("needed: " + p);
      }
      for (RenderedResource r : rendered.resources()) {
        if (r.partial()) {
          err.println("patch: " + r.describe() + " holds only the fields remote-clusters sets"
              + (base == null ? "; render with --base YOUR-MANIFESTS for the whole manifest"
                  : "; --base has no manifest for it"));
        }
      }
      return RemoteClustersCli.OK;
    }
  }
}
