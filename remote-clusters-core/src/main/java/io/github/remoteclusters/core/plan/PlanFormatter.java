package io.github.remoteclusters.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Redaction;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.internal.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders plans: text for people, JSON for machines, and shell commands ({@code curl}, {@code
 * kubectl}) for the requests. Secrets never appear: plans carry placeholders, and credentials in
 * cluster URLs are redacted.
 *
 * @since 0.1.0
 */
public final class PlanFormatter {

  private PlanFormatter() {}

  /**
   * The plan as JSON: <code>{"links":[{"local", "remote", "alias", "state", "security", "mode",
   * "steps", "warnings", "errors"}]}</code>.
   *
   * @param plan the plan
   * @return the JSON document
   */
  public static ObjectNode toJson(TopologyPlan plan) {
    Objects.requireNonNull(plan, "plan");
    ObjectNode root = Json.object();
    ArrayNode links = root.putArray("links");
    for (PlanResult r : plan.links()) {
      links.add(toJson(r));
    }
    return root;
  }

  /**
   * One link's result as JSON.
   *
   * @param result the result
   * @return the JSON object
   */
  public static ObjectNode toJson(PlanResult result) {
    ObjectNode out = Json.object();
    if (result instanceof PlanResult.Planned) {
      Plan p = ((PlanResult.Planned) result).plan();
      out.put("local", p.local());
      out.put("remote", p.remote());
      out.put("alias", p.alias());
      out.put("state", p.state().id());
      out.put("security", p.security().id());
      if (p.connection() != null) {
        out.put("mode", p.connection().mode().id());
        out.set("connection", connectionJson(p.connection()));
      }
      if (p.skipUnavailable() != null) {
        out.put("skipUnavailable", p.skipUnavailable());
      }
      ArrayNode steps = out.putArray("steps");
      for (PlanStep s : p.steps()) {
        steps.add(stepJson(s));
      }
    } else if (result instanceof PlanResult.Rejected) {
      Link l = ((PlanResult.Rejected) result).link();
      out.put("local", l.local());
      out.put("remote", l.remote());
      out.put("alias", l.alias());
      out.put("state", l.state().id());
      out.put("security", l.security() == null ? null : l.security().id());
      out.put("mode", l.mode() == null ? null : l.mode().id());
      out.putArray("steps");
    } else {
      throw new IllegalStateException("unknown plan result " + result.getClass());
    }
    ArrayNode warnings = out.putArray("warnings");
    ArrayNode errors = out.putArray("errors");
    for (Problem p : result.problems()) {
      (p.isError() ? errors : warnings).add(problemJson(p));
    }
    return out;
  }

  private static ObjectNode connectionJson(Connection c) {
    ObjectNode out = Json.object();
    if (c instanceof Connection.Sniff) {
      Connection.Sniff s = (Connection.Sniff) c;
      ArrayNode seeds = out.putArray("seeds");
      s.seeds().forEach(seeds::add);
      if (s.nodeConnections() != null) {
        out.put("nodeConnections", s.nodeConnections());
      }
    } else if (c instanceof Connection.Proxy) {
      Connection.Proxy p = (Connection.Proxy) c;
      out.put("proxyAddress", p.address());
      if (p.serverName() != null) {
        out.put("serverName", p.serverName());
      }
      if (p.socketConnections() != null) {
        out.put("proxySocketConnections", p.socketConnections());
      }
    } else {
      throw new IllegalStateException("unknown connection " + c.getClass());
    }
    return out;
  }

  /**
   * A problem as JSON: {@code {"severity", "code", "path", "message"}}.
   *
   * @param p the problem
   * @return the JSON object
   */
  public static ObjectNode problemJson(Problem p) {
    ObjectNode out = Json.object();
    out.put("severity", p.severity().id());
    out.put("code", p.code().name());
    out.put("path", p.path());
    out.put("message", p.message());
    return out;
  }

  /**
   * A step as JSON: {@code action}, {@code target}, {@code kind}, {@code description}, and {@code
   * request}, {@code resource} and {@code patch}, or {@code instructions}.
   *
   * @param step the step
   * @return the JSON object
   */
  public static ObjectNode stepJson(PlanStep step) {
    ObjectNode out = Json.object();
    out.put("action", step.action().name());
    out.put("target", step.target());
    out.put("restartsNodes", step.restartsNodes());
    if (step instanceof ElasticsearchRequestStep) {
      HttpRequest r = ((ElasticsearchRequestStep) step).request();
      out.put("kind", "elasticsearch-request");
      out.put("description", step.description());
      ObjectNode request = out.putObject("request");
      request.put("method", r.method());
      request.put("path", r.path());
      if (r.body() != null) {
        request.set("body", r.body());
      }
    } else if (step instanceof EckResourceStep) {
      EckResourceStep e = (EckResourceStep) step;
      out.put("kind", "eck-resource");
      out.put("description", step.description());
      ObjectNode resource = out.putObject("resource");
      resource.put("kind", e.resource().kind());
      resource.put("name", e.resource().name());
      resource.put("namespace", e.resource().namespace());
      out.set("patch", Json.object().set("spec", e.specPatch()));
    } else if (step instanceof ManualStep) {
      out.put("kind", "manual");
      out.put("description", step.description());
      ArrayNode lines = out.putArray("instructions");
      ((ManualStep) step).instructions().forEach(lines::add);
    } else {
      throw new IllegalStateException("unknown step kind " + step.getClass());
    }
    return out;
  }

  /**
   * The plan as text for people: per link the choices, the numbered steps and the problems.
   *
   * @param plan the plan
   * @return the text
   */
  public static String toText(TopologyPlan plan) {
    Objects.requireNonNull(plan, "plan");
    StringBuilder out = new StringBuilder();
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned) {
        Plan p = ((PlanResult.Planned) r).plan();
        out.append("link ").append(r.index()).append(": ").append(p.local()).append(" -> ")
            .append(p.remote()).append(" as [").append(p.alias()).append("], ")
            .append(p.state().id()).append(", security ").append(p.security().id());
        if (p.connection() != null) {
          out.append(", mode ").append(p.connection().mode().id());
        }
        if (p.skipUnavailable() != null) {
          out.append(", skip_unavailable ").append(p.skipUnavailable());
        }
        out.append('\n');
        int n = 1;
        for (PlanStep s : p.steps()) {
          out.append("  ").append(n++).append(". ").append(s.action()).append(" on ")
              .append(s.target()).append(s.restartsNodes() ? " (restarts its nodes)" : "")
              .append(": ").append(s.description()).append('\n');
          stepText(s, out);
        }
      } else if (r instanceof PlanResult.Rejected) {
        Link l = ((PlanResult.Rejected) r).link();
        out.append("link ").append(r.index()).append(": ").append(l.local()).append(" -> ")
            .append(l.remote()).append(" as [").append(l.alias()).append("]: NOT PLANNED\n");
      } else {
        throw new IllegalStateException("unknown plan result " + r.getClass());
      }
      for (Problem p : r.problems()) {
        out.append("  ").append(p).append('\n');
      }
    }
    return out.toString();
  }

  private static void stepText(PlanStep s, StringBuilder out) {
    if (s instanceof ElasticsearchRequestStep) {
      HttpRequest r = ((ElasticsearchRequestStep) s).request();
      out.append("     ").append(r.method()).append(' ').append(r.path()).append('\n');
      if (r.body() != null) {
        out.append(indent(Json.pretty(r.body()), "     ")).append('\n');
      }
    } else if (s instanceof EckResourceStep) {
      EckResourceStep e = (EckResourceStep) s;
      out.append("     ").append(e.resource().kind()).append(' ').append(e.resource().namespace())
          .append('/').append(e.resource().name()).append(" spec patch:\n")
          .append(indent(Json.pretty(e.specPatch()), "     ")).append('\n');
    } else if (s instanceof ManualStep) {
      for (String line : ((ManualStep) s).instructions()) {
        out.append("     - ").append(line).append('\n');
      }
    } else {
      throw new IllegalStateException("unknown step kind " + s.getClass());
    }
  }

  private static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }

  /**
   * The plan as a shell script: {@code curl} for Elasticsearch requests (URL from the cluster, or
   * a {@code $<NAME>_URL} variable; credentials from {@code $ES_AUTH}), {@code kubectl patch} for
   * ECK resources, comments for manual steps. Rejected links appear as comments.
   *
   * @param plan the plan
   * @param topology the topology, for the clusters' URLs
   * @return the script
   */
  public static String toCurl(TopologyPlan plan, Topology topology) {
    Objects.requireNonNull(plan, "plan");
    Map<String, Cluster> clusters = topology.clustersByName();
    StringBuilder out = new StringBuilder("#!/bin/sh\n# generated by remote-clusters plan\n");
    for (PlanResult r : plan.links()) {
      if (!(r instanceof PlanResult.Planned)) {
        out.append("\n# link ").append(r.index()).append(" NOT PLANNED:\n");
        for (Problem p : r.problems()) {
          out.append("#   ").append(p.toString().replace('\n', ' ')).append('\n');
        }
        continue;
      }
      Plan p = ((PlanResult.Planned) r).plan();
      out.append("\n# link ").append(r.index()).append(": ").append(p.local()).append(" -> ")
          .append(p.remote()).append(" as [").append(p.alias()).append("]\n");
      for (PlanStep s : p.steps()) {
        out.append("\n# ").append(s.action()).append(" on ").append(s.target()).append(": ")
            .append(s.description().replace('\n', ' ')).append('\n');
        curlStep(s, clusters.get(s.target()), out);
      }
    }
    return out.toString();
  }

  private static void curlStep(PlanStep s, Cluster target, StringBuilder out) {
    if (s instanceof ElasticsearchRequestStep) {
      HttpRequest r = ((ElasticsearchRequestStep) s).request();
      String base = target != null && target.url() != null
          ? Redaction.url(stripSlash(target.url()))
          : "${" + envName(s.target()) + "_URL}";
      out.append("curl -sS -u \"$ES_AUTH\" -X ").append(r.method()).append(" '")
          .append(base.replace("'", "'\\''")).append(r.path()).append('\'');
      if (r.body() != null) {
        out.append(" -H 'Content-Type: application/json' -d '")
            .append(Json.compact(r.body()).replace("'", "'\\''")).append('\'');
      }
      out.append('\n');
    } else if (s instanceof EckResourceStep) {
      kubectlPatch((EckResourceStep) s, out);
    } else if (s instanceof ManualStep) {
      for (String line : ((ManualStep) s).instructions()) {
        out.append("#   - ").append(line.replace('\n', ' ')).append('\n');
      }
    } else {
      throw new IllegalStateException("unknown step kind " + s.getClass());
    }
  }

  /**
   * {@code kubectl} commands for an ECK patch. A JSON merge patch replaces lists whole, and
   * Kubernetes has no strategic merge for custom resources, so entries of {@code remoteClusters}
   * are merged by name with {@code jq}: the current list is read, the entries of the patch replace
   * (or, with {@code "$patch": "delete"}, remove) those of the same name, and the whole list is
   * written back. Other links declared on the resource stay as they are.
   */
  private static void kubectlPatch(EckResourceStep e, StringBuilder out) {
    String target =
        e.resource().kind().toLowerCase(Locale.ROOT) + ' ' + e.resource().name() + " -n "
            + e.resource().namespace();
    ObjectNode spec = e.specPatch();
    JsonNode entries = spec.remove("remoteClusters");
    if (spec.size() > 0) {
      out.append("kubectl patch ").append(target).append(" --type merge -p ")
          .append(shellQuote(Json.compact(Json.object().set("spec", spec)))).append('\n');
    }
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      return;
    }
    StringBuilder keep = new StringBuilder();
    ArrayNode added = Json.NODES.arrayNode();
    for (JsonNode entry : entries) {
      keep.append(keep.length() == 0 ? "" : " and ").append(".name != ")
          .append(Json.compact(entry.path("name")));
      if (!"delete".equals(entry.path("$patch").asText())) {
        added.add(entry);
      }
    }
    String jq = "[(.spec.remoteClusters // [])[] | select(" + keep + ")]"
        + (added.isEmpty() ? "" : " + " + Json.compact(added));
    out.append("# spec.remoteClusters is merged by name: a plain merge patch would replace the list\n")
        .append("RC=$(kubectl get ").append(target).append(" -o json | jq -c ")
        .append(shellQuote(jq)).append(")\n")
        .append("kubectl patch ").append(target)
        .append(" --type merge -p \"{\\\"spec\\\":{\\\"remoteClusters\\\":$RC}}\"\n");
  }

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String envName(String cluster) {
    StringBuilder b = new StringBuilder();
    for (char c : cluster.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return b.toString();
  }

  /**
   * The problems as JSON objects, in order.
   *
   * @param problems the problems
   * @return the JSON array
   */
  public static ArrayNode problemsJson(List<Problem> problems) {
    ArrayNode out = Json.NODES.arrayNode();
    for (Problem p : problems) {
      out.add(problemJson(p));
    }
    return out;
  }
}
