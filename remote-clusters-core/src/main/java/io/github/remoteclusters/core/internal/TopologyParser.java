package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.CaTrust;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.EckRef;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.ServiceExposure;
import io.github.remoteclusters.core.TextInput;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.TransportOptions;
import io.github.remoteclusters.core.TrustRestrictions;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The parser behind {@link TopologyReader}: one pass over the YAML or JSON tree that collects every
 * problem with its path, value and rule, and builds the {@link Topology} with the model's builders
 * ({@link Topology#builder()}, {@link Cluster#builder}, {@link Link#builder}). Not API.
 */
public final class TopologyParser {

  private static final Set<String> TOP_KEYS = Set.of("$schema", "clusters", "links");
  private static final Set<String> CLUSTER_KEYS =
      Set.of(
          "name",
          "version",
          "deployment",
          "eck",
          "url",
          "caFile",
          "transportAddress",
          "remoteClusterAddress",
          "serverName",
          "remoteClusterServer",
          "license",
          // TLS, exposure and trust filter (see readClusterTls)
          "remoteClusterCa",
          "transportCa",
          "remoteClusterService",
          "transportService",
          "trustRestrictions",
          "remoteClusterHost");
  private static final Set<String> ECK_KEYS =
      Set.of("name", "namespace", "environment", "operatorVersion");
  private static final Set<String> SERVICE_KEYS = Set.of("type", "port", "tlsTermination");
  private static final Set<String> LINK_KEYS =
      Set.of(
          "local",
          "remote",
          "alias",
          "security",
          "mode",
          "skipUnavailable",
          "nodeConnections",
          "proxySocketConnections",
          "transport",
          "access",
          "state",
          "uses",
          "expiration");
  private static final Set<String> TRANSPORT_KEYS =
      Set.of("compress", "compressionScheme", "pingSchedule");

  private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int ECK_MAX_NAME = 36;
  private static final int K8S_MAX_NAMESPACE = 63;

  /** How much of a rejected value a message quotes. */
  private static final int ECHO = 64;

  private TopologyParser() {}

  /** A value for a message: whole when short, else its start and its length. */
  static String echo(String value) {
    return value.length() <= ECHO
        ? value
        : value.substring(0, ECHO) + "...(" + value.length() + " characters)";
  }

  /**
   * Parses a topology from text: JSON when it starts with <code>{</code>, YAML otherwise.
   *
   * @param text the file content
   * @param baseDirectory the directory relative file names are resolved against, or null for the
   *     working directory
   * @return the topology, or the problems
   */
  public static TopologyReadResult parse(String text, Path baseDirectory) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonProcessingException e) {
      String message = Json.describe(e);
      boolean duplicate = message.contains("Duplicate field");
      return new TopologyReadResult.Failed(
          List.of(
              new Problem(
                  duplicate ? ProblemCode.DUPLICATE_KEY : ProblemCode.SYNTAX,
                  Json.pathOf(e),
                  message)));
    } catch (RuntimeException e) {
      // SnakeYAML reports some malformed input (bad escapes, deep nesting) unchecked.
      String message =
          e instanceof MarkedYAMLException
              ? Json.describe((MarkedYAMLException) e)
              : Json.firstLine(e.getMessage());
      return new TopologyReadResult.Failed(
          List.of(new Problem(ProblemCode.SYNTAX, "", "not YAML or JSON: " + message)));
    }
    Optional<YamlShape.Issue> shape = YamlShape.check(text);
    if (shape.isPresent()) {
      return new TopologyReadResult.Failed(
          List.of(new Problem(ProblemCode.SYNTAX, shape.get().path(), shape.get().message())));
    }
    return fromTree(root, baseDirectory);
  }

  private static TopologyReadResult fromTree(JsonNode root, Path baseDirectory) {
    Walker w = new Walker(baseDirectory);
    Topology topology = w.topology(root);
    if (!w.problems.isEmpty() || topology == null) {
      if (w.problems.isEmpty()) {
        throw new IllegalStateException("no topology and no problem");
      }
      return new TopologyReadResult.Failed(w.problems);
    }
    return new TopologyReadResult.Loaded(topology);
  }

  /** One pass over the tree, collecting problems. */
  private static final class Walker {
    final List<Problem> problems = new ArrayList<>();
    /**
     * Access documents parsed, by document and remote version: equal documents share one value,
     * so that large meshes stay small in memory and are parsed once.
     */
    final Map<List<Object>, AccessReader.Parsed> accessDocuments = new HashMap<>();
    /** The version of each cluster read so far, for the rules of its access documents. */
    final Map<String, EsVersion> versions = new HashMap<>();
    /** Where relative file names are resolved, or null for the working directory. */
    final Path baseDirectory;

    Walker(Path baseDirectory) {
      this.baseDirectory = baseDirectory;
    }

    void problem(ProblemCode code, String path, String message) {
      problems.add(new Problem(code, path, message));
    }

    Topology topology(JsonNode root) {
      if (!root.isObject()) {
        problem(
            ProblemCode.WRONG_TYPE,
            "",
            "a topology must be an object with keys [clusters] and [links] but is "
                + Json.typeName(root));
        return null;
      }
      keys(root, "", TOP_KEYS);
      List<Cluster> clusters = list(root, "clusters", true, this::cluster);
      List<Link> links = list(root, "links", false, this::link);
      Map<String, Integer> names = new HashMap<>();
      for (int i = 0; i < clusters.size(); i++) {
        Cluster c = clusters.get(i);
        if (c == null) {
          continue;
        }
        Integer first = names.putIfAbsent(c.name(), i);
        if (first != null) {
          problem(
              ProblemCode.DUPLICATE_NAME,
              "clusters[" + i + "].name",
              "cluster name [" + c.name() + "] is already used by clusters[" + first + "]");
        }
      }
      for (int i = 0; i < links.size(); i++) {
        Link l = links.get(i);
        if (l == null) {
          continue;
        }
        reference(names, clusters, "links[" + i + "].local", l.local());
        reference(names, clusters, "links[" + i + "].remote", l.remote());
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return Topology.builder().clusters(clusters).links(links).build();
    }

    private void reference(
        Map<String, Integer> names, List<Cluster> clusters, String path, String name) {
      if (names.containsKey(name)) {
        return;
      }
      boolean allRead = !clusters.contains(null);
      if (allRead) {
        problem(
            ProblemCode.DANGLING_REFERENCE,
            path,
            "cluster [" + name + "] is not defined in [clusters]; defined: " + names.keySet());
      }
    }

    <T> List<T> list(JsonNode parent, String key, boolean required, ElementReader<T> reader) {
      JsonNode node = parent.get(key);
      List<T> out = new ArrayList<>();
      if (node == null || node.isNull()) {
        if (required) {
          problem(ProblemCode.MISSING_KEY, key, "[" + key + "] is required");
        }
        return out;
      }
      if (!node.isArray()) {
        problem(
            ProblemCode.WRONG_TYPE, key, "[" + key + "] must be a list but is " + Json.typeName(node));
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        out.add(reader.read(node.get(i), key + "[" + i + "]"));
      }
      return out;
    }

    void keys(JsonNode object, String path, Set<String> allowed) {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          problem(
              ProblemCode.UNKNOWN_KEY,
              join(path, name),
              "unknown key [" + echo(name) + "]; allowed keys: " + new java.util.TreeSet<>(allowed));
        }
      }
    }

    Cluster cluster(JsonNode node, String path) {
      if (!object(node, path, "a cluster")) {
        return null;
      }
      int before = problems.size();
      keys(node, path, CLUSTER_KEYS);
      String name = text(node, path, "name", true);
      String nameError = name == null ? null : ModelRules.clusterNameError(name);
      if (nameError != null) {
        problem(ProblemCode.INVALID_VALUE, path + ".name", nameError);
      }
      EsVersion version = version(node, path);
      Deployment deployment =
          choice(node, path, "deployment", true, Deployment::fromId, "eck, self-managed, ech, ece");
      EckRef eck = eck(node, path, name, deployment);
      String url = text(node, path, "url", false);
      String urlError = url == null ? null : ModelRules.urlError(url);
      if (urlError != null) {
        problem(ProblemCode.INVALID_VALUE, path + ".url", urlError);
      }
      Path caFile = caFile(node, path);
      String transport = address(node, path, "transportAddress");
      String rcs = address(node, path, "remoteClusterAddress");
      String serverName = text(node, path, "serverName", false);
      Boolean server = bool(node, path, "remoteClusterServer");
      License license =
          choice(
              node, path, "license", false, License::fromId,
              "basic, gold, platinum, enterprise, trial");
      ClusterTls tls = readClusterTls(node, path, deployment);
      if (problems.size() > before) {
        return null;
      }
      versions.putIfAbsent(name, version);
      Cluster.Builder cluster =
          eck != null
              ? Cluster.builder(name, version, eck)
              : Cluster.builder(name, version, deployment);
      return cluster.url(url).transportAddress(transport).remoteClusterAddress(rcs)
          .serverName(serverName).remoteClusterServer(server).license(license).caFile(caFile)
          .remoteClusterCa(tls.remoteClusterCa).transportCa(tls.transportCa)
          .remoteClusterService(tls.remoteClusterService).transportService(tls.transportService)
          .trustRestrictions(tls.trustRestrictions).remoteClusterHost(tls.remoteClusterHost)
          .build();
    }

    /** A cluster's {@code caFile}: resolved against the topology file's folder, read as PEM. */
    Path caFile(JsonNode node, String path) {
      String value = text(node, path, "caFile", false);
      if (value == null) {
        return null;
      }
      Path file = resolve(value);
      if (file == null) {
        problem(ProblemCode.INVALID_VALUE, path + ".caFile", "caFile [" + value + "] is not a valid path");
        return null;
      }
      try {
        CaTrust.PemFile.read(file);
      } catch (IllegalArgumentException e) {
        problem(ProblemCode.INVALID_VALUE, path + ".caFile", e.getMessage());
        return null;
      }
      return file;
    }

    EsVersion version(JsonNode node, String path) {
      JsonNode v = node.get("version");
      String at = path + ".version";
      if (v == null || v.isNull()) {
        problem(ProblemCode.MISSING_KEY, at, "[version] is required");
        return null;
      }
      if (v.isNumber()) {
        problem(
            ProblemCode.WRONG_TYPE,
            at,
            "version must be a string such as \"8.19.3\" but is the number "
                + v.asText()
                + " (quote it: YAML reads 8.10 as the number 8.1)");
        return null;
      }
      if (!v.isTextual()) {
        problem(ProblemCode.WRONG_TYPE, at, "version must be a string but is " + Json.typeName(v));
        return null;
      }
      Optional<EsVersion> parsed = EsVersion.tryParse(v.asText());
      if (parsed.isEmpty()) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            "version ["
                + echo(v.asText())
                + "] is invalid: expected "
                + EsVersion.EXPECTED_FORM);
        return null;
      }
      return parsed.get();
    }

    EckRef eck(JsonNode node, String path, String clusterName, Deployment deployment) {
      JsonNode e = node.get("eck");
      String at = path + ".eck";
      if (e != null && !e.isNull() && deployment != null && deployment != Deployment.ECK) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            "[eck] is only allowed with deployment [eck], not [" + deployment.id() + "]");
        return null;
      }
      if (deployment != Deployment.ECK) {
        return null;
      }
      String name = clusterName;
      String namespace = "default";
      String environment = "default";
      EsVersion operatorVersion = null;
      if (e != null && !e.isNull()) {
        if (!object(e, at, "[eck]")) {
          return null;
        }
        keys(e, at, ECK_KEYS);
        name = Objects.requireNonNullElse(text(e, at, "name", false), clusterName);
        namespace = Objects.requireNonNullElse(text(e, at, "namespace", false), namespace);
        environment = Objects.requireNonNullElse(text(e, at, "environment", false), environment);
        operatorVersion = operatorVersion(e, at);
      }
      if (name == null) {
        return null;
      }
      if (name.length() > ECK_MAX_NAME || !K8S_NAME.matcher(name).matches()) {
        problem(
            ProblemCode.INVALID_VALUE,
            at + ".name",
            "ECK resource name ["
                + name
                + "] is invalid: lower-case letters, digits and '-', at most "
                + ECK_MAX_NAME
                + " characters (defaults to the cluster name)");
      }
      if (namespace.length() > K8S_MAX_NAMESPACE || !K8S_NAME.matcher(namespace).matches()) {
        problem(
            ProblemCode.INVALID_VALUE,
            at + ".namespace",
            "namespace [" + namespace + "] is invalid: lower-case letters, digits and '-'");
      }
      if (environment.isEmpty()) {
        problem(ProblemCode.INVALID_VALUE, at + ".environment", "environment must not be empty");
        return null;
      }
      return new EckRef(name, namespace, environment, operatorVersion);
    }

    String address(JsonNode node, String path, String key) {
      String value = text(node, path, key, false);
      if (value == null) {
        return null;
      }
      String error = ModelRules.addressError(key, value);
      if (error != null) {
        problem(ProblemCode.INVALID_VALUE, join(path, key), error);
        return null;
      }
      return value;
    }

    Link link(JsonNode node, String path) {
      if (!object(node, path, "a link")) {
        return null;
      }
      int before = problems.size();
      keys(node, path, LINK_KEYS);
      String local = text(node, path, "local", true);
      String remote = text(node, path, "remote", true);
      String alias = text(node, path, "alias", true);
      String aliasError = alias == null ? null : ModelRules.aliasError(alias);
      if (aliasError != null) {
        problem(ProblemCode.INVALID_ALIAS, path + ".alias", aliasError);
      }
      SecurityModel security =
          choice(node, path, "security", false, SecurityModel::fromId, "api-key, certificate, none");
      Mode mode = choice(node, path, "mode", false, Mode::fromId, "sniff, proxy");
      Boolean skip = bool(node, path, "skipUnavailable");
      Integer nodeConnections = positiveInt(node, path, "nodeConnections", "node_connections");
      Integer sockets =
          positiveInt(node, path, "proxySocketConnections", "proxy_socket_connections");
      TransportOptions transport = transport(node, path, alias);
      CrossClusterAccess access = null;
      JsonNode a = node.get("access");
      if (a != null && !a.isNull()) {
        if (a.isObject()) {
          EsVersion version = remote == null ? null : versions.get(remote);
          AccessReader.Parsed parsed =
              accessDocuments.computeIfAbsent(
                  java.util.Arrays.asList(a, version), k -> AccessReader.parse(a, version));
          for (Problem p : parsed.problems()) {
            problem(p.code(), path + "." + p.path(), p.message());
          }
          access = parsed.access();
        } else {
          problem(
              ProblemCode.WRONG_TYPE,
              path + ".access",
              "access must be an object (the access body of a cross-cluster API key) but is "
                  + Json.typeName(a));
        }
      }
      LinkState state =
          choice(
              node, path, "state", false,
              s -> s.equals("present") ? Optional.of(LinkState.PRESENT)
                  : s.equals("absent") ? Optional.of(LinkState.ABSENT) : Optional.empty(),
              "present, absent");
      Set<Use> uses = uses(node, path);
      String expiration = scalarText(node, path, "expiration");
      if (expiration != null) {
        String error = SettingValues.timeValueError("expiration", expiration);
        if (error == null && expiration.trim().matches("-0*1|0+|0+[a-zA-Z]+")) {
          error = "[expiration] must be a positive time value such as 30d but is [" + echo(expiration) + "]";
        }
        if (error != null) {
          problem(ProblemCode.INVALID_VALUE, path + ".expiration", error);
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return Link.builder(local, remote, alias).security(security).mode(mode)
          .skipUnavailable(skip).nodeConnections(nodeConnections).proxySocketConnections(sockets)
          .transport(transport).access(access).state(state == null ? LinkState.PRESENT : state)
          .uses(uses).expiration(expiration).build();
    }

    Set<Use> uses(JsonNode node, String path) {
      JsonNode v = node.get("uses");
      if (v == null || v.isNull()) {
        return null;
      }
      String at = path + ".uses";
      if (!v.isArray() || v.isEmpty()) {
        problem(ProblemCode.WRONG_TYPE, at,
            "[uses] must be a non-empty list of search, replication, esql, eql but is "
                + Json.typeName(v));
        return null;
      }
      Set<Use> out = java.util.EnumSet.noneOf(Use.class);
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        try {
          if (!item.isTextual()) {
            throw new IllegalArgumentException("use must be a string but is " + Json.typeName(item));
          }
          out.add(Use.parse(item.asText()));
        } catch (IllegalArgumentException e) {
          problem(ProblemCode.INVALID_VALUE, at + "[" + i + "]", e.getMessage());
        }
      }
      return out;
    }

    TransportOptions transport(JsonNode node, String path, String alias) {
      JsonNode t = node.get("transport");
      String at = path + ".transport";
      if (t == null || t.isNull()) {
        return TransportOptions.NONE;
      }
      if (!object(t, at, "[transport]")) {
        return TransportOptions.NONE;
      }
      keys(t, at, TRANSPORT_KEYS);
      String prefix = EckNames.remoteSetting(alias == null ? "<alias>" : alias, "transport.");
      String compress = scalarText(t, at, "compress");
      if (compress != null) {
        settingValue(at + ".compress", SettingValues.compressError(compress));
      }
      String scheme = scalarText(t, at, "compressionScheme");
      if (scheme != null) {
        settingValue(at + ".compressionScheme", SettingValues.compressionSchemeError(scheme));
      }
      String ping = scalarText(t, at, "pingSchedule");
      if (ping != null) {
        settingValue(
            at + ".pingSchedule", SettingValues.timeValueError(prefix + "ping_schedule", ping));
      }
      return new TransportOptions(compress, scheme, ping);
    }

    void settingValue(String path, String error) {
      if (error != null) {
        problem(ProblemCode.INVALID_VALUE, path, error);
      }
    }

    boolean object(JsonNode node, String path, String what) {
      if (node == null || !node.isObject()) {
        problem(
            ProblemCode.WRONG_TYPE,
            path,
            what + " must be an object but is " + Json.typeName(node));
        return false;
      }
      return true;
    }

    String text(JsonNode node, String path, String key, boolean required) {
      JsonNode v = node.get(key);
      String at = join(path, key);
      if (v == null || v.isNull()) {
        if (required) {
          problem(ProblemCode.MISSING_KEY, at, "[" + key + "] is required");
        }
        return null;
      }
      if (!v.isTextual()) {
        problem(
            ProblemCode.WRONG_TYPE,
            at,
            "[" + key + "] must be a string but is " + Json.typeName(v) + " [" + echo(v.toString()) + "]");
        return null;
      }
      if (v.asText().isEmpty()) {
        problem(ProblemCode.INVALID_VALUE, at, "[" + key + "] must not be empty");
        return null;
      }
      if (v.asText().length() > TopologyReader.MAX_STRING) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            "[" + key + "] is too long: " + v.asText().length() + " characters, at most "
                + TopologyReader.MAX_STRING + " [" + echo(v.asText()) + "]");
        return null;
      }
      return v.asText();
    }

    /** A string, number or boolean given as text (settings take all three). */
    String scalarText(JsonNode node, String path, String key) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isValueNode()) {
        problem(
            ProblemCode.WRONG_TYPE,
            join(path, key),
            "[" + key + "] must be a string but is " + Json.typeName(v));
        return null;
      }
      return v.asText();
    }

    Boolean bool(JsonNode node, String path, String key) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isBoolean()) {
        problem(
            ProblemCode.WRONG_TYPE,
            join(path, key),
            "[" + key + "] must be true or false but is " + Json.typeName(v) + " [" + v + "]");
        return null;
      }
      return v.booleanValue();
    }

    Integer positiveInt(JsonNode node, String path, String key, String setting) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        problem(
            ProblemCode.WRONG_TYPE,
            join(path, key),
            "[" + key + "] must be a whole number from 1 to 2147483647 but is "
                + Json.typeName(v) + " [" + v + "]");
        return null;
      }
      if (v.intValue() < 1) {
        problem(
            ProblemCode.INVALID_VALUE,
            join(path, key),
            "Failed to parse value [" + v.intValue() + "] for setting [" + setting
                + "] must be >= 1");
        return null;
      }
      return v.intValue();
    }

    <T> T choice(
        JsonNode node,
        String path,
        String key,
        boolean required,
        Function<String, Optional<T>> lookup,
        String allowed) {
      String value = text(node, path, key, required);
      if (value == null) {
        return null;
      }
      Optional<T> found = lookup.apply(value);
      if (found.isEmpty()) {
        problem(
            ProblemCode.INVALID_VALUE,
            join(path, key),
            key + " [" + value + "] is invalid: expected one of [" + allowed + "]");
        return null;
      }
      return found.get();
    }

    // ------------------------------------------------ TLS, exposure, trust filter (issue 11)

    /** The parts of a cluster the Elastic docs' TLS steps depend on. */
    static final class ClusterTls {
      CaTrust remoteClusterCa;
      CaTrust transportCa;
      ServiceExposure remoteClusterService;
      ServiceExposure transportService;
      TrustRestrictions trustRestrictions;
      String remoteClusterHost;
    }

    /** A file name of the topology, against the topology file's folder; null when not a path. */
    private Path resolve(String value) {
      try {
        return (baseDirectory == null ? Path.of(value) : baseDirectory.resolve(value)).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        return null;
      }
    }

    ClusterTls readClusterTls(JsonNode node, String path, Deployment deployment) {
      ClusterTls tls = new ClusterTls();
      tls.remoteClusterCa = caTrust(node, path, "remoteClusterCa");
      tls.transportCa = caTrust(node, path, "transportCa");
      tls.remoteClusterService = service(node, path, "remoteClusterService", deployment);
      tls.transportService = service(node, path, "transportService", deployment);
      tls.trustRestrictions = trustRestrictions(node, path);
      tls.remoteClusterHost = text(node, path, "remoteClusterHost", false);
      if (tls.remoteClusterHost != null
          && deployment != null
          && deployment != Deployment.SELF_MANAGED) {
        problem(
            ProblemCode.INVALID_VALUE,
            join(path, "remoteClusterHost"),
            "[remoteClusterHost] (remote_cluster.host) is only allowed with deployment"
                + " [self-managed], not [" + deployment.id() + "]: "
                + (deployment == Deployment.ECK
                    ? "ECK sets remote_cluster.host itself"
                    : "Elastic Cloud runs the remote cluster server itself"));
      }
      return tls;
    }

    /** {@code public}, or the path of a PEM file holding at least one X.509 certificate. */
    CaTrust caTrust(JsonNode node, String path, String key) {
      String value = text(node, path, key, false);
      if (value == null) {
        return null;
      }
      if (value.equals("public")) {
        return CaTrust.PUBLIC;
      }
      String at = join(path, key);
      Path file = resolve(value);
      if (file == null) {
        problem(ProblemCode.INVALID_VALUE, at, key + " [" + value + "] is not a valid path");
        return null;
      }
      String pem = readFile(at, key, value, file);
      if (pem == null) {
        return null;
      }
      try {
        return new CaTrust.PemFile(
            file, io.github.remoteclusters.security.certs.Pem.readCertificates(value, pem));
      } catch (io.github.remoteclusters.security.SecurityInputException e) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            key + " [" + value + "] is invalid: " + e.getMessage()
                + " (expected the word public or a PEM file of CA certificates)");
        return null;
      }
    }

    private String readFile(String at, String key, String value, Path file) {
      try {
        return TextInput.read(file);
      } catch (TextInput.UnreadableInputException e) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            key + " [" + value + "] is invalid: " + e.getMessage()
                + " (paths are relative to the topology file; or use the word public)");
        return null;
      }
    }

    ServiceExposure service(JsonNode node, String path, String key, Deployment deployment) {
      JsonNode s = node.get(key);
      String at = join(path, key);
      if (s == null || s.isNull()) {
        return null;
      }
      if (deployment != null && deployment != Deployment.ECK) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            "[" + key + "] is only allowed with deployment [eck], not [" + deployment.id() + "]");
        return null;
      }
      if (!object(s, at, "[" + key + "]")) {
        return null;
      }
      int before = problems.size();
      keys(s, at, SERVICE_KEYS);
      ServiceExposure.Type type =
          choice(s, at, "type", true, ServiceExposure.Type::fromId, "LoadBalancer, Ingress, NodePort");
      Integer port = null;
      JsonNode p = s.get("port");
      if (p != null && !p.isNull()) {
        if (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 1
            || p.intValue() > 65535) {
          problem(
              ProblemCode.INVALID_VALUE,
              at + ".port",
              "port [" + p + "] is invalid: expected a whole number from 1 to 65535");
        } else {
          port = p.intValue();
        }
      }
      Boolean termination = bool(s, at, "tlsTermination");
      if (problems.size() > before) {
        return null;
      }
      return new ServiceExposure(type, port, Boolean.TRUE.equals(termination));
    }

    /** A list of subject name patterns, or the path of a {@code trust.yml} file. */
    TrustRestrictions trustRestrictions(JsonNode node, String path) {
      JsonNode t = node.get("trustRestrictions");
      String at = join(path, "trustRestrictions");
      if (t == null || t.isNull()) {
        return null;
      }
      if (t.isArray()) {
        List<String> names = subjectNames(t, at);
        return names == null ? null : new TrustRestrictions(names, null);
      }
      if (!t.isTextual()) {
        problem(
            ProblemCode.WRONG_TYPE,
            at,
            "[trustRestrictions] must be the path of a trust.yml file or a list of subject name"
                + " patterns but is " + Json.typeName(t));
        return null;
      }
      Path file = resolve(t.asText());
      if (file == null) {
        problem(ProblemCode.INVALID_VALUE, at, "trustRestrictions [" + t.asText() + "] is not a valid path");
        return null;
      }
      String text = readFile(at, "trustRestrictions", t.asText(), file);
      if (text == null) {
        return null;
      }
      JsonNode doc;
      try {
        doc = Json.parse(text);
      } catch (JsonProcessingException | RuntimeException e) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            "trustRestrictions [" + t.asText() + "] is invalid: not YAML: "
                + (e instanceof JsonProcessingException j ? Json.describe(j) : e.getMessage()));
        return null;
      }
      JsonNode names = doc.path("trust.subject_name");
      if (names.isMissingNode()) {
        names = doc.path("trust").path("subject_name");
      }
      if (!names.isArray()) {
        problem(
            ProblemCode.INVALID_VALUE,
            at,
            "trustRestrictions [" + t.asText() + "] is invalid: expected a list"
                + " [trust.subject_name] (the trust.yml of Elastic Cloud's console)");
        return null;
      }
      List<String> list = subjectNames(names, at);
      return list == null ? null : new TrustRestrictions(list, file);
    }

    private List<String> subjectNames(JsonNode array, String at) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        JsonNode n = array.get(i);
        if (!n.isTextual() || n.asText().isBlank()) {
          problem(
              ProblemCode.INVALID_VALUE,
              at + "[" + i + "]",
              "subject name pattern [" + n + "] is invalid: expected a non-empty string such as"
                  + " \"*.node.<cluster-name>.<namespace>.es.local\"");
          return null;
        }
        out.add(n.asText());
      }
      if (out.isEmpty()) {
        problem(ProblemCode.INVALID_VALUE, at, "trust restrictions need at least one subject name");
        return null;
      }
      return out;
    }

    EsVersion operatorVersion(JsonNode e, String at) {
      JsonNode v = e.get("operatorVersion");
      if (v == null || v.isNull()) {
        return null;
      }
      Optional<EsVersion> parsed = v.isTextual() ? EsVersion.tryParse(v.asText()) : Optional.empty();
      if (parsed.isEmpty()) {
        problem(
            v.isTextual() ? ProblemCode.INVALID_VALUE : ProblemCode.WRONG_TYPE,
            at + ".operatorVersion",
            "operatorVersion [" + v.asText() + "] is invalid: expected a quoted ECK version such"
                + " as \"3.3.0\"");
        return null;
      }
      return parsed.get();
    }

    static String join(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }

  @FunctionalInterface
  private interface ElementReader<T> {
    T read(JsonNode node, String path);
  }
}
