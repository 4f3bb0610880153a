package io.github.remoteclusters.core.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.internal.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders upgrade plans: text for people, JSON for machines. Steps print the way {@code plan}
 * prints them: numbered, with the action, the target cluster and the requests.
 *
 * @since 0.2.0
 */
public final class UpgradeFormatter {

  private UpgradeFormatter() {}

  /**
   * The plan as one JSON document: <code>{"possible", "minimal", "lowerBound", "waves":
   * [{"wave", "upgrades": [{"cluster", "from", "to"}], "steps", "links"}], "blocking": [{"local",
   * "remote", "alias", "use", "reason", ...}], "waysOut", "notes"}</code>.
   *
   * @param plan the plan
   * @return the JSON text, on one line
   */
  public static String toJson(UpgradePlan plan) {
    Objects.requireNonNull(plan, "plan");
    ObjectNode root = Json.object();
    root.put("possible", plan.possible());
    root.put("minimal", plan.minimal());
    root.put("lowerBound", plan.lowerBound());
    ArrayNode waves = root.putArray("waves");
    for (Wave w : plan.waves()) {
      ObjectNode wave = waves.addObject();
      wave.put("wave", w.number());
      ArrayNode upgrades = wave.putArray("upgrades");
      for (ClusterUpgrade u : w.upgrades()) {
        upgrades.addObject()
            .put("cluster", u.cluster())
            .put("from", u.from().toString())
            .put("to", u.to().toString());
      }
      steps(wave.putArray("steps"), w.steps());
      ArrayNode links = wave.putArray("links");
      for (LinkCheck c : w.links()) {
        check(links.addObject(), c);
      }
    }
    ArrayNode blocking = root.putArray("blocking");
    for (BlockingLink b : plan.blocking()) {
      ObjectNode o = blocking.addObject()
          .put("local", b.local())
          .put("remote", b.remote())
          .put("alias", b.alias())
          .put("use", b.use().id())
          .put("reason", b.reason());
      o.put("localVersion", b.check().localVersion().toString());
      o.put("remoteVersion", b.check().remoteVersion().toString());
      o.put("rule", b.check().rule().name());
      o.put("basis", b.check().basis().id());
    }
    ArrayNode ways = root.putArray("waysOut");
    for (WayOut w : plan.waysOut()) {
      ObjectNode o = ways.addObject().put("kind", w.kind().id()).put("summary", w.summary());
      ObjectNode targets = o.putObject("targets");
      new TreeMap<>(w.targets()).forEach((k, v) -> targets.put(k, v.toString()));
      steps(o.putArray("before"), w.before());
      steps(o.putArray("after"), w.after());
      o.put("waves", w.waves());
    }
    ArrayNode notes = root.putArray("notes");
    plan.notes().forEach(notes::add);
    try {
      return Json.JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void steps(ArrayNode out, List<UpgradeStep> steps) {
    for (UpgradeStep s : steps) {
      ObjectNode o = out.addObject()
          .put("action", s.action().name())
          .put("target", s.target())
          .put("description", s.description());
      ArrayNode requests = o.putArray("requests");
      for (StepRequest r : s.requests()) {
        requests.addObject().put("method", r.method()).put("path", r.path());
      }
      ArrayNode lines = o.putArray("instructions");
      s.instructions().forEach(lines::add);
    }
  }

  private static void check(ObjectNode o, LinkCheck c) {
    o.put("local", c.local())
        .put("remote", c.remote())
        .put("alias", c.alias())
        .put("use", c.use().id())
        .put("localVersion", c.localVersion().toString())
        .put("remoteVersion", c.remoteVersion().toString())
        .put("supported", c.supported())
        .put("rule", c.rule().name())
        .put("basis", c.basis().id())
        .put("reason", c.reason());
  }

  /**
   * The plan as text: per wave the upgrades, the numbered steps with their requests and the rule
   * that keeps each link alive; or the blocking links and the ways out.
   *
   * @param plan the plan
   * @return the text
   */
  public static String toText(UpgradePlan plan) {
    Objects.requireNonNull(plan, "plan");
    StringBuilder out = new StringBuilder();
    if (plan.possible()) {
      out.append("upgrade plan: ").append(plan.waves().size())
          .append(plan.waves().size() == 1 ? " wave" : " waves")
          .append(plan.minimal() ? " (minimal)" : " (heuristic; at least " + plan.lowerBound()
              + " needed)")
          .append('\n');
      for (Wave w : plan.waves()) {
        out.append("\nwave ").append(w.number()).append(':');
        for (ClusterUpgrade u : w.upgrades()) {
          out.append(' ').append(u.cluster()).append(' ').append(u.from()).append(" -> ")
              .append(u.to()).append(u == w.upgrades().get(w.upgrades().size() - 1) ? "" : ",");
        }
        out.append('\n');
        steps(out, w.steps(), "  ");
        if (!w.links().isEmpty()) {
          out.append("  links kept alive, whichever clusters of the wave have finished:\n");
          Map<String, StringBuilder> byLink = new TreeMap<>();
          for (LinkCheck c : w.links()) {
            String key = c.local() + " -> " + c.remote() + " [" + c.alias() + "] " + c.use().id();
            StringBuilder line = byLink.computeIfAbsent(key, k -> new StringBuilder());
            line.append(line.length() == 0 ? "" : "; ").append(c.localVersion()).append(" -> ")
                .append(c.remoteVersion()).append(' ').append(c.rule().name()).append(" (")
                .append(c.basis().id()).append(')');
          }
          byLink.forEach((k, v) -> out.append("     ").append(k).append(": ").append(v)
              .append('\n'));
        }
      }
    } else {
      out.append("no safe upgrade order\n");
      if (!plan.blocking().isEmpty()) {
        out.append("\nblocking links:\n");
        for (BlockingLink b : plan.blocking()) {
          out.append("  ").append(b.local()).append(" -> ").append(b.remote()).append(" [")
              .append(b.alias()).append("] ").append(b.use().id()).append(": ").append(b.reason())
              .append('\n');
        }
      }
      if (!plan.waysOut().isEmpty()) {
        out.append("\nways out:\n");
        for (WayOut w : plan.waysOut()) {
          out.append("  - ").append(w.summary()).append('\n');
          if (!w.before().isEmpty()) {
            out.append("    before the first wave:\n");
            steps(out, w.before(), "      ");
            out.append("    after the last wave:\n");
            steps(out, w.after(), "      ");
          }
        }
      }
    }
    if (!plan.notes().isEmpty()) {
      out.append("\nnotes:\n");
      plan.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
    }
    return out.toString();
  }

  private static void steps(StringBuilder out, List<UpgradeStep> steps, String indent) {
    int n = 1;
    for (UpgradeStep s : steps) {
      out.append(indent).append(n++).append(". ").append(s.action()).append(" on ")
          .append(s.target()).append(": ").append(s.description()).append('\n');
      for (StepRequest r : s.requests()) {
        out.append(indent).append("   ").append(r).append('\n');
      }
      for (String line : s.instructions()) {
        out.append(indent).append("   - ").append(line).append('\n');
      }
    }
  }
}
