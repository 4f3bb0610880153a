package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Feature;
import io.github.remoteclusters.compat.FeatureAvailability;
import io.github.remoteclusters.compat.FeatureGates;
import io.github.remoteclusters.compat.FeatureStage;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.AccessValidator;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.settings.RemoteAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks and plans one link at a time. Not API. */
public final class LinkPlanner {

  /** The default port of the remote cluster server (API-key model). */
  public static final int REMOTE_CLUSTER_PORT = 9443;
  /** The default transport port (certificate model, self-managed and ECK). */
  public static final int TRANSPORT_PORT = 9300;
  /** The port Elastic Cloud proxies take certificate-model connections on. */
  public static final int CLOUD_TRANSPORT_PORT = 9400;

  private final Topology topology;
  private final Map<String, Cluster> clusters;
  private final AccessValidator accessValidator;
  private final Map<AccessKey, List<Problem>> accessChecks = new java.util.HashMap<>();
  private final StepCache stepCache = new StepCache();

  /** A planner for the links of one topology. */
  public LinkPlanner(Topology topology, AccessValidator accessValidator) {
    this.topology = topology;
    this.clusters = topology.clustersByName();
    this.accessValidator = accessValidator;
  }

  /**
   * Plans link {@code index}.
   *
   * @param index the link's position
   * @param aliasFirstUse the index of an earlier link of the same local cluster and alias, or null
   */
  public PlanResult plan(int index, Integer aliasFirstUse) {
    Checked k = check(index, aliasFirstUse);
    Context c = k.context;
    if (c.link.state() == LinkState.ABSENT) {
      return c.result(() -> removalPlan(c, k.security));
    }
    return c.result(() -> presentPlan(c, k.security, k.connection, k.skipUnavailable));
  }

  /**
   * Runs the checks of link {@code index} without building steps.
   *
   * @param index the link's position
   * @param aliasFirstUse the index of an earlier link of the same local cluster and alias, or null
   */
  public List<Problem> problems(int index, Integer aliasFirstUse) {
    return check(index, aliasFirstUse).context.problems;
  }

  /** The outcome of the checks of one link. */
  private static final class Checked {
    final Context context;
    final SecurityModel security;
    final Connection connection;
    final boolean skipUnavailable;

    Checked(Context context, SecurityModel security, Connection connection, boolean skip) {
      this.context = context;
      this.security = security;
      this.connection = connection;
      this.skipUnavailable = skip;
    }
  }

  private Checked check(int index, Integer aliasFirstUse) {
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
    }
    SecurityModel security = security(c);
    if (link.state() == LinkState.ABSENT) {
      return new Checked(c, security, null, false);
    }
    checkSecurity(c, security);
    checkAccess(c, security);
    checkVersions(c);
    checkLicence(c, security);
    checkCloudAlias(c, security);
    checkTrustRestrictions(c, security);
    Connection connection = connection(c, security);
    boolean skip = skipUnavailable(c);
    return new Checked(c, security, connection, skip);
  }

  // ---------------------------------------------------------------- checks

  /** API-key availability by version pair: links of a topology share few version pairs. */
  private final Map<List<EsVersion>, FeatureAvailability> apiKeyStatus = new java.util.HashMap<>();

  private EsVersion lastLocalVersion;
  private EsVersion lastRemoteVersion;
  private FeatureAvailability lastApiKeyStatus;

  private FeatureAvailability apiKeys(Context c) {
    EsVersion l = c.local.version();
    EsVersion r = c.remote.version();
    if (l == lastLocalVersion && r == lastRemoteVersion) {
      return lastApiKeyStatus;
    }
    FeatureAvailability status =
        apiKeyStatus.computeIfAbsent(
            List.of(l, r), k -> FeatureGates.status(Feature.API_KEY_SECURITY, k.get(0), k.get(1)));
    lastLocalVersion = l;
    lastRemoteVersion = r;
    lastApiKeyStatus = status;
    return status;
  }

  private SecurityModel security(Context c) {
    if (c.link.security() != null) {
      return c.link.security();
    }
    FeatureAvailability apiKeys =
        apiKeys(c);
    if (apiKeys.stage() == FeatureStage.GA) {
      return SecurityModel.API_KEY;
    }
    if (c.link.hasAccess() && apiKeys.usable()) {
      return SecurityModel.API_KEY;
    }
    return SecurityModel.CERTIFICATE;
  }

  private void checkSecurity(Context c, SecurityModel security) {
    if (security == SecurityModel.API_KEY) {
      FeatureAvailability a =
          apiKeys(c);
      if (!a.usable()) {
        c.report(ProblemCode.SECURITY_UNSUPPORTED, "security", a.reason());
      } else if (a.stage() == FeatureStage.PREVIEW) {
        c.report(
            ProblemCode.SECURITY_BETA,
            "security",
            a.reason() + "; Elastic documents 8.14 or later on both clusters");
      }
      if (!c.remote.remoteClusterServerEnabled()) {
        c.report(
            ProblemCode.REMOTE_CLUSTER_SERVER_DISABLED,
            "remote",
            "the remote cluster server of [" + c.remote.name()
                + "] is not enabled; the plan enables it first (API keys connect to port 9443)");
      }
    } else if (security == SecurityModel.CERTIFICATE) {
      EsVersion newer = newer(c.local.version(), c.remote.version());
      if (newer.isAtLeast(9, 0)) {
        c.report(
            ProblemCode.SECURITY_DEPRECATED,
            "security",
            "the TLS certificate security model is deprecated from 9.0 (" + nameOf(c, newer)
                + " runs " + newer + "); use security: api-key");
      }
    } else {
      for (Cluster cluster : List.of(c.local, c.remote)) {
        if (cluster.deployment() != Deployment.SELF_MANAGED) {
          c.report(
              ProblemCode.OPTION_NOT_APPLICABLE,
              "security",
              "security [none] needs security disabled on both clusters, which "
                  + cluster.deployment().id() + " cluster [" + cluster.name() + "] does not allow");
        }
      }
      c.report(
          ProblemCode.SECURITY_DISABLED,
          "security",
          "security [none]: traffic is neither encrypted nor authenticated; for development only");
    }
  }

  private static String nameOf(Context c, EsVersion version) {
    return c.local.version().equals(version) ? c.local.name() : c.remote.name();
  }

  private static EsVersion newer(EsVersion a, EsVersion b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void checkAccess(Context c, SecurityModel security) {
    if (security != SecurityModel.API_KEY) {
      if (c.link.hasAccess()) {
        c.report(
            ProblemCode.ACCESS_NOT_USED,
            "access",
            "[access] is the body of a cross-cluster API key and is only used with security"
                + " [api-key], not [" + security.id() + "]");
      }
      return;
    }
    if (!c.link.hasAccess()) {
      c.report(
          ProblemCode.ACCESS_REQUIRED,
          "access",
          "an api-key link needs [access], the access body of its cross-cluster API key, such as"
              + " {\"search\": [{\"names\": [\"logs-*\"]}]}"
              + (c.link.security() == null
                  ? "; api-key is the default when both clusters are on 8.14 or later: give"
                      + " [access], or set [security] to [certificate]"
                  : ""));
      return;
    }
    for (Problem p : validateAccess(c)) {
      c.problems.add(p);
    }
    if (c.sameEckEnvironment()) {
      checkEckAccess(c);
    }
  }

  /**
   * Validates the access document, once per distinct document and remote version: links of a
   * topology usually share a few documents.
   */
  private List<Problem> validateAccess(Context c) {
    List<Problem> relative;
    if (c.access == lastAccess && c.remote.version() == lastAccessVersion) {
      relative = lastAccessProblems;
    } else {
      AccessKey key = new AccessKey(c.access, c.remote.version());
      relative =
          accessChecks.computeIfAbsent(
              key, k -> accessValidator.validate(k.access.deepCopy(), PLACEHOLDER, k.version));
      lastAccess = c.access;
      lastAccessVersion = c.remote.version();
      lastAccessProblems = relative;
    }
    if (relative.isEmpty()) {
      return relative;
    }
    List<Problem> out = new ArrayList<>(relative.size());
    for (Problem p : relative) {
      String path = p.path().startsWith(PLACEHOLDER)
          ? c.path() + ".access" + p.path().substring(PLACEHOLDER.length())
          : p.path();
      out.add(new Problem(p.code(), path, p.message()));
    }
    return out;
  }

  private static final String PLACEHOLDER = "links[*].access";

  /** The last access document checked (by identity), for links that share one node. */
  private ObjectNode lastAccess;

  private EsVersion lastAccessVersion;
  private List<Problem> lastAccessProblems = List.of();

  /** A distinct access document for a remote version. */
  private static final class AccessKey {
    final ObjectNode access;
    final EsVersion version;
    final int hash;

    AccessKey(ObjectNode access, EsVersion version) {
      this.access = access;
      this.version = version;
      this.hash = access.hashCode() * 31 + version.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AccessKey
          && ((AccessKey) o).hash == hash
          && ((AccessKey) o).version.equals(version)
          && ((AccessKey) o).access.equals(access);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** ECK's CRD takes one search entry and one replication entry, and only object queries. */
  private static void checkEckAccess(Context c) {
    ObjectNode access = c.access;
    for (String field : List.of("search", "replication")) {
      JsonNode node = access.get(field);
      if (node != null && node.isArray() && node.size() > 1) {
        c.report(
            ProblemCode.ECK_UNSUPPORTED,
            "access." + field,
            "ECK's spec.remoteClusters[].apiKey.access." + field + " takes one entry, not "
                + node.size() + "; merge the index patterns into one entry");
      }
      JsonNode entry = node != null && node.isArray() ? node.get(0) : node;
      if (entry != null && entry.has("query") && entry.get("query").isTextual()) {
        c.report(
            ProblemCode.ECK_UNSUPPORTED,
            "access." + field + ".query",
            "ECK takes the document-level security query as an object, not a string");
      }
    }
  }

  private static void checkVersions(Context c) {
    EsVersion l = c.local.version();
    EsVersion r = c.remote.version();
    boolean replicationOnly = c.link.wantsReplication() && !c.link.wantsSearch();
    CompatibilityVerdict search = Compatibility.search(l, r);
    if (!replicationOnly) {
      verdict(c, search);
    }
    if (c.link.wantsReplication()) {
      verdict(c, Compatibility.replication(l, r));
    }
    if (!search.wire().compatible() && search.wire().basis() != Basis.UNKNOWN) {
      c.report(ProblemCode.WIRE_INCOMPATIBLE, "remote", search.wire().reason());
    }
  }

  private static void verdict(Context c, CompatibilityVerdict v) {
    if (v.basis() == Basis.UNKNOWN) {
      c.report(ProblemCode.VERSION_UNKNOWN, "remote", v.reason());
    } else if (!v.supported()) {
      c.report(ProblemCode.VERSION_UNSUPPORTED, "remote", v.reason());
    }
  }

  private static void checkLicence(Context c, SecurityModel security) {
    if (c.sameEckEnvironment()) {
      needs(c, License.ENTERPRISE, "ECK's remote-cluster automation");
    } else if (security == SecurityModel.API_KEY) {
      needs(c, License.ENTERPRISE, "the API-key security model");
    }
    boolean eck = c.local.deployment() == Deployment.ECK || c.remote.deployment() == Deployment.ECK;
    if (security == SecurityModel.API_KEY || eck) {
      // The landing page: "The remote clusters feature on ECK requires a valid Enterprise license
      // or Enterprise trial license"; the API-key model needs enterprise everywhere.
      for (Cluster cluster : List.of(c.local, c.remote)) {
        if (cluster.license() == null) {
          c.report(
              ProblemCode.LICENSE_UNKNOWN,
              cluster == c.local ? "local" : "remote",
              "cluster [" + cluster.name() + "] states no [license]: "
                  + (security == SecurityModel.API_KEY
                      ? "the API-key security model"
                      : "remote clusters on ECK")
                  + " need an enterprise licence (or trial); check it (GET /_license) and set"
                  + " license: enterprise");
        }
      }
    }
    if (c.link.wantsReplication()) {
      needs(c, License.PLATINUM, "cross-cluster replication");
    }
  }

  private static void needs(Context c, License level, String what) {
    for (Cluster cluster : List.of(c.local, c.remote)) {
      if (cluster.license() != null && !cluster.license().includes(level)) {
        c.report(
            ProblemCode.LICENSE,
            cluster == c.local ? "local" : "remote",
            what + " needs licence [" + level.id() + "] (or trial); cluster [" + cluster.name()
                + "] has [" + cluster.license().id() + "]");
      }
    }
  }

  /**
   * Elastic Cloud to ECK with certificates: the docs install Elastic Cloud's {@code trust.yml} on
   * the ECK cluster, with the ECK line {@code *.node.<cluster-name>.<namespace>.es.local};
   * without it the exposed ECK transport accepts any node certificate the Cloud CA signed.
   */
  private static void checkTrustRestrictions(Context c, SecurityModel security) {
    if (security != SecurityModel.CERTIFICATE) {
      return;
    }
    for (Cluster eck : List.of(c.local, c.remote)) {
      Cluster other = eck == c.local ? c.remote : c.local;
      if (eck.deployment() != Deployment.ECK || !other.deployment().isElasticCloud()) {
        continue;
      }
      String own = "*.node." + eck.eck().name() + "." + eck.eck().namespace() + ".es.local";
      String side = eck == c.local ? "local" : "remote";
      if (eck.trustRestrictions() == null) {
        c.report(
            ProblemCode.TRUST_RESTRICTIONS,
            side,
            "cluster [" + eck.name() + "] has no [trustRestrictions]: its transport, exposed to ["
                + other.name() + "], would accept any node certificate signed by the "
                + other.deployment().id() + " CA; download trust.yml from the Security page of ["
                + other.name() + "], change the ECK line to \"" + own + "\" and set"
                + " trustRestrictions: trust.yml");
      } else if (eck.trustRestrictions().subjectNames().stream()
          .noneMatch(p -> p.equals(own) || p.equals("*.node." + eck.eck().name() + ".*.es.local")
              || p.equals("*"))) {
        c.report(
            ProblemCode.TRUST_RESTRICTIONS,
            side,
            "trustRestrictions of [" + eck.name() + "] has no pattern for its own nodes (\"" + own
                + "\"): ECK's nodes would fail to join the cluster; the docs: replace the line"
                + " *.node.*.cluster.<namespace>.es.local.account downloaded from the console");
      }
    }
  }

  private static void checkCloudAlias(Context c, SecurityModel security) {
    String alias = c.link.alias();
    if (c.local.deployment().isElasticCloud()
        && security == SecurityModel.API_KEY
        && !alias.toLowerCase(Locale.ROOT).equals(alias)) {
      c.report(
          ProblemCode.INVALID_ALIAS,
          "alias",
          "alias [" + alias + "] is invalid on " + c.local.deployment().id()
              + ": the remote cluster name of an API key must be lowercase and only contain"
              + " letters, numbers, dashes and underscores");
    }
  }

  private static boolean skipUnavailable(Context c) {
    if (c.link.skipUnavailable() != null) {
      return c.link.skipUnavailable();
    }
    boolean def = FeatureGates.skipUnavailableDefault(c.local.version());
    if (!def && !c.sameEckEnvironment()) {
      c.report(
          ProblemCode.SKIP_UNAVAILABLE_DEFAULT,
          "skipUnavailable",
          "skipUnavailable is not set: on [" + c.local.name() + "] (" + c.local.version()
              + ") skip_unavailable defaults to false, so searches fail while [" + c.link.alias()
              + "] is unreachable; it defaults to true from 8.15");
    }
    return def;
  }

  private static Connection connection(Context c, SecurityModel security) {
    Link link = c.link;
    if (c.sameEckEnvironment()) {
      eckOptions(c);
      String host =
          security == SecurityModel.API_KEY
              ? c.remote.eck().remoteClusterServiceHost() + ":" + REMOTE_CLUSTER_PORT
              : c.remote.eck().transportServiceHost() + ":" + TRANSPORT_PORT;
      return new Connection.Sniff(List.of(host), null);
    }
    Mode mode = link.mode() != null ? link.mode() : defaultMode(c);
    if (mode == Mode.SNIFF && c.remote.deployment().isElasticCloud()) {
      c.report(
          ProblemCode.OPTION_NOT_APPLICABLE,
          "mode",
          c.remote.deployment().id() + " cluster [" + c.remote.name()
              + "] is reachable only through its proxy: use mode proxy");
    }
    if (mode == Mode.PROXY && link.nodeConnections() != null) {
      modeMismatch(c, "nodeConnections", "node_connections", Mode.SNIFF, mode);
    }
    if (mode == Mode.SNIFF && link.proxySocketConnections() != null) {
      modeMismatch(c, "proxySocketConnections", "proxy_socket_connections", Mode.PROXY, mode);
    }
    String address = address(c, security);
    if (address == null) {
      return new Connection.Sniff(List.of(), null);
    }
    if (mode == Mode.SNIFF) {
      return new Connection.Sniff(List.of(address), link.nodeConnections());
    }
    String serverName = serverName(c, security, address);
    return new Connection.Proxy(address, serverName, link.proxySocketConnections());
  }

  private static void modeMismatch(Context c, String key, String suffix, Mode required, Mode mode) {
    String setting = "cluster.remote." + c.link.alias() + "." + suffix;
    c.report(
        ProblemCode.OPTION_NOT_APPLICABLE,
        key,
        "Setting \"" + setting + "\" cannot be used with the configured \"cluster.remote."
            + c.link.alias() + ".mode\" [required=" + required + ", configured=" + mode + "]");
  }

  /** Inside one ECK environment the operator writes only seeds; anything else would fight it. */
  private static void eckOptions(Context c) {
    Link link = c.link;
    String why =
        " inside one ECK environment: the operator writes only the seeds of the alias (sniff mode)"
            + " and removes it by nulling only the seeds";
    if (link.mode() == Mode.PROXY) {
      c.report(ProblemCode.ECK_UNSUPPORTED, "mode", "mode [proxy] cannot be used" + why);
    }
    if (link.skipUnavailable() != null || !link.transport().isEmpty()) {
      c.report(
          ProblemCode.ECK_UNSUPPORTED,
          link.skipUnavailable() != null ? "skipUnavailable" : "transport",
          "skipUnavailable and transport options cannot be set" + why
              + ", which Elasticsearch rejects while skip_unavailable or transport.* is set");
    }
    if (link.nodeConnections() != null || link.proxySocketConnections() != null) {
      c.report(
          ProblemCode.ECK_UNSUPPORTED,
          link.nodeConnections() != null ? "nodeConnections" : "proxySocketConnections",
          "connection counts cannot be set" + why);
    }
  }

  private static Mode defaultMode(Context c) {
    boolean flat =
        c.local.deployment() == Deployment.SELF_MANAGED
            && c.remote.deployment() == Deployment.SELF_MANAGED;
    return flat ? Mode.SNIFF : Mode.PROXY;
  }

  private static String address(Context c, SecurityModel security) {
    boolean apiKey = security == SecurityModel.API_KEY;
    String key = apiKey ? "remoteClusterAddress" : "transportAddress";
    String address = apiKey ? c.remote.remoteClusterAddress() : c.remote.transportAddress();
    if (address == null) {
      c.report(
          ProblemCode.ADDRESS_REQUIRED,
          "remote",
          "cluster [" + c.remote.name() + "] has no [" + key + "]: the host:port where ["
              + c.local.name() + "] reaches " + (apiKey ? "its remote cluster server" : "its transport layer")
              + addressHint(c, apiKey));
      return null;
    }
    int port = RemoteAddress.parse(address).port();
    int expected =
        apiKey
            ? REMOTE_CLUSTER_PORT
            : c.remote.deployment().isElasticCloud() ? CLOUD_TRANSPORT_PORT : TRANSPORT_PORT;
    // An ECK Service exposed on another port (an Ingress on 443, a NodePort) says so in the topology.
    io.github.remoteclusters.core.ServiceExposure exposed =
        apiKey ? c.remote.remoteClusterService() : c.remote.transportService();
    if (exposed != null && exposed.port() != null) {
      expected = exposed.port();
    }
    if (security != SecurityModel.NONE && port != expected) {
      c.report(
          ProblemCode.ADDRESS_PORT_MISMATCH,
          "remote",
          "the " + security.id() + " security model connects to port " + expected + " by default ("
              + (apiKey ? "the remote cluster server" : "the transport port") + ") but ["
              + address + "] uses port " + port
              + (port == REMOTE_CLUSTER_PORT || port == TRANSPORT_PORT || port == CLOUD_TRANSPORT_PORT
                  ? ", the port of the other security model" : ""));
    }
    return address;
  }

  private static String addressHint(Context c, boolean apiKey) {
    switch (c.remote.deployment()) {
      case ECK:
        return apiKey
            ? " (expose service " + c.remote.eck().name()
                + "-es-remote-cluster, for example as a LoadBalancer, and give its address:9443)"
            : " (expose service " + c.remote.eck().name()
                + "-es-transport and give its address:9300)";
      case ECH:
      case ECE:
        return " (the deployment's proxy address from its Security page, with port "
            + (apiKey ? REMOTE_CLUSTER_PORT : CLOUD_TRANSPORT_PORT) + ")";
      default:
        return apiKey ? " (port 9443 by default)" : " (port 9300 by default)";
    }
  }

  private static String serverName(Context c, SecurityModel security, String address) {
    if (security == SecurityModel.NONE) {
      return null;
    }
    if (c.remote.serverName() != null) {
      return c.remote.serverName();
    }
    if (c.remote.deployment().isElasticCloud()) {
      return RemoteAddress.parse(address).host();
    }
    if (c.remote.deployment() == Deployment.ECK
        && c.remote.tlsTerminatedInFront(security == SecurityModel.API_KEY)) {
      // a load balancer or Ingress presents its own certificate: no ECK server name
      return null;
    }
    if (c.remote.deployment() == Deployment.ECK) {
      return security == SecurityModel.API_KEY
          ? c.remote.eck().remoteClusterServiceHost()
          : c.remote.eck().transportServiceHost();
    }
    c.report(
        ProblemCode.SERVER_NAME_MISSING,
        "remote",
        "proxy mode through TLS without a server name: unless the certificate of ["
            + c.remote.name() + "] is issued for the host of the proxy address, set [serverName]"
            + " on cluster [" + c.remote.name() + "] (sent as server_name, the TLS SNI)");
    return null;
  }

  // ---------------------------------------------------------------- plans

  private Plan presentPlan(
      Context c, SecurityModel security, Connection connection, boolean skip) {
    List<PlanStep> steps = new StepWriter(stepCache, c.local, c.remote, c.link, c.access, security, connection).present();
    return new Plan(
        c.local.name(), c.remote.name(), c.link.alias(), LinkState.PRESENT, security, connection,
        skip, steps, c.problems);
  }

  private Plan removalPlan(Context c, SecurityModel security) {
    List<PlanStep> steps = new StepWriter(stepCache, c.local, c.remote, c.link, c.access, security, null).absent();
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
    final ObjectNode access;

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
