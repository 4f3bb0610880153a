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
import io.github.remoteclusters.core.internal.StepTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
   * @return the JSON document, compact
   */
  public static String toJson(TopologyPlan plan) {
    Objects.requireNonNull(plan, "plan");
    ObjectNode root = Json.object();
    ArrayNode links = root.putArray("links");
    for (PlanResult r : plan.links()) {
      links.add(resultTree(r));
    }
    return Json.compact(root);
  }

  /**
   * One link's result as JSON.
   *
   * @param result the result
   * @return the JSON object, compact
   */
  public static String toJson(PlanResult result) {
    return Json.compact(resultTree(Objects.requireNonNull(result, "result")));
  }

  private static ObjectNode resultTree(PlanResult result) {
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
        steps.add(stepTree(s));
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
      (p.isError() ? errors : warnings).add(problemTree(p));
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
   * @return the JSON object, compact
   */
  public static String problemJson(Problem p) {
    return Json.compact(problemTree(Objects.requireNonNull(p, "p")));
  }

  private static ObjectNode problemTree(Problem p) {
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
   * @return the JSON object, compact
   */
  public static String stepJson(PlanStep step) {
    return Json.compact(stepTree(Objects.requireNonNull(step, "step")));
  }

  private static ObjectNode stepTree(PlanStep step) {
    ObjectNode out = Json.object();
    out.put("action", step.action().name());
    out.put("target", step.target());
    out.put("restartsNodes", step.restartsNodes());
    if (step.payload() instanceof StepPayload.MigrateSecurityModel m) {
      out.put("from", m.from().id());
      out.put("to", m.to().id());
    } else if (step.payload() instanceof StepPayload.RemoveCredentials c) {
      out.put("setting", c.setting());
    }
    if (step instanceof ElasticsearchRequestStep) {
      StepTrees.Request r = StepTrees.request(step.payload()).orElseThrow();
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
      out.set("patch", Json.object().set("spec", StepTrees.specPatch(e.payload()).orElseThrow()));
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
      StepTrees.Request r = StepTrees.request(s.payload()).orElseThrow();
      out.append("     ").append(r.method()).append(' ').append(r.path()).append('\n');
      if (r.body() != null) {
        out.append(indent(Json.pretty(r.body()), "     ")).append('\n');
      }
    } else if (s instanceof EckResourceStep) {
      EckResourceStep e = (EckResourceStep) s;
      // custom resources take no strategic-merge directives: show the entries to remove as words
      ObjectNode spec = StepTrees.specPatch(e.payload()).orElseThrow();
      List<String> removed = new ArrayList<>();
      JsonNode entries = spec.get("remoteClusters");
      if (entries != null && entries.isArray()) {
        ArrayNode kept = Json.NODES.arrayNode();
        for (JsonNode entry : entries) {
          if ("delete".equals(entry.path("$patch").asText())) {
            removed.add(entry.path("name").asText());
          } else {
            kept.add(entry);
          }
        }
        if (kept.isEmpty()) {
          spec.remove("remoteClusters");
        } else {
          spec.set("remoteClusters", kept);
        }
      }
      String resource = e.resource().kind() + ' ' + e.resource().namespace() + '/' + e.resource().name();
      if (spec.size() > 0) {
        out.append("     ").append(resource).append(" spec patch")
            .append(spec.has("remoteClusters") ? " (remoteClusters entries merged by name)" : "")
            .append(":\n").append(indent(Json.pretty(spec), "     ")).append('\n');
      }
      if (!removed.isEmpty()) {
        out.append("     ").append(resource).append(": remove the spec.remoteClusters entries named ")
            .append(removed).append('\n');
      }
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
   * The plan as a bash script: {@code curl} for Elasticsearch requests, {@code kubectl patch} for
   * ECK resources, comments for manual steps; rejected links appear as comments.
   *
   * <p>The script starts with {@code set -euo pipefail} and checks that every variable it uses is
   * set. A cluster's URL is its {@code url}, else {@code $<NAME>_URL}; its credentials are {@code
   * $ES_<NAME>_API_KEY} (an encoded API key) or {@code $ES_<NAME>_USER} and {@code
   * $ES_<NAME>_PASSWORD}, where {@code NAME} is the cluster name upper-cased with every other
   * character replaced by {@code _}. Credentials reach {@code curl} on its standard input ({@code
   * -K -}), never on its command line.
   *
   * @param plan the plan
   * @param topology the topology, for the clusters' URLs
   * @return the script
   */
  public static String toCurl(TopologyPlan plan, Topology topology) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(topology, "topology");
    Map<String, Cluster> clusters = topology.clustersByName();
    StringBuilder body = new StringBuilder();
    Set<String> requestTargets = new TreeSet<>();
    for (PlanResult r : plan.links()) {
      if (!(r instanceof PlanResult.Planned)) {
        body.append("\n# link ").append(r.index()).append(" NOT PLANNED:\n");
        for (Problem p : r.problems()) {
          body.append("#   ").append(p.toString().replace('\n', ' ')).append('\n');
        }
        continue;
      }
      Plan p = ((PlanResult.Planned) r).plan();
      body.append("\n# link ").append(r.index()).append(": ").append(p.local()).append(" -> ")
          .append(p.remote()).append(" as [").append(p.alias()).append("]\n");
      for (PlanStep s : p.steps()) {
        body.append("\n# ").append(s.action()).append(" on ").append(s.target()).append(": ")
            .append(s.description().replace('\n', ' ')).append('\n');
        if (s instanceof ElasticsearchRequestStep) {
          requestTargets.add(s.target());
        }
        curlStep(s, clusters.get(s.target()), body);
      }
    }
    StringBuilder out = new StringBuilder("#!/usr/bin/env bash\n# generated by remote-clusters plan\n");
    out.append("set -euo pipefail\n");
    if (!requestTargets.isEmpty()) {
      out.append("\n# Credentials per cluster: ES_<NAME>_API_KEY (an encoded API key), or ES_<NAME>_USER\n")
          .append("# and ES_<NAME>_PASSWORD. They reach curl on its standard input, not its command line.\n");
      for (String name : requestTargets) {
        Cluster c = clusters.get(name);
        String env = envName(name);
        if (c == null || c.url() == null) {
          out.append(": \"${").append(env).append("_URL:?set ").append(env)
              .append("_URL to the Elasticsearch URL of cluster ").append(shellWord(name))
              .append(", such as https://host:9200}\"\n");
        }
        out.append("if [ -z \"${ES_").append(env).append("_API_KEY:-}\" ]; then\n")
            .append("  : \"${ES_").append(env).append("_USER:?set ES_").append(env)
            .append("_API_KEY, or ES_").append(env).append("_USER and ES_").append(env)
            .append("_PASSWORD, for cluster ").append(shellWord(name)).append("}\"\n")
            .append("  : \"${ES_").append(env).append("_PASSWORD:?set ES_").append(env)
            .append("_PASSWORD (or ES_").append(env).append("_API_KEY) for cluster ")
            .append(shellWord(name)).append("}\"\n")
            .append("fi\n");
      }
      out.append("\n# es NAME CURL-ARGS...: curl with the credentials of cluster NAME, given on stdin\n")
          .append("es() {\n")
          .append("  local key=\"ES_$1_API_KEY\" user=\"ES_$1_USER\" password=\"ES_$1_PASSWORD\"\n")
          .append("  shift\n")
          .append("  if [ -n \"${!key:-}\" ]; then\n")
          .append("    printf 'header = \"Authorization: ApiKey %s\"\\n' \"$(curl_config_quote \"${!key}\")\"\n")
          .append("  else\n")
          .append("    printf 'user = \"%s:%s\"\\n' \"$(curl_config_quote \"${!user}\")\""
              + " \"$(curl_config_quote \"${!password}\")\"\n")
          .append("  fi | curl -sS --fail-with-body -K - \"$@\"\n")
          .append("  echo\n")
          .append("}\n")
          .append("curl_config_quote() {\n")
          .append("  local s=${1//\\\\/\\\\\\\\}\n")
          .append("  printf '%s' \"${s//\\\"/\\\\\\\"}\"\n")
          .append("}\n");
    }
    return out.append(body).toString();
  }

  private static void curlStep(PlanStep s, Cluster target, StringBuilder out) {
    if (s instanceof ElasticsearchRequestStep) {
      StepTrees.Request r = StepTrees.request(s.payload()).orElseThrow();
      String env = envName(s.target());
      String url = target != null && target.url() != null
          ? doubleQuoted(Redaction.url(stripSlash(target.url())) + r.path())
          : "\"${" + env + "_URL}" + doubleQuotedText(r.path()) + "\"";
      out.append("es ").append(env).append(" -X ").append(r.method()).append(' ').append(url);
      if (r.body() != null) {
        out.append(" -H 'Content-Type: application/json' -d ").append(shellQuote(Json.compact(r.body())));
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

  /** Text inside double quotes: {@code \\}, {@code "}, {@code $} and {@code `} escaped. */
  private static String doubleQuotedText(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        b.append('\\');
      }
      b.append(c == '\n' ? ' ' : c);
    }
    return b.toString();
  }

  private static String doubleQuoted(String text) {
    return '"' + doubleQuotedText(text) + '"';
  }

  /** A cluster name for a {@code ${VAR:?message}}: its characters cannot end or expand it. */
  private static String shellWord(String name) {
    return "[" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "]";
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
    ObjectNode spec = StepTrees.specPatch(e.payload()).orElseThrow();
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

  /** The cluster's part of its ES_NAME_* variables: the same names apply and status read. */
  private static String envName(String cluster) {
    return environmentPrefix(cluster).substring("ES_".length());
  }

  /**
   * The prefix of the environment variables of a cluster ({@code <prefix>_URL}, {@code
   * <prefix>_API_KEY}, ...) that curl output names and that the applier's environment access
   * reads: one convention for both.
   *
   * @param clusterName the cluster's name
   * @return {@code ES_} and the name upper-cased, every character other than an ASCII letter or
   *     digit replaced by {@code _}: {@code ES_DC_EAST} for {@code dc-east}
   */
  public static String environmentPrefix(String clusterName) {
    StringBuilder b = new StringBuilder("ES_");
    for (char c : Objects.requireNonNull(clusterName, "clusterName").toUpperCase(Locale.ROOT).toCharArray()) {
      b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  /**
   * The problems as JSON objects, in order.
   *
   * @param problems the problems
   * @return the JSON array, compact
   */
  public static String problemsJson(List<Problem> problems) {
    ArrayNode out = Json.NODES.arrayNode();
    for (Problem p : problems) {
      out.add(problemTree(p));
    }
    return Json.compact(out);
  }
}
