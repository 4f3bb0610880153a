package io.github.remoteclusters.k8s.internal;

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
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.ServiceExposure;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TrustRestrictions;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.StepEncoder;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.Credential;
import io.github.remoteclusters.k8s.EckOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a topology into the desired state of each ECK {@code Elasticsearch} resource, with the
 * validation ECK's webhook does and what it misses.
 */
public final class Translator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> ECK_SEARCH_FIELDS =
      Set.of("names", "field_security", "query", "allow_restricted_indices");
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
   * Translates a topology, planning it with the core's {@link RemoteClusterPlanner} first.
   *
   * @param topology the topology
   * @param options the options
   * @return the translation
   */
  public static Translation translate(Topology topology, EckOptions options) {
    return translate(topology, RemoteClusterPlanner.create().plan(topology), options);
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
    // the core's problems first; ours are only what ECK adds (names, its webhook, its CRD)
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
            out.put("cluster.remote." + alias + "." + e.getKey(), e.getValue());
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
        checkNames("clusters[" + i + "].eck.name", c);
        checkRemoteClusterServer("clusters[" + i + "].remoteClusterServer", c);
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

  /**
   * ECK's webhook ({@code supportsRemoteClusterUsingAPIKey}): {@code
   * spec.remoteClusterServer.enabled} needs 8.10.0, whether or not a link of this topology uses it.
   */
  private void checkRemoteClusterServer(String path, Cluster c) {
    if (Boolean.TRUE.equals(c.remoteClusterServer()) && !c.version().isAtLeast(8, 10)) {
      problem(
          ProblemCode.SECURITY_UNSUPPORTED,
          path,
          EckNames.remoteClusterServerVersionMessage(c.version().toString())
              + " (cluster [" + c.name() + "], Elasticsearch " + c.eck().namespace() + "/"
              + c.eck().name() + ")");
    }
  }

  private void checkNames(String path, Cluster c) {
    String es = c.eck().name();
    Optional<String> tooLong = EckNames.checkEsName(es);
    if (tooLong.isPresent()) {
      problem(ProblemCode.INVALID_VALUE, path, tooLong.get());
      return;
    }
    for (String[] derived :
        new String[][] {
          {EckNames.transportService(es), "transport Service"},
          {EckNames.remoteClusterService(es), "remote cluster Service"},
          {EckNames.remoteClusterLoadBalancer(es), "remote cluster LoadBalancer Service"},
          {EckNames.transportCertsPublic(es), "public transport CA Secret"},
          {EckNames.eckRemoteCa(es), "remote CA Secret"},
          {EckNames.eckRemoteApiKeys(es), "API key Secret"},
          {EckNames.credentialsSecret(es), "credentials Secret"},
          {EckNames.remoteCaConfigMap(es), "remote CA ConfigMap"},
          {EckNames.transportCaConfigMap(es), "transport CA ConfigMap"}
        }) {
      EckNames.checkLabel(derived[0], derived[1], es)
          .ifPresent(m -> problem(ProblemCode.INVALID_VALUE, path, m));
    }
  }

  private void link(int index, String path, Link l, Cluster local, Cluster remote) {
    EsKey lk = keyOf(local);
    EsKey rk = keyOf(remote);
    boolean sameEnv = local.sameEckEnvironment(remote);
    LinkPlan plan = new LinkPlan(index, l, local, lk, rk, sameEnv);
    out.links.add(plan);
    if (lk != null && lk.equals(rk)) {
      // two cluster names, one Elasticsearch resource: only the ECK coordinates show it
      problem(
          ProblemCode.SELF_LINK,
          path,
          "link [" + l.alias() + "] connects cluster [" + l.local() + "] to itself"
              + " (Elasticsearch " + lk + ")");
      return;
    }
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
    if (lk != null) {
      String keyName = EckNames.apiKeyName(lk.namespace(), lk.name(), l.alias());
      if (model == SecurityModel.API_KEY && keyName.length() > EckNames.MAX_API_KEY_NAME) {
        problem(
            ProblemCode.INVALID_VALUE,
            path + ".alias",
            "API key name [" + keyName + "] (ECK's eck-<namespace>-<name>-<alias>) is "
                + keyName.length() + " characters long: api key name may not be more than "
                + EckNames.MAX_API_KEY_NAME + " characters long; shorten the alias");
      }
    }
    if (sameEnv) {
      sameEnvironment(index, path, l, local, remote, model);
    } else {
      if (lk != null) {
        localSide(plan, l, local, remote, model);
        plannedSettings(index, local.name(), l.alias()).ifPresent(fromPlan -> {
          Map<String, JsonNode> settings = connectionSettings(local);
          settings.keySet().removeIf(k -> k.startsWith("cluster.remote." + l.alias() + "."));
          settings.putAll(fromPlan);
        });
      }
      if (rk != null) {
        remoteSide(plan, local, remote, model);
      }
    }
  }

  private void license(String path, Cluster c) {
    if (c.license() != null && !c.license().includes(License.ENTERPRISE)) {
      problem(
          ProblemCode.LICENSE,
          path,
          "cluster [" + c.name() + "] has a " + c.license().id() + " licence: ECK's remote"
              + " cluster automation is an enterprise feature");
    }
  }

  // ---------------------------------------------------------------- same ECK environment

  private void sameEnvironment(
      int index, String path, Link l, Cluster local, Cluster remote, SecurityModel model) {
    license(path, local);
    license(path, remote);
    ObjectNode entry = NODES.objectNode();
    entry.put("name", l.alias());
    ObjectNode ref = entry.putObject("elasticsearchRef");
    ref.put("name", remote.eck().name());
    ref.put("namespace", remote.eck().namespace());
    if (model == SecurityModel.API_KEY && l.hasAccess()) {
      eckAccess(path + ".access", (ObjectNode) Serialization.parse(l.access().toJson())).ifPresent(a -> entry.putObject("apiKey").set("access", a));
      // the core's plan warns that the server is off and enables it first
      desired(remote).remoteClusterServer = true;
    }
    desired(local).remoteClusters.put(l.alias(), plannedEntry(index, local.name()).orElse(entry));
  }

  /** ECK's schema: single-object search and replication, field_security with both lists. */
  private Optional<ObjectNode> eckAccess(String path, ObjectNode access) {
    ObjectNode out = NODES.objectNode();
    int before = mine.size();
    Iterator<String> names = access.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!f.equals("search") && !f.equals("replication")) {
        problem(
            ProblemCode.ECK_UNSUPPORTED,
            path + "." + f,
            "ECK's apiKey.access has no [" + f + "] (only search and replication)" + UNMANAGED);
      }
    }
    JsonNode search = single(path, access, "search");
    JsonNode replication = single(path, access, "replication");
    if (search == null && replication == null && mine.size() == before) {
      problem(
          ProblemCode.ACCESS_INVALID,
          path,
          "must specify non-empty access for either [search] or [replication]");
    }
    if (search != null) {
      ObjectNode s = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = search.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String f = e.getKey();
        JsonNode v = e.getValue();
        if (!ECK_SEARCH_FIELDS.contains(f)) {
          problem(
              ProblemCode.ECK_UNSUPPORTED,
              path + ".search." + f,
              "ECK's apiKey.access.search has no [" + f + "]" + UNMANAGED);
        } else if (f.equals("names")) {
          s.set("names", names(v));
        } else if (f.equals("query") && !v.isObject()) {
          problem(
              ProblemCode.ECK_UNSUPPORTED,
              path + ".search.query",
              "ECK's apiKey.access.search.query must be an object; a query string cannot be"
                  + " expressed" + UNMANAGED);
        } else if (f.equals("field_security")) {
          fieldSecurity(path, v).ifPresent(fs -> s.set("field_security", fs));
        } else {
          s.set(f, v.deepCopy());
        }
      }
      if (!s.has("names")) {
        problem(
            ProblemCode.ACCESS_INVALID,
            path + ".search",
            "failed to parse indices privileges for role [cross_cluster]. missing required [names]"
                + " field");
      }
      out.set("search", s);
    }
    if (replication != null) {
      ObjectNode r = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = replication.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("names")) {
          r.set("names", names(e.getValue()));
        } else {
          problem(
              ProblemCode.ECK_UNSUPPORTED,
              path + ".replication." + e.getKey(),
              "ECK's apiKey.access.replication has only [names], not [" + e.getKey() + "]"
                  + UNMANAGED);
        }
      }
      if (!r.has("names")) {
        problem(
            ProblemCode.ACCESS_INVALID,
            path + ".replication",
            "failed to parse indices privileges for role [cross_cluster]. missing required [names]"
                + " field");
      }
      out.set("replication", r);
    }
    return mine.size() == before ? Optional.of(out) : Optional.empty();
  }

  private JsonNode single(String path, ObjectNode access, String field) {
    JsonNode v = access.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      return v;
    }
    if (v.isArray() && v.size() == 1 && v.get(0).isObject()) {
      return v.get(0);
    }
    if (v.isArray() && v.isEmpty()) {
      return null;
    }
    problem(
        ProblemCode.ECK_UNSUPPORTED,
        path + "." + field,
        "ECK's apiKey.access." + field + " is a single object, but the link has "
            + (v.isArray() ? v.size() + " entries" : "a " + v.getNodeType()) + UNMANAGED);
    return null;
  }

  private static ArrayNode names(JsonNode v) {
    ArrayNode a = NODES.arrayNode();
    if (v.isArray()) {
      v.forEach(n -> a.add(n.asText()));
    } else {
      a.add(v.asText());
    }
    return a;
  }

  private Optional<ObjectNode> fieldSecurity(String path, JsonNode v) {
    if (!v.isObject()) {
      problem(ProblemCode.ACCESS_INVALID, path + ".search.field_security", "field_security must be an object");
      return Optional.empty();
    }
    if (!v.has("grant") && v.has("except")) {
      problem(
          ProblemCode.ACCESS_INVALID,
          path + ".search.field_security",
          "failed to parse indices privileges for role [cross_cluster]. field_security requires"
              + " grant if except is given");
      return Optional.empty();
    }
    ObjectNode fs = NODES.objectNode();
    // ECK's CRD requires both lists; an empty except means the same as none.
    fs.set("grant", v.has("grant") ? names(v.get("grant")) : NODES.arrayNode());
    fs.set("except", v.has("except") ? names(v.get("except")) : NODES.arrayNode());
    return Optional.of(fs);
  }

  // ---------------------------------------------------------------- ECK not automating the link

  private void localSide(
      LinkPlan plan, Link l, Cluster local, Cluster remote, SecurityModel model) {
    EsDesired d = desired(local);
    String alias = l.alias();
    boolean apiKey = model == SecurityModel.API_KEY;
    String address = apiKey ? remote.remoteClusterAddress() : remote.transportAddress();
    if (address == null) {
      String where =
          remote.eck() != null
              ? "the LoadBalancer address of "
                  + (apiKey
                      ? EckNames.remoteClusterService(remote.eck().name())
                      : EckNames.transportService(remote.eck().name()))
                  + " in ECK environment [" + remote.eck().environment() + "]"
              : "its " + (apiKey ? "remote cluster server" : "transport") + " address";
      problem(
          ProblemCode.ADDRESS_REQUIRED,
          "links[" + plan.index + "].remote",
          "link [" + alias + "] from ECK needs " + where + " (host:port)");
      return;
    }
    Mode mode = l.mode() == null ? Mode.PROXY : l.mode();
    stackConfigPolicyLicence(plan.index, local);
    String prefix = "cluster.remote." + alias + ".";
    d.configAliases.add(alias);
    Map<String, JsonNode> settings = connectionSettings(local);
    settings.put(prefix + "mode", NODES.textNode(mode.id()));
    if (mode == Mode.PROXY) {
      settings.put(prefix + "proxy_address", NODES.textNode(address));
      serverName(remote, apiKey, address).ifPresent(s -> settings.put(prefix + "server_name", NODES.textNode(s)));
      if (l.proxySocketConnections() != null) {
        settings.put(prefix + "proxy_socket_connections", NODES.numberNode(l.proxySocketConnections()));
      }
    } else {
      settings.put(prefix + "seeds", NODES.arrayNode().add(address));
      if (l.nodeConnections() != null) {
        settings.put(prefix + "node_connections", NODES.numberNode(l.nodeConnections()));
      }
    }
    if (l.skipUnavailable() != null) {
      settings.put(prefix + "skip_unavailable", NODES.booleanNode(l.skipUnavailable()));
    }
    if (l.transport().compress() != null) {
      settings.put(prefix + "transport.compress", NODES.textNode(l.transport().compress()));
    }
    if (l.transport().compressionScheme() != null) {
      settings.put(prefix + "transport.compression_scheme", NODES.textNode(l.transport().compressionScheme()));
    }
    if (l.transport().pingSchedule() != null) {
      settings.put(prefix + "transport.ping_schedule", NODES.textNode(l.transport().pingSchedule()));
    }
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

  private static Optional<String> serverName(Cluster remote, boolean apiKey, String address) {
    if (remote.serverName() != null) {
      return Optional.of(remote.serverName());
    }
    if (remote.eck() != null && remote.tlsTerminatedInFront(apiKey)) {
      return Optional.empty(); // the terminator's certificate, not ECK's <es>-es-*.svc names
    }
    if (remote.eck() != null) {
      return Optional.of(
          apiKey
              ? EckNames.remoteClusterHost(remote.eck().name(), remote.eck().namespace())
              : EckNames.transportHost(remote.eck().name(), remote.eck().namespace()));
    }
    if (remote.deployment().isElasticCloud()) {
      return Optional.of(address.substring(0, address.lastIndexOf(':')));
    }
    return Optional.empty();
  }

  private void remoteSide(LinkPlan plan, Cluster local, Cluster remote, SecurityModel model) {
    EsDesired d = desired(remote);
    EsVersion eck = options.eckVersion();
    if (remote.eck().operatorVersion() != null) {
      eck = remote.eck().operatorVersion();
    }
    if (model == SecurityModel.API_KEY) {
      d.remoteClusterServer = true;
      ServiceExposure exposure = remote.remoteClusterService();
      if (exposure == null || exposure.type() != ServiceExposure.Type.INGRESS) {
        d.exposeRemoteClusterServer = true;
        d.remoteClusterServiceType = exposure == null ? "LoadBalancer" : exposure.type().id();
        d.legacyLoadBalancer = !eck.isAtLeast(3, 3);
      } else {
        plan.pending.add("an Ingress (or Gateway) that routes TCP to "
            + EckNames.remoteClusterService(remote.eck().name()) + ":" + EckNames.REMOTE_CLUSTER_PORT
            + " in namespace " + remote.eck().namespace());
      }
    } else {
      ServiceExposure exposure = remote.transportService();
      if (exposure == null || exposure.type() != ServiceExposure.Type.INGRESS) {
        d.exposeTransport = true;
        d.transportServiceType = exposure == null ? "LoadBalancer" : exposure.type().id();
      } else {
        plan.pending.add("an Ingress (or Gateway) that routes TCP to "
            + EckNames.transportService(remote.eck().name()) + ":9300 in namespace "
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
        if (!io.github.remoteclusters.core.EckNames.trustFilterAdmits(
            names, other.eck().name(), other.eck().namespace())) {
          names.add(io.github.remoteclusters.core.EckNames.ownNodesPattern(
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
