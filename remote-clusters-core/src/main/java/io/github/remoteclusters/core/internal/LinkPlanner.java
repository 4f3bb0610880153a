package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.remoteclusters.compat.FeatureAvailability;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.AccessValidator;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks and plans one link at a time. Not API. */
public final class LinkPlanner {

  /** The default port of the remote cluster server (API-key model). */
  public static final int REMOTE_CLUSTER_PORT = io.github.remoteclusters.core.EckNames.REMOTE_CLUSTER_PORT;
  /** The default transport port (certificate model, self-managed and ECK). */
  public static final int TRANSPORT_PORT = io.github.remoteclusters.core.EckNames.TRANSPORT_PORT;
  /** The port Elastic Cloud proxies take certificate-model connections on. */
  public static final int CLOUD_TRANSPORT_PORT = io.github.remoteclusters.core.EckNames.CLOUD_TRANSPORT_PORT;

  private final Topology topology;
  private final Map<String, Cluster> clusters;
  private final PlannerCaches caches;

  /** A planner for the links of one topology. */
  public LinkPlanner(Topology topology, AccessValidator accessValidator) {
    this.topology = topology;
    this.clusters = topology.clustersByName();
    this.caches = new PlannerCaches(accessValidator);
  }

  /**
   * Plans link {@code index}.
   *
   * @param index the link's position
   * @param aliasFirstUse the index of an earlier link of the same local cluster and alias, or null
   */
  public PlanResult plan(int index, Integer aliasFirstUse) {
    return plan(index, aliasFirstUse, null);
  }

  /**
   * Plans link {@code index} with what the ownership record says it made.
   *
   * @param index the link's position
   * @param aliasFirstUse the index of an earlier link of the same local cluster and alias, or null
   * @param owned the link's footprint, or null when this tool does not own it
   */
  public PlanResult plan(int index, Integer aliasFirstUse, LinkFootprint owned) {
    LinkDecision d = check(index, aliasFirstUse);
    Context c = d.context();
    if (c.link.state() == LinkState.ABSENT) {
      return c.result(() -> removalPlan(c, d.security(), owned));
    }
    return c.result(() -> presentPlan(c, d.security(), d.connection(), d.skipUnavailable(), owned));
  }

  /**
   * The removal of an owned link the topology no longer has, planned from its footprint; null
   * when its local cluster is not in the topology (it cannot be reached).
   *
   * @param index the position given to the result (after the topology's links)
   * @param owned the footprint
   * @return the result, or null
   */
  public PlanResult removal(int index, LinkFootprint owned) {
    Cluster local = clusters.get(owned.local());
    if (local == null) {
      return null;
    }
    SecurityModel security = owned.security() != null ? owned.security()
        : owned.apiKey() ? SecurityModel.API_KEY : SecurityModel.CERTIFICATE;
    String remote = owned.remote() != null ? owned.remote() : "";
    return new PlanResult.Planned(index, new Plan(local.name(), remote, owned.alias(),
        LinkState.ABSENT, security, null, null, StepWriter.removalOf(owned, local), List.of()));
  }

  /**
   * Runs the checks of link {@code index} without building steps.
   *
   * @param index the link's position
   * @param aliasFirstUse the index of an earlier link of the same local cluster and alias, or null
   */
  public List<Problem> problems(int index, Integer aliasFirstUse) {
    return check(index, aliasFirstUse).context().problems;
  }

  private LinkDecision check(int index, Integer aliasFirstUse) {
    Link link = topology.links().get(index);
    Context c = new Context(index, link, clusters.get(link.local()), clusters.get(link.remote()));
    if (aliasFirstUse != null) {
      c.report(
          ProblemCode.ALIAS_COLLISION,
          "alias",
          "alias [" + link.alias() + "] is already used on cluster [" + link.local() + "] by links["
              + aliasFirstUse + "]");
    }
    if (link.local().equals(link.remote())) {
      c.report(
          ProblemCode.SELF_LINK,
          "remote",
          "a link needs two clusters: local and remote are both [" + link.local() + "]");
    } else if (c.local != null && c.remote != null && c.local.eck() != null
        && c.local.sameEckEnvironment(c.remote)
        && c.local.eck().name().equals(c.remote.eck().name())
        && c.local.eck().namespace().equals(c.remote.eck().namespace())) {
      // two cluster names, one Elasticsearch resource: only the ECK coordinates show it
      c.report(
          ProblemCode.SELF_LINK,
          "remote",
          "link [" + link.alias() + "] connects cluster [" + link.local() + "] to itself"
              + " (Elasticsearch " + c.local.eck().environment() + "/"
              + c.local.eck().namespace() + "/" + c.local.eck().name() + ")");
    }
    FeatureAvailability apiKeys = caches.apiKeys(c);
    SecurityModel security = LinkDecisions.security(c, apiKeys);
    if (link.state() == LinkState.ABSENT) {
      return new LinkDecision(c, security, null, false);
    }
    LinkChecks.checkSecurity(c, security, apiKeys);
    LinkChecks.checkAccess(c, security, caches);
    LinkChecks.checkUses(c, security);
    LinkChecks.checkVersions(c);
    LinkChecks.checkLicence(c, security);
    LinkChecks.checkCloudAlias(c, security);
    LinkChecks.checkTrustRestrictions(c, security);
    LinkChecks.checkPublicTransportCa(c, security);
    LinkChecks.checkTrustFilterPeers(c, security, certificatePeers());
    Connection connection = LinkDecisions.connection(c, security);
    boolean skip = LinkDecisions.skipUnavailable(c);
    return new LinkDecision(c, security, connection, skip);
  }

  // ---------------------------------------------------------------- checks

  private Map<String, List<LinkChecks.PeerLink>> certificatePeers;
  private Map<String, List<StepWriter.RollMember>> rollGroups;

  /**
   * Per ECK local cluster, its API-key links outside one ECK environment that pass their checks,
   * in topology order: their changes of the local resource make one rolling restart, in the step
   * of the last one (built once per topology, on first use).
   */
  Map<String, List<StepWriter.RollMember>> rollGroups() {
    if (rollGroups != null) {
      return rollGroups;
    }
    Map<String, List<StepWriter.RollMember>> out = new java.util.HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Link> links = topology.links();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      Cluster local = clusters.get(l.local());
      Cluster remote = clusters.get(l.remote());
      if (l.state() == LinkState.ABSENT || local == null || remote == null
          || local.deployment() != io.github.remoteclusters.core.Deployment.ECK
          || local.sameEckEnvironment(remote) || !seen.add(l.local() + "\n" + l.alias())) {
        continue;
      }
      LinkDecision d = check(i, null);
      if (d.security() == SecurityModel.API_KEY
          && d.context().problems.stream().noneMatch(Problem::isError)) {
        out.computeIfAbsent(local.name(), k -> new ArrayList<>())
            .add(new StepWriter.RollMember(i, l.alias(), remote));
      }
    }
    rollGroups = out;
    return out;
  }

  /**
   * Per cluster, its present certificate-model links to ECK clusters, built once per topology on
   * first use: the trust filter of an ECK cluster must admit those peers.
   */
  Map<String, List<LinkChecks.PeerLink>> certificatePeers() {
    if (certificatePeers != null) {
      return certificatePeers;
    }
    Map<String, List<LinkChecks.PeerLink>> out = new java.util.HashMap<>();
    List<Link> links = topology.links();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      Cluster a = clusters.get(l.local());
      Cluster b = clusters.get(l.remote());
      if (l.state() == LinkState.ABSENT || a == null || b == null || a == b
          || (a.eck() == null && b.eck() == null)) {
        continue; // only a link with an ECK end makes a certificate peer
      }
      Context probe = new Context(i, l, a, b);
      if (LinkDecisions.security(probe, caches.apiKeys(probe)) != SecurityModel.CERTIFICATE) {
        continue;
      }
      if (b.eck() != null) {
        out.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(new LinkChecks.PeerLink(i, b));
      }
      if (a.eck() != null) {
        out.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(new LinkChecks.PeerLink(i, a));
      }
    }
    certificatePeers = out;
    return out;
  }

  // ---------------------------------------------------------------- plans

  private Plan presentPlan(
      Context c, SecurityModel security, Connection connection, boolean skip, LinkFootprint owned) {
    List<PlanStep> steps = new StepWriter(caches.steps, c.local, c.remote, c.link, c.access, security, connection)
        .certificatePeers(c.index, certificatePeers())
        .roll(rollGroups().getOrDefault(c.local.name(), List.of()))
        .owned(owned)
        .present();
    return new Plan(
        c.local.name(), c.remote.name(), c.link.alias(), LinkState.PRESENT, security, connection,
        skip, steps, c.problems);
  }

  private Plan removalPlan(Context c, SecurityModel security, LinkFootprint owned) {
    List<PlanStep> steps = new StepWriter(caches.steps, c.local, c.remote, c.link, c.access, security, null).owned(owned).absent();
    return new Plan(
        c.local.name(), c.remote.name(), c.link.alias(), LinkState.ABSENT, security, null, null,
        steps, c.problems);
  }

  /** The link being planned and the problems found so far. */
  static final class Context {
    final int index;
    private String path;
    final Link link;
    final Cluster local;
    final Cluster remote;
    final List<Problem> problems = new ArrayList<>();
    final CrossClusterAccess access;

    Context(int index, Link link, Cluster local, Cluster remote) {
      this.access = link.access();
      this.index = index;
      this.link = link;
      this.local = local;
      this.remote = remote;
    }

    boolean sameEckEnvironment() {
      return local.sameEckEnvironment(remote) && local != remote;
    }

    /** {@code links[i]}, built on the first problem: most links have none. */
    String path() {
      if (path == null) {
        path = "links[" + index + "]";
      }
      return path;
    }

    /** Adds a problem at {@code links[i].<key>}; the code decides error or warning. */
    void report(ProblemCode code, String key, String message) {
      problems.add(new Problem(code, path() + "." + key, message));
    }

    PlanResult result(java.util.function.Supplier<Plan> plan) {
      for (Problem p : problems) {
        if (p.isError()) {
          return new PlanResult.Rejected(index, link, problems);
        }
      }
      return new PlanResult.Planned(index, plan.get());
    }
  }

  static ArrayNode array(String... values) {
    ArrayNode a = Json.NODES.arrayNode();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }
}
