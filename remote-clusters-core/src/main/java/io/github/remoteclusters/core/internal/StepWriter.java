package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckRef;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.TransportOptions;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.EckResource;
import io.github.remoteclusters.core.plan.EckResourceStep;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.HttpRequest;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import java.util.ArrayList;
import java.util.List;

/** Writes the steps of one link's plan, in order. Not API. */
final class StepWriter {

  private static final String ECK_CONFIG_DIR = "/usr/share/elasticsearch/config/";

  /** ECK's own transport CA, first of the CA lists ECK writes into the node configuration. */
  private static final String ECK_TRANSPORT_CA = ECK_CONFIG_DIR + "transport-certs/ca.crt";

  /** The CAs ECK copies from clusters of its environment (or its own CA when there are none). */
  private static final String ECK_REMOTE_CA = ECK_CONFIG_DIR + "transport-remote-certs/ca.crt";

  private final Cluster local;
  private final Cluster remote;
  private final Link link;
  private final ObjectNode access;
  private final SecurityModel security;
  private final Connection connection;
  private final boolean apiKey;
  private final StepCache cache;
  private final List<PlanStep> steps = new ArrayList<>(8);

  StepWriter(
      StepCache cache,
      Cluster local,
      Cluster remote,
      Link link,
      ObjectNode access,
      SecurityModel security,
      Connection connection) {
    this.cache = cache;
    this.access = access;
    this.local = local;
    this.remote = remote;
    this.link = link;
    this.security = security;
    this.connection = connection;
    this.apiKey = security == SecurityModel.API_KEY;
  }

  private String alias() {
    return link.alias();
  }

  private boolean sameEnvironment() {
    return local.sameEckEnvironment(remote);
  }

  /** The name of the cross-cluster API key a plan creates (and a removal invalidates). */
  String keyName() {
    return "remote-clusters-" + local.name() + "-" + alias();
  }

  // ------------------------------------------------------------ adding a link

  List<PlanStep> present() {
    if (sameEnvironment()) {
      if (apiKey && !remote.remoteClusterServerEnabled()) {
        ObjectNode patch = Json.object();
        patch.putObject("remoteClusterServer").put("enabled", true);
        eck(
            StepAction.ENABLE_REMOTE_CLUSTER_SERVER,
            remote,
            "enable the remote cluster server of [" + remote.name()
                + "] so that ECK can connect API-key links to it (rolling restart)",
            patch);
      }
      ObjectNode patch = Json.object();
      patch.putArray("remoteClusters").add(eckEntry());
      eck(
          StepAction.PATCH_ECK_RESOURCE,
          local,
          "declare [" + alias() + "] in spec.remoteClusters; the operator "
              + (apiKey ? "creates the cross-cluster API key on [" + remote.name()
                  + "], stores it in the keystore of [" + local.name() + "], " : "")
              + "exchanges the CAs and writes cluster.remote." + alias() + ".seeds",
          patch);
    } else {
      remoteSide();
      trust();
      if (apiKey) {
        createKey();
        storeCredentials();
      }
      putSettings();
    }
    roles();
    verify();
    return steps;
  }

  private ObjectNode eckEntry() {
    ObjectNode entry = Json.object();
    entry.put("name", alias());
    EckRef ref = remote.eck();
    ObjectNode es = entry.putObject("elasticsearchRef");
    es.put("name", ref.name());
    es.put("namespace", ref.namespace());
    if (apiKey) {
      entry.putObject("apiKey").set("access", eckAccess(access));
    }
    return entry;
  }

  /** ECK's CRD takes single objects for search and replication, and both field_security lists. */
  private static ObjectNode eckAccess(ObjectNode access) {
    ObjectNode out = Json.object();
    for (String field : List.of("search", "replication")) {
      JsonNode node = access.get(field);
      if (node == null || (node.isArray() && node.isEmpty())) {
        continue;
      }
      ObjectNode entry = (ObjectNode) (node.isArray() ? node.get(0) : node).deepCopy();
      JsonNode names = entry.get("names");
      if (names != null && names.isTextual()) {
        entry.set("names", LinkPlanner.array(names.asText()));
      }
      JsonNode fls = entry.get("field_security");
      if (fls != null && fls.isObject() && !fls.has("except")) {
        ((ObjectNode) fls).putArray("except");
      }
      out.set(field, entry);
    }
    return out;
  }

  private void remoteSide() {
    if (security == SecurityModel.NONE) {
      return;
    }
    if (remote.deployment() == Deployment.ECK) {
      ObjectNode expose = Json.object();
      if (apiKey) {
        if (!remote.remoteClusterServerEnabled()) {
          ObjectNode enable = Json.object();
          enable.putObject("remoteClusterServer").put("enabled", true);
          eck(
              StepAction.ENABLE_REMOTE_CLUSTER_SERVER,
              remote,
              "enable the remote cluster server of [" + remote.name() + "] (rolling restart)",
              enable);
        }
        expose.putObject("remoteClusterServer").put("enabled", true)
            .putObject("service").putObject("spec").put("type", "LoadBalancer");
      } else {
        expose.putObject("transport").putObject("service").putObject("spec")
            .put("type", "LoadBalancer");
      }
      String service = remote.eck().name() + (apiKey ? "-es-remote-cluster" : "-es-transport");
      eck(
          StepAction.EXPOSE_SERVICE,
          remote,
          "expose service " + service + " outside its Kubernetes cluster as a LoadBalancer"
              + (apiKey ? " (ECK 3.3+; with ECK 3.0 to 3.2 run: kubectl expose service " + service
                  + " -n " + remote.eck().namespace() + " --name=" + service
                  + "-lb --type=LoadBalancer --port=9443 --target-port=9443)" : "")
              + "; its address must match cluster [" + remote.name() + "] "
              + (apiKey ? "remoteClusterAddress" : "transportAddress"),
          expose);
    } else if (apiKey && !remote.remoteClusterServerEnabled()) {
      manual(
          StepAction.ENABLE_REMOTE_CLUSTER_SERVER,
          remote,
          "enable the remote cluster server of [" + remote.name() + "] (port 9443)",
          remote.deployment() == Deployment.SELF_MANAGED
              ? List.of(
                  "in elasticsearch.yml of every node: remote_cluster_server.enabled: true",
                  "give the server a certificate: xpack.security.remote_cluster_server.ssl.key and"
                      + " xpack.security.remote_cluster_server.ssl.certificate (or .keystore.path)",
                  "open port 9443 (remote_cluster.port) to the nodes of [" + local.name() + "]",
                  "restart the nodes one at a time")
              : List.of(
                  "in the " + remote.deployment().id() + " console, enable the remote cluster"
                      + " server (API-key remote connections) of the deployment"));
    }
  }

  private void trust() {
    if (security == SecurityModel.NONE) {
      return;
    }
    if (!apiKey || remote.deployment() != Deployment.ECH) {
      trustOn(local, remote);
    }
    if (!apiKey) {
      trustOn(remote, local);
    }
  }

  /** Makes {@code truster} trust the CA of {@code trusted}. */
  private void trustOn(Cluster truster, Cluster trusted) {
    // Self-managed trusters get instructions that name neither themselves nor the alias.
    boolean shared = truster.deployment() == Deployment.SELF_MANAGED;
    StepCache.TrustKey key =
        new StepCache.TrustKey(trusted, apiKey, shared ? null : truster, shared ? null : alias());
    List<String> lines = StepCache.get(cache.trustLines, key, k -> trustLines(truster, trusted));
    manual(
        StepAction.TRUST_CA,
        truster.name(),
        "make [" + truster.name() + "] trust the CA of [" + trusted.name() + "] for "
            + (apiKey ? "its remote cluster client (API keys)" : "the transport layer (certificates)"),
        lines);
  }

  private List<String> trustLines(Cluster truster, Cluster trusted) {
    String file = trusted.name() + "-ca.crt";
    List<String> instructions = trustInstructions(truster, trusted, file);
    String[] lines = new String[instructions.size() + 1];
    lines[0] = "get " + caSource(trusted) + " into file " + file;
    for (int i = 0; i < instructions.size(); i++) {
      lines[i + 1] = instructions.get(i);
    }
    return List.of(lines);
  }

  private String caSource(Cluster c) {
    switch (c.deployment()) {
      case ECK:
        return "the ca.crt of Secret " + c.eck().name() + "-es-transport-certs-public in namespace "
            + c.eck().namespace() + " (kubectl get secret " + c.eck().name()
            + "-es-transport-certs-public -n " + c.eck().namespace()
            + " -o jsonpath='{.data.ca\\.crt}' | base64 -d)";
      case ECE:
        return apiKey
            ? "the proxy root CA (Platform > Settings > TLS certificates > Proxy > Show certificate"
                + " chain > copy the root certificate)"
            : "the CA certificate of the deployment (Security page > CA certificates)";
      case ECH:
        return "the CA certificate of the deployment (Security page > CA certificates)";
      default:
        return apiKey
            ? "the CA that signed the certificates of xpack.security.remote_cluster_server.ssl on ["
                + c.name() + "]"
            : "the CA that signed the transport certificates (xpack.security.transport.ssl) of ["
                + c.name() + "]";
    }
  }

  private List<String> trustInstructions(Cluster truster, Cluster trusted, String file) {
    switch (truster.deployment()) {
      case ECK:
        String ns = truster.eck().namespace();
        if (apiKey) {
          String map = alias() + "-remote-ca";
          return List.of(
              "kubectl create configmap " + map + " -n " + ns + " --from-file=ca.crt=" + file,
              "mount ConfigMap " + map + " at " + ECK_CONFIG_DIR + "remote-certs/" + alias()
                  + " in the podTemplate of every nodeSet of " + truster.eck().name(),
              "in every nodeSet config: add \"remote-certs/" + alias() + "/ca.crt\" to"
                  + " xpack.security.remote_cluster_client.ssl.certificate_authorities; the list"
                  + " replaces the one ECK sets itself, so it must also hold ECK's CAs \""
                  + ECK_TRANSPORT_CA + "\" and \"" + ECK_REMOTE_CA + "\" and the CAs of the"
                  + " other remote links of " + truster.eck().name());
        }
        String certs = truster.eck().name() + "-remote-certs";
        return List.of(
            "kubectl create configmap " + certs + " -n " + ns + " --from-file=ca.crt=" + file
                + " (append to ca.crt if the ConfigMap already holds other CAs)",
            "set spec.transport.tls.certificateAuthorities.configMapName: " + certs + " on "
                + truster.eck().name() + " (ECK adds it to the transport trust; rolling restart)");
      case SELF_MANAGED:
        return apiKey
            ? List.of(
                "copy " + file + " to the config directory of every node",
                "in elasticsearch.yml of every node: xpack.security.remote_cluster_client.ssl.enabled:"
                    + " true, and add \"" + file + "\" to"
                    + " xpack.security.remote_cluster_client.ssl.certificate_authorities (a list:"
                    + " keep the CAs of the other remote links)",
                "restart the nodes one at a time")
            : List.of(
                "copy " + file + " to the config directory of every node",
                "add it to xpack.security.transport.ssl.certificate_authorities in elasticsearch.yml",
                "restart the nodes one at a time");
      default:
        List<String> lines = new ArrayList<>();
        lines.add("in the " + truster.deployment().id() + " console of [" + truster.name()
            + "]: Security > Remote connections > Add trusted environment > Self-managed > "
            + (apiKey ? "API keys > the CA is private" : "Certificates"));
        lines.add("upload " + file);
        if (!apiKey && trusted.deployment() == Deployment.ECK) {
          lines.add("trust clusters whose Common Name follows the Elastic pattern, Scope ID "
              + trusted.eck().namespace() + ".es.local, all deployments");
        }
        lines.add("name the environment and create the trust");
        return lines;
    }
  }

  private void createKey() {
    ObjectNode body = Json.object();
    body.put("name", keyName());
    body.set("access", access);
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("managed-by", "remote-clusters");
    metadata.put("local-cluster", local.name());
    metadata.put("alias", alias());
    request(
        StepAction.CREATE_CROSS_CLUSTER_API_KEY,
        remote,
        text(CREATE_KEY_TEXT, null, k -> "create the cross-cluster API key of [" + k.alias()
            + "] (needs manage_security); keep the encoded value of the response for"
            + " STORE_CREDENTIALS, it is never written to a plan"),
        "POST",
        "/_security/cross_cluster/api_key",
        body);
  }

  private void storeCredentials() {
    String setting = "cluster.remote." + alias() + ".credentials";
    String secret = "<encoded value of API key " + keyName() + ">";
    List<String> lines;
    switch (local.deployment()) {
      case ECK:
        String name = local.eck().name() + "-remote-" + alias() + "-credentials";
        lines = List.of(
            "kubectl create secret generic " + name + " -n " + local.eck().namespace()
                + " --from-literal=" + setting + "='" + secret + "'",
            "add {secretName: " + name + "} to spec.secureSettings of " + local.eck().name(),
            "in every nodeSet config: xpack.security.remote_cluster_client.ssl.enabled: true",
            "ECK restarts the nodes to load the new keystore entry");
        break;
      case SELF_MANAGED:
        lines = List.of(
            "on every node: bin/elasticsearch-keystore add " + setting + " and paste " + secret,
            "in elasticsearch.yml of every node: xpack.security.remote_cluster_client.ssl.enabled:"
                + " true (a restart is needed only if this line is new)");
        break;
      default:
        lines = List.of(
            "in the " + local.deployment().id() + " console of [" + local.name()
                + "]: Security > Remote connections > Add API key",
            "remote cluster name: " + alias() + ", cross-cluster API key: " + secret);
        break;
    }
    manual(
        StepAction.STORE_CREDENTIALS,
        local,
        "put the API key into the keystore of [" + local.name() + "] as " + setting,
        lines);
    if (local.deployment() == Deployment.SELF_MANAGED) {
      request(
          StepAction.RELOAD_SECURE_SETTINGS,
          local,
          text(RELOAD_TEXT, null, k -> "reload the keystore on every node so that cluster.remote."
              + k.alias() + ".credentials takes effect without a restart"),
          "POST",
          "/_nodes/reload_secure_settings",
          null);
    } else if (local.deployment().isElasticCloud() && !local.version().isAtLeast(8, 14)) {
      manual(
          StepAction.RELOAD_SECURE_SETTINGS,
          local,
          "restart the deployment: below 8.14 Elastic Cloud does not reload the keystore by itself",
          List.of("in the console of [" + local.name() + "]: restart Elasticsearch"));
    }
  }

  private void putSettings() {
    StepCache.SettingsKey key =
        new StepCache.SettingsKey(alias(), connection, link.skipUnavailable(), link.transport());
    String mode = modeId(connection);
    request(
        StepAction.PUT_REMOTE_SETTINGS,
        local,
        text(PUT_TEXT, mode, k -> "connect [" + k.alias() + "] in " + k.flag() + " mode; every"
            + " other key of the alias is nulled in the same request, so a mode switch leaves"
            + " nothing behind"),
        "PUT",
        "/_cluster/settings",
        StepCache.get(cache.settingsBodies, key, k -> settingsBody(aliasSettings())));
  }

  /** The {@code cluster.remote.<alias>} object of a settings body: every key, nulled or set. */
  private ObjectNode aliasSettings() {
    ObjectNode alias = allKeysNull();
    alias.put("mode", modeId(connection));
    if (connection instanceof Connection.Sniff) {
      Connection.Sniff sniff = (Connection.Sniff) connection;
      ArrayNode seeds = alias.putArray("seeds");
      sniff.seeds().forEach(seeds::add);
      putIfSet(alias, "node_connections", sniff.nodeConnections());
    } else if (connection instanceof Connection.Proxy) {
      Connection.Proxy proxy = (Connection.Proxy) connection;
      alias.put("proxy_address", proxy.address());
      if (proxy.serverName() != null) {
        alias.put("server_name", proxy.serverName());
      }
      putIfSet(alias, "proxy_socket_connections", proxy.socketConnections());
    } else {
      throw new IllegalStateException("unknown connection " + connection);
    }
    if (link.skipUnavailable() != null) {
      alias.put("skip_unavailable", link.skipUnavailable());
    }
    TransportOptions t = link.transport();
    putIfSet(alias, "transport.ping_schedule", t.pingSchedule());
    putIfSet(alias, "transport.compress", t.compress());
    putIfSet(alias, "transport.compression_scheme", t.compressionScheme());
    return alias;
  }

  /** {@link io.github.remoteclusters.core.Mode#id()} without building a new string each time. */
  private static String modeId(Connection connection) {
    return connection instanceof Connection.Proxy ? "proxy" : "sniff";
  }

  /** A description that depends only on the alias, {@code flag} and the security model. */
  private String text(int kind, String flag, java.util.function.Function<StepCache.TextKey, String> make) {
    return StepCache.get(cache.texts, new StepCache.TextKey(kind, alias(), flag, apiKey), make);
  }

  private static final int CREATE_KEY_TEXT = 0;
  private static final int RELOAD_TEXT = 1;
  private static final int PUT_TEXT = 2;
  private static final int VERIFY_TEXT = 3;

  /** Every key of the alias set to null: a removal, or the base every plan overwrites. */
  private static ObjectNode allKeysNull() {
    ObjectNode alias = new ObjectNode(Json.NODES, new java.util.LinkedHashMap<>(32));
    for (String key : SettingValues.ALIAS_KEYS) {
      alias.putNull(key);
    }
    return alias;
  }

  private static void putIfSet(ObjectNode node, String key, Object value) {
    if (value instanceof Integer) {
      node.put(key, (Integer) value);
    } else if (value != null) {
      node.put(key, value.toString());
    }
  }

  private ObjectNode settingsBody(ObjectNode aliasSettings) {
    ObjectNode body = Json.object();
    body.putObject("persistent").putObject("cluster").putObject("remote").set(alias(), aliasSettings);
    return body;
  }

  private void roles() {
    if (!apiKey) {
      if (security == SecurityModel.CERTIFICATE) {
        manual(
            StepAction.MANUAL,
            remote,
            "with certificates [" + remote.name() + "] authorizes by role name: the roles of the"
                + " local users must also exist there",
            List.of(
                "on [" + remote.name() + "] create roles with the same names as the roles of the"
                    + " users of [" + local.name() + "]",
                "grant them read and read_cross_cluster (search) or read_ccr and monitor/read"
                    + " (replication) on the indices " + alias() + " should reach"));
      }
      return;
    }
    boolean replication = link.wantsReplication();
    ObjectNode body =
        StepCache.get(
            cache.roleBodies,
            new StepCache.RoleKey(alias(), access, replication),
            k -> roleBody(replication));
    request(
        StepAction.CREATE_LOCAL_ROLE,
        local,
        "create the local role that grants the users of [" + local.name() + "] access through ["
            + alias() + "]; assign it to them (the key's access caps what it can grant)",
        "PUT",
        "/_security/role/remote-" + alias(),
        body);
  }

  private ObjectNode roleBody(boolean replication) {
    ObjectNode body = Json.object();
    if (replication) {
      body.set("cluster", StepCache.MANAGE_CCR);
    }
    ArrayNode remoteIndices = body.putArray("remote_indices");
    addRemoteIndices(remoteIndices, access.get("search"), StepCache.SEARCH_PRIVILEGES);
    addRemoteIndices(remoteIndices, access.get("replication"), StepCache.REPLICATION_PRIVILEGES);
    return body;
  }

  private void addRemoteIndices(ArrayNode out, JsonNode entries, ArrayNode privileges) {
    if (entries == null || entries.isNull()) {
      return;
    }
    List<JsonNode> list = new ArrayList<>();
    if (entries.isArray()) {
      entries.forEach(list::add);
    } else {
      list.add(entries);
    }
    for (JsonNode entry : list) {
      ObjectNode r = out.addObject();
      r.set("clusters", LinkPlanner.array(alias()));
      JsonNode names = entry.get("names");
      r.set("names", names.isArray() ? names : LinkPlanner.array(names.asText()));
      r.set("privileges", privileges);
    }
  }

  private void verify() {
    request(
        StepAction.VERIFY_CONNECTED,
        local,
        text(VERIFY_TEXT, modeId(connection), k -> "check that [" + k.alias()
            + "] shows connected: true and mode: " + k.flag()
            + (k.apiKey() ? " and cluster_credentials: ::es_redacted::" : "")
            + " (a 200 from PUT _cluster/settings does not mean connected)"),
        "GET",
        "/_remote/info",
        null);
  }

  // ------------------------------------------------------------ removing a link

  List<PlanStep> absent() {
    if (sameEnvironment()) {
      ObjectNode entry = Json.object();
      entry.put("name", alias());
      entry.put("$patch", "delete");
      ObjectNode patch = Json.object();
      patch.putArray("remoteClusters").add(entry);
      eck(
          StepAction.PATCH_ECK_RESOURCE,
          local,
          "remove [" + alias() + "] from spec.remoteClusters; the operator nulls its seeds,"
              + " invalidates the API key it made and deletes the CA copies",
          patch);
      return steps;
    }
    request(
        StepAction.REMOVE_REMOTE,
        local,
        "remove [" + alias() + "] by nulling every key of the alias in one request (nulling only"
            + " seeds fails while skip_unavailable or transport.* is set)",
        "PUT",
        "/_cluster/settings",
        StepCache.get(
            cache.settingsBodies,
            new StepCache.SettingsKey(alias(), null, null, null),
            k -> settingsBody(allKeysNull())));
    if (apiKey) {
      String setting = "cluster.remote." + alias() + ".credentials";
      manual(
          StepAction.MANUAL,
          local,
          "remove the credentials of [" + alias() + "] from the keystore of [" + local.name() + "]",
          List.of(
              local.deployment() == Deployment.SELF_MANAGED
                  ? "on every node: bin/elasticsearch-keystore remove " + setting
                      + ", then POST /_nodes/reload_secure_settings"
                  : local.deployment() == Deployment.ECK
                      ? "remove Secret " + local.eck().name() + "-remote-" + alias()
                          + "-credentials from spec.secureSettings and delete it"
                      : "in the console: Security > Remote connections > delete the API key of "
                          + alias()));
      ObjectNode body = Json.object();
      body.put("name", keyName());
      request(
          StepAction.INVALIDATE_API_KEY,
          remote,
          "invalidate the cross-cluster API key of [" + alias() + "]",
          "DELETE",
          "/_security/api_key",
          body);
    }
    return steps;
  }

  // ------------------------------------------------------------ step factories

  private void eck(StepAction action, Cluster target, String description, ObjectNode patch) {
    EckRef ref = target.eck();
    steps.add(
        new EckResourceStep(
            action,
            target.name(),
            description,
            new EckResource("Elasticsearch", ref.name(), ref.namespace()),
            patch));
  }

  private void manual(StepAction action, Cluster target, String description, List<String> lines) {
    manual(action, target.name(), description, lines);
  }

  private void manual(StepAction action, String target, String description, List<String> lines) {
    steps.add(new ManualStep(action, target, description, lines));
  }

  private void request(
      StepAction action,
      Cluster target,
      String description,
      String method,
      String path,
      ObjectNode body) {
    steps.add(
        new ElasticsearchRequestStep(
            action, target.name(), description, new HttpRequest(method, path, body)));
  }
}
