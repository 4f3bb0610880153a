package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.EckResourceStep;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import io.github.remoteclusters.core.plan.StepPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rolling restart per ECK cluster and plan of a topology (issue 19 item 9). ECK rolls the
 * nodes of an {@code Elasticsearch} resource when its config or pod template changes ({@code
 * remoteClusterServer.enabled} writes a new elasticsearch.yml; a trust filter adds config and a
 * volume) and on every change of {@code spec.secureSettings} (its hash is part of the pod
 * template's config hash, ECK's {@code nodespec/podspec.go}; ECK issue #8922): each manifest change
 * is a roll, and the render writes one desired manifest per resource. Here every restarting step
 * that changes an ECK cluster's manifest, of any link, joins that cluster's roll: the last one
 * carries the combined change and names what it combines; the others say where the roll is and
 * carry {@code restartsNodes: false}; the verification of a link whose change waits for the roll
 * says so. Not
 * API.
 */
public final class RollGrouping {

  private RollGrouping() {}

  /** A restarting step of an ECK cluster: its plan's position in the results and its own. */
  private record Member(int result, int step, String alias, StepAction action) {
    String where() {
      return "step " + (step + 1) + " of alias [" + alias + "]";
    }
  }

  /** Restart announcements in a step that no longer restarts: they name the roll instead. */
  private static final Pattern ANNOUNCED =
      Pattern.compile("(?i)\\b(an? |one )?rolling restart|\\brestart the nodes one at a time");

  /**
   * Groups the restarting manifest changes of every ECK cluster into one step.
   *
   * @param topology the topology planned
   * @param results the results, in order (planned and rejected)
   * @return the results with each ECK cluster's restarts in one step
   */
  public static List<PlanResult> group(Topology topology, List<PlanResult> results) {
    Map<String, Cluster> clusters = topology.clustersByName();
    Map<String, List<Member>> byCluster = new LinkedHashMap<>();
    // steps that already left their change to a later step of the same cluster (the API-key links
    // of an ECK local cluster, grouped into the STORE_CREDENTIALS of the last one)
    Map<String, List<Member>> deferring = new LinkedHashMap<>();
    for (int r = 0; r < results.size(); r++) {
      if (!(results.get(r) instanceof PlanResult.Planned)) {
        continue;
      }
      Plan p = ((PlanResult.Planned) results.get(r)).plan();
      for (int s = 0; s < p.steps().size(); s++) {
        PlanStep step = p.steps().get(s);
        Cluster target = clusters.get(step.target());
        if (step.restartsNodes() && target != null && target.deployment() == Deployment.ECK) {
          byCluster.computeIfAbsent(target.name(), k -> new ArrayList<>())
              .add(new Member(r, s, p.alias(), step.action()));
        } else if (target != null && target.deployment() == Deployment.ECK
            && leftToAnotherStep(step.payload())) {
          deferring.computeIfAbsent(target.name(), k -> new ArrayList<>())
              .add(new Member(r, s, p.alias(), step.action()));
        }
      }
    }
    List<PlanResult> out = new ArrayList<>(results);
    Map<Integer, List<PlanStep>> edited = new LinkedHashMap<>();
    // the rolls each plan's verification already waits for
    Map<Integer, Set<Member>> waited = new HashMap<>();
    for (Map.Entry<String, List<Member>> e : byCluster.entrySet()) {
      List<Member> members = e.getValue();
      if (members.size() < 2) {
        continue;
      }
      String cluster = e.getKey();
      Member roll = members.get(members.size() - 1);
      List<Member> earlier = deferring.getOrDefault(cluster, List.of());
      List<String> carried = new ArrayList<>();
      for (Member m : earlier) {
        carried.add(m.action() + " of alias [" + m.alias() + "] (" + m.where() + ")");
      }
      for (Member m : members) {
        carried.add(m.action() + " of alias [" + m.alias() + "] (" + m.where() + ")");
      }
      for (Member m : earlier) {
        List<PlanStep> steps = edited.computeIfAbsent(
            m.result(), k -> new ArrayList<>(planOf(out, k).steps()));
        PlanStep s = steps.get(m.step());
        steps.set(m.step(), with(s, s.description() + "; the one roll of [" + cluster + "] is "
            + roll.where(), null, false));
        if (m.result() != roll.result() && waited(waited, m, roll)) {
          waitForRoll(steps, roll, cluster);
        }
      }
      String combined = "one rolling restart of [" + cluster + "] for: " + String.join(", ", carried);
      for (Member m : members) {
        List<PlanStep> steps = edited.computeIfAbsent(
            m.result(), k -> new ArrayList<>(planOf(out, k).steps()));
        PlanStep s = steps.get(m.step());
        if (m == roll) {
          steps.set(m.step(), with(s, s.description() + "; " + combined,
              "change the Elasticsearch resource of [" + cluster + "] once, with the changes of: "
                  + String.join(", ", carried), true));
        } else {
          String note = "no restart here; the rolling restart is in " + roll.where();
          steps.set(m.step(), with(s,
              note + ": " + deferred(s.description(), "in " + roll.where()),
              "do not change the Elasticsearch resource of [" + cluster + "] for this step alone:"
                  + " " + roll.where() + " carries this change in its one manifest change",
              false));
          if (m.result() != roll.result() && waited(waited, m, roll)) {
            waitForRoll(steps, roll, cluster);
          }
        }
      }
    }
    for (Map.Entry<Integer, List<PlanStep>> e : edited.entrySet()) {
      PlanResult.Planned r = (PlanResult.Planned) out.get(e.getKey());
      Plan p = r.plan();
      out.set(e.getKey(), new PlanResult.Planned(r.index(), new Plan(p.local(), p.remote(),
          p.alias(), p.state(), p.security(), p.connection(), p.skipUnavailable(),
          List.copyOf(e.getValue()), p.warnings())));
    }
    return out;
  }

  private static Plan planOf(List<PlanResult> results, int i) {
    return ((PlanResult.Planned) results.get(i)).plan();
  }

  /**
   * Whether a step's change is already left to another step of its cluster: a STORE_CREDENTIALS
   * the planner grouped into the one of the cluster's last API-key link (its payload says so).
   */
  private static boolean leftToAnotherStep(StepPayload payload) {
    return payload instanceof StepPayload.StoreCredentials c && c.deferred();
  }

  /**
   * Notes that the plan of a member waits for a roll.
   *
   * @return true the first time for that plan and roll
   */
  private static boolean waited(Map<Integer, Set<Member>> waited, Member m, Member roll) {
    return waited.computeIfAbsent(m.result(), k -> new HashSet<>()).add(roll);
  }

  /** The verification of a link whose change is in another step's roll waits for that step. */
  private static void waitForRoll(List<PlanStep> steps, Member roll, String cluster) {
    for (int i = 0; i < steps.size(); i++) {
      PlanStep s = steps.get(i);
      if (s.action() == StepAction.VERIFY_CONNECTED) {
        steps.set(i, with(s, s.description() + "; once " + roll.where() + " has rolled ["
            + cluster + "]", null, s.restartsNodes()));
      }
    }
  }

  private static final Pattern RESTART = Pattern.compile("(?i)\\brestart(s|ed|ing)?\\b");

  /**
   * The words of a change whose roll happens elsewhere: its restart announcements name the roll
   * ("a change rolled out in step N ..."), and what ECK does to the nodes is a roll of that step.
   */
  private static String deferred(String text, String where) {
    String t = ANNOUNCED.matcher(text).replaceAll("a change rolled out " + where);
    Matcher m = RESTART.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String suffix = m.group(1) == null ? "" : m.group(1).toLowerCase(java.util.Locale.ROOT);
      m.appendReplacement(out, "roll" + (suffix.equals("ing") ? "ing" : suffix));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The step with a new description (and, for a manual step, one more instruction line). A
   * STORE_CREDENTIALS that no longer restarts is marked as left to the roll.
   */
  private static PlanStep with(PlanStep s, String description, String line, boolean restarts) {
    StepPayload payload = s.payload();
    if (!restarts && payload instanceof StepPayload.StoreCredentials c && !c.deferred()) {
      payload = new StepPayload.StoreCredentials(c.alias(), c.keyName(), true);
    }
    if (s instanceof ManualStep) {
      ManualStep m = (ManualStep) s;
      List<String> lines = new ArrayList<>();
      for (String l : m.instructions()) {
        lines.add(restarts ? l : deferred(l, "later"));
      }
      if (line != null) {
        lines.add(line);
      }
      return new ManualStep(m.target(), description, payload, List.copyOf(lines), restarts);
    }
    if (s instanceof EckResourceStep) {
      EckResourceStep k = (EckResourceStep) s;
      return new EckResourceStep(k.target(), description, k.resource(), payload, restarts);
    }
    if (s instanceof ElasticsearchRequestStep) {
      ElasticsearchRequestStep q = (ElasticsearchRequestStep) s;
      return new ElasticsearchRequestStep(q.target(), description, payload, restarts);
    }
    throw new IllegalStateException("unknown step " + s.getClass().getName());
  }
}
