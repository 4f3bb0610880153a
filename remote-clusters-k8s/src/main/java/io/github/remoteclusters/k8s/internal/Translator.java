package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.EckNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.CaTrust;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.ServiceExposure;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TrustRestrictions;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepEncoder;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.Credential;
import io.github.remoteclusters.k8s.EckOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Executes the core's plan of a topology for ECK: turns its typed steps into the desired state of
 * each ECK {@code Elasticsearch} resource. Connection settings, {@code spec.remoteClusters} entries,
 * exposed Services and the security model are the plan's; the topology gives only facts (ECK
 * coordinates, CAs, Service types). The checks of the clusters themselves (resource name
 * lengths, a remote cluster server before 8.10) are the plan's too ({@code
 * TopologyPlan.clusterProblems()}). {@link EckSteps} says what it does with each kind of step.
 */
public final class Translator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String UNMANAGED =
      "; to keep this, link the clusters outside ECK's automation: give them different ECK"
          + " environments, so that the link is configured through settings, secure settings and"
          + " a cross-cluster API key you create";

  /** The outcome. */
  public static final class Translation {
    /** Desired state per resource. */
    public final Map<EsKey, EsDesired> clusters = new TreeMap<>();
    /** One plan per present link, in topology order. */
    public final List<LinkPlan> links = new ArrayList<>();
    /** Links that are absent in the topology. */
    public final List<Link> absent = new ArrayList<>();
    /** Problems found. */
    public final List<Problem> problems = new ArrayList<>();

    /** {@return true when a problem is an error} */
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private final EckOptions options;
  private final TopologyPlan plan;
  private final Map<Integer, PlanResult> planned = new HashMap<>();
  private final List<Problem> mine = new ArrayList<>();
  private final Translation out = new Translation();

  private Translator(EckOptions options, TopologyPlan plan) {
    this.options = options;
    this.plan = plan;
    plan.links().forEach(r -> planned.put(r.index(), r));
  }

  /**
   * Translates a topology with the core's plan of it: the plan's problems come first, its ECK
   * patches and settings are the source of the resources, and the ECK-specific checks add what
   * the plan does not already say about a link.
   *
   * @param topology the topology
   * @param plan the core's plan of the same topology
   * @param options the options
   * @return the translation
   */
  public static Translation translate(Topology topology, TopologyPlan plan, EckOptions options) {
    if (plan.links().size() != topology.links().size()) {
      throw new IllegalArgumentException(
          "the plan has " + plan.links().size() + " links but the topology has "
              + topology.links().size() + ": render and reconcile with the plan of this topology");
    }
    Translator t = new Translator(options, plan);
    t.run(topology);
    t.finish();
    return t.out;
  }

  private void finish() {
    for (Problem p : plan.problems()) {
      if (p.code() == ProblemCode.ECK_UNSUPPORTED && !p.message().contains(UNMANAGED)) {
        out.problems.add(new Problem(p.code(), p.path(), p.message() + UNMANAGED));
      } else {
        out.problems.add(p);
      }
    }
    // the core's problems first, those of the clusters themselves (ECK names, its webhook) after
    // those of the links; ours are only what rendering for ECK adds about links
    out.problems.addAll(plan.clusterProblems());
    out.problems.addAll(mine);
    for (LinkPlan lp : out.links) {
      String prefix = "links[" + lp.index + "]";
      for (Problem p : out.problems) {
        if (p.isError() && linkPrefix(p.path()).equals(prefix)) {
          lp.errors.add(p.message());
        }
      }
    }
  }

  private static String linkPrefix(String path) {
    int end = path.indexOf(']');
    return path.startsWith("links[") && end > 0 ? path.substring(0, end + 1) : path;
  }

  private Optional<PlanResult.Planned> planOf(int index) {
    PlanResult r = planned.get(index);
    return r instanceof PlanResult.Planned ? Optional.of((PlanResult.Planned) r) : Optional.empty();
  }

  /** The {@code spec.remoteClusters} entry of the core's plan for a link, if it made one. */
  private Optional<ObjectNode> plannedEntry(int index, String local) {
    for (PlanStep s : planOf(index).map(p -> p.plan().steps()).orElse(List.of())) {
      if (s.payload() instanceof StepPayload.DeclareEckRemoteCluster declare
          && s.target().equals(local)) {
        return Optional.of((ObjectNode) Serialization.parse(StepEncoder.eckRemoteCluster(declare)));
      }
    }
    return Optional.empty();
  }

  /** The alias's {@code cluster.remote.<alias>.*} values of the core's plan (nulls left out). */
  private Optional<Map<String, JsonNode>> plannedSettings(int index, String local, String alias) {
    for (PlanStep s : planOf(index).map(p -> p.plan().steps()).orElse(List.of())) {
      if (s.payload() instanceof StepPayload.PutRemoteSettings put
          && s.target().equals(local) && put.alias().equals(alias)) {
        Map<String, JsonNode> out = new TreeMap<>();
        Serialization.parse(StepEncoder.remoteSettings(put)).properties().forEach(e -> {
          if (!e.getValue().isNull()) {
            out.put(EckNames.remoteSetting(alias, e.getKey()), e.getValue());
          }
        });
        return Optional.of(out);
      }
    }
    return Optional.empty();
  }

  /**
   * The key of an ECK cluster.
   *
   * @param c the cluster
   * @return its key, or null when not on ECK
   */
  public static EsKey keyOf(Cluster c) {
    return c.eck() == null ? null : new EsKey(c.eck().environment(), c.eck().namespace(), c.eck().name());
  }

  private EsDesired desired(Cluster c) {
    EsKey key = keyOf(c);
    return out.clusters.computeIfAbsent(key, k -> new EsDesired(k, c));
  }

  private void problem(ProblemCode code, String path, String message) {
    mine.add(new Problem(code, path, message));
  }

  private Map<String, Cluster> byName = Map.of();

  private void run(Topology topology) {
    byName = topology.clustersByName();
    List<Cluster> clusters = topology.clusters();
    for (int i = 0; i < clusters.size(); i++) {
      Cluster c = clusters.get(i);
      if (c.eck() != null) {
        desired(c);
      }
    }
    List<Link> links = topology.links();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      String path = "links[" + i + "]";
      if (l.state() == LinkState.ABSENT) {
        out.absent.add(l);
        continue;
      }
      link(i, path, l, byName.get(l.local()), byName.get(l.remote()));
    }
    for (EsDesired d : out.clusters.values()) {
      if (!d.remoteCas.isEmpty()) {
        ArrayNode cas = NODES.arrayNode();
        // Only ours: ECK merges nodeSet config into its own with ucfg.AppendValues, so lists are
        // appended to the CAs ECK sets itself (when spec.remoteClusters has an apiKey entry).
        d.remoteCas.keySet()
            .forEach(a -> cas.add(EckNames.REMOTE_CERTS_MOUNT + "/" + EckNames.remoteCaKey(a)));
        d.config.put("xpack.security.remote_cluster_client.ssl.certificate_authorities", cas);
      }
    }
  }

  private void link(int index, String path, Link l, Cluster local, Cluster remote) {
    EsKey lk = keyOf(local);
    EsKey rk = keyOf(remote);
    boolean sameEnv = local.sameEckEnvironment(remote);
    LinkPlan plan = new LinkPlan(index, l, local, lk, rk, sameEnv);
    out.links.add(plan);
    Optional<PlanResult.Planned> planned = planOf(index);
    if (planned.isEmpty()) {
      // the core rejected the link; its problems say why, in the core's words
      return;
    }
    SecurityModel model = planned.get().plan().security();
    plan.apiKey = model == SecurityModel.API_KEY;
    if (lk == null && rk == null) {
      // Nothing on Kubernetes: the core's planner handles the link through the REST APIs.
      return;
    }
    for (PlanStep s : planned.get().plan().steps()) {
      if (EckSteps.handling(s.payload().getClass()) == EckSteps.Handling.REFUSED) {
        problem(ProblemCode.ECK_UNSUPPORTED, path, EckSteps.refusal(s.payload()));
        return;
      }
    }
    if (sameEnv) {
      sameEnvironment(index, path, l, local, remote, model);
    } else {
      if (lk != null) {
        localSide(plan, l, local, remote, model);
      }
      if (rk != null) {
        remoteSide(plan, local, remote, model, planned.get().plan());
      }
    }
  }

  // ---------------------------------------------------------------- same ECK environment

  private void sameEnvironment(
      int index, String path, Link l, Cluster local, Cluster remote, SecurityModel model) {
    if (model == SecurityModel.API_KEY) {
      // the core's plan warns that the server is off and enables it first
      desired(remote).remoteClusterServer = true;
    }
    ObjectNode entry = plannedEntry(index, local.name()).orElseThrow(() -> new IllegalStateException(
        "the plan of link [" + l.alias() + "] declares no ECK remote cluster on [" + local.name()
            + "]; an executor does not re-derive it"));
    desired(local).remoteClusters.put(l.alias(), entry);
  }

  // ---------------------------------------------------------------- ECK not automating the link

  private void localSide(
      LinkPlan plan, Link l, Cluster local, Cluster remote, SecurityModel model) {
    EsDesired d = desired(local);
    String alias = l.alias();
    boolean apiKey = model == SecurityModel.API_KEY;
    stackConfigPolicyLicence(plan.index, local);
    d.configAliases.add(alias);
    // every cluster.remote.<alias>.* value is the plan's: mode, seeds or proxy_address,
    // server_name, counts, skip_unavailable and transport options
    Map<String, JsonNode> fromPlan = plannedSettings(plan.index, local.name(), alias)
        .orElseThrow(() -> new IllegalStateException(
            "the plan of link [" + alias + "] puts no remote settings on [" + local.name()
                + "]; an executor does not re-derive them"));
    Map<String, JsonNode> settings = connectionSettings(local);
    settings.keySet().removeIf(k -> k.startsWith(EckNames.remoteSettingPrefix(alias)));
    settings.putAll(fromPlan);
    if (apiKey) {
      if (!remote.remoteClusterServerEnabled() && remote.eck() == null) {
        // the core's plan warns (REMOTE_CLUSTER_SERVER_DISABLED); here it is only pending
        plan.pending.add(
            "remote_cluster_server.enabled: true on [" + remote.name() + "] (not on Kubernetes,"
                + " so not done here)");
      }
      Optional<Credential> key = options.materials().apiKey(l);
      d.credentials.put(alias, key);
      if (key.isEmpty()) {
        plan.pending.add(
            "the encoded cross-cluster API key for [" + alias + "], created on [" + remote.name()
                + "] (the core's plan names it remote-clusters-" + local.name() + "-" + alias
                + "; never eck-...: ECK owns that prefix and invalidates such keys)");
      }
      d.config.put("xpack.security.remote_cluster_client.ssl.enabled", NODES.booleanNode(true));
      d.fileBasedSecureSettings = local.fileBasedSecureSettings();
      CaTrust stated = remote.remoteClusterCa();
      if (stated == null && remote.deployment() == Deployment.ECH) {
        stated = CaTrust.PUBLIC; // ECH's proxies present publicly trusted certificates
      }
      Optional<String> ca =
          stated != null && stated.isPublic()
              ? Optional.empty()
              : options.materials().remoteClusterCa(remote).or(() -> pem(remote.remoteClusterCa()));
      if (ca.isPresent()) {
        d.remoteCas.put(alias, ca.get());
      } else if (stated == null) {
        plan.pending.add(
            "the CA of [" + remote.name() + "]'s remote cluster server" + caHint(remote, true)
                + ", or remoteClusterCa: public when its certificate is publicly trusted");
      }
    } else {
      Optional<String> ca =
          options.materials().transportCa(remote).or(() -> pem(remote.transportCa()));
      if (ca.isPresent()) {
        d.transportCas.put(remote.name(), ca.get());
      } else if (remote.transportCa() == null || !remote.transportCa().isPublic()) {
        plan.pending.add("the transport CA of [" + remote.name() + "]" + caHint(remote, false));
      }
      if (remote.deployment().isElasticCloud()) {
        // trusting the Cloud CA on the transport layer admits its nodes in both directions
        trustFilter(plan, d, local, remote);
      }
    }
  }

  private void remoteSide(
      LinkPlan plan, Cluster local, Cluster remote, SecurityModel model,
      io.github.remoteclusters.core.plan.Plan linkPlan) {
    EsDesired d = desired(remote);
    EsVersion eck = options.eckVersion();
    if (remote.eck().operatorVersion() != null) {
      eck = remote.eck().operatorVersion();
    }
    // the plan decides whether a Service is exposed; the topology says as what
    Optional<StepPayload.ExposeService> expose = linkPlan.steps().stream()
        .filter(s -> s.target().equals(remote.name()))
        .map(PlanStep::payload)
        .filter(StepPayload.ExposeService.class::isInstance)
        .map(StepPayload.ExposeService.class::cast)
        .findFirst();
    if (model == SecurityModel.API_KEY) {
      d.remoteClusterServer = true;
      if (expose.isPresent() && expose.get().type() != ServiceExposure.Type.INGRESS) {
        d.exposeRemoteClusterServer = true;
        d.remoteClusterServiceType = expose.get().type().id();
        d.legacyLoadBalancer = !eck.isAtLeast(3, 3);
      } else if (expose.isPresent()) {
        plan.pending.add("an Ingress (or Gateway) that routes TCP to "
            + expose.get().service() + ":" + EckNames.REMOTE_CLUSTER_PORT
            + " in namespace " + remote.eck().namespace());
      }
    } else {
      if (expose.isPresent() && expose.get().type() != ServiceExposure.Type.INGRESS) {
        d.exposeTransport = true;
        d.transportServiceType = expose.get().type().id();
      } else if (expose.isPresent()) {
        plan.pending.add("an Ingress (or Gateway) that routes TCP to "
            + expose.get().service() + ":" + EckNames.TRANSPORT_PORT + " in namespace "
            + remote.eck().namespace());
      }
      Optional<String> ca = options.materials().transportCa(local).or(() -> pem(local.transportCa()));
      if (ca.isPresent()) {
        d.transportCas.put(local.name(), ca.get());
      } else if (local.transportCa() == null || !local.transportCa().isPublic()) {
        plan.pending.add("the transport CA of [" + local.name() + "], for [" + remote.name()
            + "] to trust it" + caHint(local, false));
      }
      trustFilter(plan, d, remote, local);
    }
  }

  /**
   * The transport trust filter of an ECK cluster: its stated {@code trustRestrictions}, plus the
   * nodes of every ECK peer it is linked to with certificates (Elasticsearch's restricted trust
   * manager checks every transport connection, so a filter without them breaks those links).
   * Without a stated filter, a Cloud peer leaves it pending.
   */
  private void trustFilter(LinkPlan plan, EsDesired d, Cluster eck, Cluster peer) {
    TrustRestrictions filter = eck.trustRestrictions();
    if (filter != null) {
      List<String> names = new ArrayList<>(filter.subjectNames());
      for (Cluster other : certificatePeers(eck)) {
        if (!EckNames.trustFilterAdmits(
            names, other.eck().name(), other.eck().namespace())) {
          names.add(EckNames.ownNodesPattern(
              other.eck().name(), other.eck().namespace()));
        }
      }
      d.trustYml = new TrustRestrictions(names, filter.source()).trustYml();
      d.config.put(EckFeatureNames.TRUST_RESTRICTIONS_PATH,
          NODES.textNode(EckFeatureNames.trustYmlPath()));
    } else if (peer.deployment().isElasticCloud()) {
      plan.pending.add("the trust.yml of [" + peer.name() + "] (its console's Security page),"
          + " with the ECK line *.node." + eck.eck().name() + "." + eck.eck().namespace()
          + ".es.local, as trustRestrictions of [" + eck.name() + "]");
    }
  }

  /** The ECK clusters linked to {@code c} by a planned certificate-model link. */
  private List<Cluster> certificatePeers(Cluster c) {
    List<Cluster> out = new ArrayList<>();
    for (PlanResult r : plan.links()) {
      if (!(r instanceof PlanResult.Planned)) {
        continue;
      }
      io.github.remoteclusters.core.plan.Plan p = ((PlanResult.Planned) r).plan();
      if (p.security() != SecurityModel.CERTIFICATE || p.state() != LinkState.PRESENT) {
        continue;
      }
      String other = p.local().equals(c.name()) ? p.remote() : p.remote().equals(c.name()) ? p.local() : null;
      Cluster peer = other == null ? null : byName.get(other);
      if (peer != null && peer.eck() != null && !out.contains(peer)) {
        out.add(peer);
      }
    }
    return out;
  }

  /** The PEM text of a CA file stated in the topology. */
  private static Optional<String> pem(CaTrust ca) {
    return ca instanceof CaTrust.PemFile ? Optional.of(((CaTrust.PemFile) ca).pem()) : Optional.empty();
  }

  /** Where a cluster's CA comes from, for pending lines. */
  private static String caHint(Cluster c, boolean apiKey) {
    if (c.eck() != null && !c.tlsTerminatedInFront(apiKey)) {
      return " (ca.crt of " + EckNames.transportCertsPublic(c.eck().name()) + " in ECK environment ["
          + c.eck().environment() + "]; as " + (apiKey ? "remoteClusterCa" : "transportCa")
          + " of the cluster in the topology)";
    }
    if (c.eck() != null) {
      return " (the CA of the component in front of it that terminates TLS, as "
          + (apiKey ? "remoteClusterCa" : "transportCa") + ")";
    }
    if (c.deployment() == Deployment.ECE && apiKey) {
      return " (ECE: Platform > Settings > TLS certificates > Proxy > Show certificate chain, the"
          + " root certificate, as remoteClusterCa)";
    }
    return " (as " + (apiKey ? "remoteClusterCa" : "transportCa") + " in the topology)";
  }

  /**
   * Where a local ECK cluster's {@code cluster.remote.*} settings go: ECK's {@code
   * StackConfigPolicy} when the topology states an operator of 3.3 or later (several policies
   * compose from 3.3, and cluster settings are dynamic: no restart) and an enterprise licence
   * (or trial), else nodeSet config ({@code elasticsearch.yml}: a rolling restart). ECK ignores a
   * policy without an enterprise licence ("This requires a valid Enterprise license or Enterprise
   * trial license", ECK docs, Elastic Stack configuration policies): the alias would never be
   * configured.
   */
  private Map<String, JsonNode> connectionSettings(Cluster local) {
    EsDesired d = desired(local);
    return usesStackConfigPolicy(local) ? d.clusterSettings : d.config;
  }

  private static boolean stackConfigPolicyOperator(Cluster local) {
    EsVersion operator = local.eck().operatorVersion();
    return operator != null && operator.isAtLeast(3, 3);
  }

  private static boolean usesStackConfigPolicy(Cluster local) {
    return stackConfigPolicyOperator(local)
        && local.license() != null
        && local.license().includes(License.ENTERPRISE);
  }

  /** An ECK 3.3+ cluster that cannot use a StackConfigPolicy says why, once. */
  private void stackConfigPolicyLicence(int index, Cluster local) {
    if (!stackConfigPolicyOperator(local) || local.license() != null
        || !policyLicenceReported.add(local.name())) {
      return;
    }
    String why =
        ": ECK applies a StackConfigPolicy only with an enterprise licence (or trial)"
            + " (\"StackConfigPolicy is an enterprise feature\"), so the connection settings of ["
            + local.name() + "] go into every nodeSet's config instead (a rolling restart)";
    if (local.license() == null) {
      // below enterprise (stated) the settings simply go into the nodeSet config
      problem(
          ProblemCode.LICENSE_UNKNOWN,
          "links[" + index + "].local",
          "cluster [" + local.name() + "] states no [license]" + why
              + "; set license: enterprise when it has one, for a policy (no restart)");
    }
  }

  private final Set<String> policyLicenceReported = new java.util.HashSet<>();
}
