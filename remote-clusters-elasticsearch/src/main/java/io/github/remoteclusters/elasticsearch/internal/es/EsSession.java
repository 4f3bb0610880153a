package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.cluster.GetClusterSettingsResponse;
import co.elastic.clients.elasticsearch.cluster.RemoteInfoRequest;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.nodes.ReloadSecureSettingsResponse;
import co.elastic.clients.elasticsearch.security.ApiKey;
import co.elastic.clients.elasticsearch.security.ApiKeyType;
import co.elastic.clients.elasticsearch.security.CreateCrossClusterApiKeyRequest;
import co.elastic.clients.elasticsearch.security.CreateCrossClusterApiKeyResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.endpoints.SimpleEndpoint;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Redaction;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cluster behind the official client: version detection ({@code GET /}, then {@code
 * compatible-with=8} headers for an 8.x server), the two reads, the one write, and the security
 * calls. Every request is counted. Not API.
 */
public final class EsSession implements AutoCloseable {

  /** The media type an 8.x server accepts from a 9.x client. */
  static final String COMPAT_8 = "application/vnd.elasticsearch+json; compatible-with=8";

  private final String name;
  private final ElasticsearchTransport transport;
  private final ElasticsearchClient client;
  private final RequestCounter counter;
  private final EsVersion version;
  private final String clusterName;

  private EsSession(
      String name,
      ElasticsearchTransport transport,
      ElasticsearchClient client,
      RequestCounter counter,
      EsVersion version,
      String clusterName) {
    this.name = name;
    this.transport = transport;
    this.client = client;
    this.counter = counter;
    this.version = version;
    this.clusterName = clusterName;
  }

  /**
   * Connects and detects the server version with {@code GET /}, sent with {@code
   * compatible-with=8} headers, which 8.x and 9.x servers both accept; a 9.x (or newer) server is
   * then talked to with the client's own headers.
   *
   * @param name the cluster's name in the topology, for messages
   * @param endpoint where it is
   * @param connector how to open a transport
   * @return the connected cluster
   * @throws ApplyException when it cannot be reached or is older than 8.0
   */
  public static EsSession connect(String name, ClusterEndpoint endpoint, EsConnector connector) {
    RequestCounter counter = new RequestCounter();
    ElasticsearchTransport transport = connector.open(endpoint, counter);
    return detect(name, transport, counter, e -> {
      ApplyException f = failure(name, null, ApplyStep.CONNECT, e, "");
      String tls = TlsFailure.describe(e, Redaction.url(endpoint.url().toString()),
          endpoint.sslContext() != null);
      if (tls != null) {
        f = new ApplyException(name, null, ApplyStep.CONNECT, 0, tls, e);
      } else if (f.httpStatus() == 0 && find(e, RemoteCallException.class) == null) {
        f = failure(name, null, ApplyStep.CONNECT, e,
            "cannot reach " + Redaction.url(endpoint.url().toString()) + ": ");
      }
      return f;
    });
  }

  /**
   * Connects through a client the user made, and detects the server version as {@link
   * #connect(String, ClusterEndpoint, EsConnector)} does. Requests go through the client's
   * transport and transport options (its authentication, proxies, metrics and TLS, host-name
   * verification included), each bounded by the request timeout and counted; closing the session
   * leaves the client open.
   *
   * @param name the cluster's name in the topology, for messages
   * @param client the user's client
   * @param requestTimeout the most one request may take
   * @return the connected cluster
   * @throws ApplyException when it cannot be reached or is older than 8.0
   */
  public static EsSession connect(String name, ElasticsearchClient client,
      java.time.Duration requestTimeout) {
    RequestCounter counter = new RequestCounter();
    ElasticsearchTransport transport = new UserTransport(client, requestTimeout, counter);
    return detect(name, transport, counter, e -> {
      ApplyException f = failure(name, null, ApplyStep.CONNECT, e, "");
      if (f.httpStatus() == 0 && find(e, RemoteCallException.class) == null) {
        f = failure(name, null, ApplyStep.CONNECT, e,
            "cannot reach it through the ElasticsearchClient given for it: ");
      }
      return f;
    });
  }

  /**
   * Opens a session to a cluster of a topology: through the client its access yields, if any,
   * else through a transport opened on its endpoint.
   *
   * @param cluster the cluster
   * @param access how to reach it
   * @param connector how to open a transport to an endpoint
   * @param requestTimeout the most one request through a user's client may take
   * @return the connected cluster
   * @throws ApplyException when the access knows no way to reach it, or it cannot be reached
   */
  public static EsSession connect(io.github.remoteclusters.core.Cluster cluster,
      io.github.remoteclusters.elasticsearch.spi.ClusterAccess access, EsConnector connector,
      java.time.Duration requestTimeout) {
    java.util.Optional<ElasticsearchClient> own;
    ClusterEndpoint endpoint = null;
    try {
      own = access.client(cluster);
      if (own.isEmpty()) {
        endpoint = access.endpoint(cluster);
      }
    } catch (IllegalArgumentException e) {
      throw new ApplyException(cluster.name(), null, ApplyStep.CONNECT, 0, e.getMessage(), e);
    }
    return own.isPresent()
        ? connect(cluster.name(), own.get(), requestTimeout)
        : connect(cluster.name(), endpoint, connector);
  }

  /**
   * Detects the server version with {@code GET /} over an open transport; closes the transport
   * when that fails.
   */
  private static EsSession detect(String name, ElasticsearchTransport transport,
      RequestCounter counter, java.util.function.Function<Exception, ApplyException> unreachable) {
    ElasticsearchClient base = new ElasticsearchClient(transport);
    TransportOptions compat8 =
        transport.options().toBuilder()
            .setHeader("Accept", COMPAT_8)
            .setHeader("Content-Type", COMPAT_8)
            .build();
    ElasticsearchClient v8 = base.withTransportOptions(compat8);
    InfoResponse info;
    try {
      info = v8.info();
    } catch (IOException | RuntimeException e) {
      closeQuietly(transport);
      throw unreachable.apply(e);
    }
    EsVersion version;
    try {
      version = EsVersion.parse(info.version().number());
    } catch (RuntimeException e) {
      closeQuietly(transport);
      throw new ApplyException(
          name, null, ApplyStep.CONNECT, 0,
          "version [" + info.version().number() + "] reported by GET / is not understood", e);
    }
    if (version.major() < 8) {
      closeQuietly(transport);
      throw new ApplyException(
          name, null, ApplyStep.CONNECT, 0,
          "Elasticsearch " + version + " is not supported: the applier needs 8.0 or newer", null);
    }
    ElasticsearchClient client = version.major() == 8 ? v8 : base;
    return new EsSession(name, transport, client, counter, version, info.clusterName());
  }

  /** {@return the cluster's name in the topology} */
  public String name() {
    return name;
  }

  /** {@return the server version from {@code GET /}} */
  public EsVersion version() {
    return version;
  }

  /** {@return the {@code cluster_name} from {@code GET /}} */
  public String clusterName() {
    return clusterName;
  }

  /** {@return whether requests carry {@code compatible-with=8}} */
  public boolean compatibleWith8() {
    return version.major() == 8;
  }

  /** {@return the request counter} */
  public RequestCounter counter() {
    return counter;
  }

  /** {@return the client, for callers inside this project (tests, the demo)} */
  public ElasticsearchClient client() {
    return client;
  }

  /**
   * The persistent and transient settings, flat, restricted to {@code cluster.remote.*}.
   *
   * @return the two scopes
   */
  public Settings readSettings() {
    GetClusterSettingsResponse r;
    try {
      r = client.cluster().getSettings(g -> g.flatSettings(true));
    } catch (IOException | RuntimeException e) {
      throw failure(name, null, ApplyStep.READ_SETTINGS, e, "");
    }
    return new Settings(remoteKeys(r.persistent()), remoteKeys(r.transient_()));
  }

  /** The id of Elasticsearch's {@code STATE_NOT_RECOVERED_BLOCK} (GatewayService). */
  static final String STATE_NOT_RECOVERED_BLOCK = "1";

  /** The id of Elasticsearch's no-master block (NoMasterBlockService). */
  static final String NO_MASTER_BLOCK = "2";

  /**
   * The {@code cluster.remote.*} settings, read only when they are known to be complete: a node
   * that has just started answers {@code GET _cluster/settings} with 200 and <em>no</em>
   * persistent settings until the cluster state is recovered from disk. This first reads the
   * global blocks ({@code GET _cluster/state/blocks}); while Elasticsearch reports the block
   * {@code 1} "state not recovered / initialized" or the no-master block {@code 2}, or cannot
   * answer for want of a master, it returns {@link SettingsRead.NotRecovered} and reads nothing
   * else. A caller must then neither forget nor rewrite anything it owns.
   *
   * @return the settings, or why they cannot be trusted yet
   * @throws ApplyException when the cluster cannot be read for another reason
   */
  public SettingsRead readSettingsIfRecovered() {
    JsonNode blocks;
    try {
      blocks = toJackson(client.cluster()
          .state(r -> r.metric(co.elastic.clients.elasticsearch.cluster.state.ClusterStateMetric.Blocks))
          .state()).path("blocks").path("global");
    } catch (IOException | RuntimeException e) {
      ApplyException f = failure(name, null, ApplyStep.READ_SETTINGS, e, "");
      if (f.httpStatus() == 503) {
        return new SettingsRead.NotRecovered(
            "[" + name + "] has no elected master yet (GET /_cluster/state/blocks answered 503): "
                + f.getMessage());
      }
      throw f;
    }
    for (String id : java.util.List.of(STATE_NOT_RECOVERED_BLOCK, NO_MASTER_BLOCK)) {
      JsonNode block = blocks.get(id);
      if (block != null) {
        return new SettingsRead.NotRecovered("[" + name + "] reports the cluster block [" + id
            + "] \"" + block.path("description").asText() + "\": its cluster state is not"
            + " recovered, so its settings are not known yet; run again once it is");
      }
    }
    return new SettingsRead.Complete(readSettings());
  }

  /** What {@link #readSettingsIfRecovered()} found. */
  public sealed interface SettingsRead {
    /**
     * The cluster state is recovered: the settings are complete.
     *
     * @param settings the {@code cluster.remote.*} settings
     */
    record Complete(Settings settings) implements SettingsRead {}

    /**
     * The cluster state is not recovered (or no master is elected): an empty read means nothing.
     *
     * @param reason what Elasticsearch reported
     */
    record NotRecovered(String reason) implements SettingsRead {}
  }

  /**
   * {@code GET _remote/info}, the typed request with its response kept as JSON: the typed
   * response of elasticsearch-java 9.5.6 has no {@code cluster_credentials} for sniff mode, which
   * is how the API-key model shows.
   */
  private static final SimpleEndpoint<RemoteInfoRequest, JsonData> RAW_REMOTE_INFO =
      rawRemoteInfo();

  @SuppressWarnings("unchecked")
  private static SimpleEndpoint<RemoteInfoRequest, JsonData> rawRemoteInfo() {
    return ((SimpleEndpoint<RemoteInfoRequest, ?>) (Object) RemoteInfoRequest._ENDPOINT)
        .withResponseDeserializer(JsonData._DESERIALIZER);
  }

  /**
   * The cluster's remote-cluster info by alias.
   *
   * @return the info, sorted by alias
   */
  public Map<String, RemoteInfo> remoteInfo() {
    JsonNode tree;
    try {
      JsonData raw = client._transport().performRequest(
          RemoteInfoRequest._INSTANCE, RAW_REMOTE_INFO, client._transportOptions());
      tree = toJackson(raw);
    } catch (IOException | RuntimeException e) {
      throw failure(name, null, ApplyStep.READ_REMOTE_INFO, e, "");
    }
    Map<String, RemoteInfo> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : tree.properties()) {
      out.put(e.getKey(), convert(e.getValue()));
    }
    return out;
  }

  /**
   * What the local cluster itself reports when it tries the alias: the {@code error} of
   * {@code GET _resolve/cluster/<alias>:*} (Elasticsearch 8.13 and later), which carries the real
   * reason of a failed connection (TLS, authentication, licence). Never throws: a failed call or an
   * older version gives null, and the diagnosis falls back on what it can see from outside.
   *
   * @param alias the alias
   * @return the error text, or null when there is none or it cannot be read
   */
  public String remoteError(String alias) {
    if (version.major() < 8 || (version.major() == 8 && version.minor() < 13)) {
      return null;
    }
    try {
      var r = client.indices().resolveCluster(b -> b.name(alias + ":*"));
      var info = r.get(alias);
      return info == null ? null : info.error();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * What {@code GET _resolve/cluster} says of one alias.
   *
   * @param connected whether the local cluster could connect (it tries)
   * @param error the error it reports, or null
   * @param version the remote's version number, or null when not reported
   */
  public record Resolved(boolean connected, String error, String version) {}

  /** Whether {@code _resolve/cluster} exists on this server (8.13 and later). */
  public boolean hasResolveCluster() {
    return version.major() > 8 || (version.major() == 8 && version.minor() >= 13);
  }

  /**
   * One {@code GET _resolve/cluster/<a1>:*,<a2>:*} for several aliases at once: the local cluster
   * tries to connect to each (unlike {@code _remote/info}), and reports its own error. With 8.18
   * and later, the request carries {@code timeout}, so that an unresponsive remote is reported as
   * not connected instead of holding the answer.
   *
   * @param aliases the aliases
   * @param timeout how long the local cluster may wait for the remotes
   * @return by alias; empty when the server has no such API or no alias is given
   * @throws ApplyException when the request fails
   */
  public Map<String, Resolved> resolveClusters(java.util.Collection<String> aliases,
      java.time.Duration timeout) {
    if (aliases.isEmpty() || !hasResolveCluster()) {
      return Map.of();
    }
    java.util.List<String> names = aliases.stream().map(a -> a + ":*").toList();
    boolean withTimeout = version.major() > 8 || version.minor() >= 18;
    try {
      var r = client.indices().resolveCluster(b -> {
        b.name(names);
        if (withTimeout) {
          b.timeout(t -> t.time(Math.max(1, timeout.toMillis()) + "ms"));
        }
        return b;
      });
      Map<String, Resolved> out = new TreeMap<>();
      r.infos().forEach((alias, info) -> out.put(alias, new Resolved(info.connected(),
          info.error(), info.version() == null ? null : info.version().number())));
      return out;
    } catch (IOException | RuntimeException e) {
      throw failure(name, null, ApplyStep.READ_REMOTE_INFO, e, "_resolve/cluster: ");
    }
  }

  /**
   * The expiry of the newest active API key of each name matching a pattern, from one {@code
   * GET _security/api_key?name=<pattern>&active_only=true}.
   *
   * @param namePattern a key name, wildcards allowed
   * @return expiry by key name; a key that never expires maps to {@link java.time.Instant#MAX}
   * @throws ApplyException when the request fails
   */
  public Map<String, java.time.Instant> apiKeyExpiries(String namePattern) {
    java.util.List<ApiKey> keys;
    try {
      keys = client.security().getApiKey(g -> g.name(namePattern).activeOnly(true)).apiKeys();
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElasticsearchException ee && ee.status() == 404) {
        return Map.of();
      }
      throw failure(name, null, ApplyStep.LIST_API_KEYS, e, "cannot list API keys: ");
    }
    Map<String, java.time.Instant> out = new TreeMap<>();
    Map<String, Long> created = new java.util.HashMap<>();
    for (ApiKey k : keys) {
      if (k.invalidated() || k.creation() < created.getOrDefault(k.name(), Long.MIN_VALUE)) {
        continue;
      }
      created.put(k.name(), k.creation());
      out.put(k.name(), k.expiration() == null
          ? java.time.Instant.MAX : java.time.Instant.ofEpochMilli(k.expiration()));
    }
    return out;
  }

  /**
   * The subjects of the CA certificates the node's TLS configurations trust, from
   * {@code GET _ssl/certificates} (the certificates without a private key). Never throws: null
   * when the call fails (security off, or no privilege).
   *
   * @return the subject DNs (RFC 2253), or null when unknown
   */
  public java.util.Set<String> trustedCertificateSubjects() {
    try {
      java.util.Set<String> out = new java.util.TreeSet<>();
      for (var c : client.ssl().certificates().certificates()) {
        if (!c.hasPrivateKey()) {
          out.add(new javax.security.auth.x500.X500Principal(c.subjectDn()).getName());
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** One alias of {@code _remote/info}, as {@code RemoteConnectionInfo.toXContent} writes it. */
  static RemoteInfo convert(JsonNode i) {
    boolean credentials = i.hasNonNull("cluster_credentials");
    String timeout = i.path("initial_connect_timeout").asText("");
    boolean skip = i.path("skip_unavailable").asBoolean(false);
    if ("proxy".equals(i.path("mode").asText())) {
      return new RemoteInfo.Proxy(
          i.path("connected").asBoolean(false),
          i.path("proxy_address").asText(""),
          i.path("server_name").asText(""),
          i.path("num_proxy_sockets_connected").asInt(0),
          i.path("max_proxy_socket_connections").asInt(0),
          skip,
          timeout,
          credentials);
    }
    java.util.List<String> seeds = new java.util.ArrayList<>();
    i.path("seeds").forEach(seed -> seeds.add(seed.asText()));
    return new RemoteInfo.Sniff(
        i.path("connected").asBoolean(false),
        seeds,
        i.path("num_nodes_connected").asLong(0),
        i.path("max_connections_per_cluster").asInt(0),
        skip,
        timeout,
        credentials);
  }

  /**
   * Sends one {@code PUT _cluster/settings}; a JSON null value resets a key.
   *
   * @param persistent flat persistent keys
   * @param transientSettings flat transient keys
   */
  public void putSettings(ObjectNode persistent, ObjectNode transientSettings) {
    Map<String, JsonData> p = toJsonData(persistent);
    Map<String, JsonData> t = toJsonData(transientSettings);
    try {
      client.cluster().putSettings(r -> {
        if (!p.isEmpty()) {
          r.persistent(p);
        }
        if (!t.isEmpty()) {
          r.transient_(t);
        }
        return r;
      });
    } catch (IOException | RuntimeException e) {
      throw failure(name, null, ApplyStep.PUT_REMOTE_SETTINGS, e, "");
    }
  }

  /**
   * The active cross-cluster API keys of a name, oldest first.
   *
   * @param keyName the key name
   * @return their ids
   */
  public java.util.List<String> findCrossClusterApiKeys(String keyName) {
    try {
      return client.security()
          .getApiKey(g -> g.name(keyName).activeOnly(true))
          .apiKeys()
          .stream()
          .filter(k -> !k.invalidated())
          .filter(k -> k.type() == null || k.type() == ApiKeyType.CrossCluster)
          .sorted(java.util.Comparator.comparingLong(ApiKey::creation))
          .map(ApiKey::id)
          .toList();
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElasticsearchException ee && ee.status() == 404) {
        return java.util.List.of();
      }
      throw failure(name, null, ApplyStep.LIST_API_KEYS, e, "cannot list API keys: ");
    }
  }

  /**
   * The {@code access} of the active cross-cluster API keys of a name, oldest first.
   *
   * @param keyName the key name
   * @return access document by key id
   */
  public Map<String, JsonNode> crossClusterApiKeyAccess(String keyName) {
    try {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      client.security()
          .getApiKey(g -> g.name(keyName).activeOnly(true))
          .apiKeys()
          .stream()
          .filter(k -> !k.invalidated())
          .filter(k -> k.type() == null || k.type() == ApiKeyType.CrossCluster)
          .sorted(java.util.Comparator.comparingLong(ApiKey::creation))
          .forEach(k -> out.put(k.id(), k.access() == null ? EsJson.object() : toJackson(k.access())));
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElasticsearchException ee && ee.status() == 404) {
        return Map.of();
      }
      throw failure(name, null, ApplyStep.LIST_API_KEYS, e, "cannot list API keys: ");
    }
  }

  /**
   * A role as {@code GET /_security/role/<name>} returns it.
   *
   * @param role the role name
   * @return the role document, or null when there is no such role
   */
  public JsonNode role(String role) {
    try {
      var r = client.security().getRole(g -> g.name(role)).get(role);
      return r == null ? null : toJackson(r);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElasticsearchException ee && ee.status() == 404) {
        return null;
      }
      throw failure(name, null, ApplyStep.READ_LOCAL_ROLE, e, "cannot read role [" + role + "]: ");
    }
  }

  private JsonNode toJackson(co.elastic.clients.json.JsonpSerializable value) {
    try {
      return EsJson.JSON.readTree(
          co.elastic.clients.json.JsonpUtils.toJsonString(value, client._jsonpMapper()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable answer " + value, e);
    }
  }

  /**
   * {@code POST /_security/cross_cluster/api_key} for a planned key, as a typed request.
   *
   * @param key the plan's payload
   * @return the new key
   */
  public CreatedKey createCrossClusterApiKey(StepPayload.CreateCrossClusterApiKey key) {
    return createCrossClusterApiKey(key.alias(), EsRequests.createKey(key));
  }

  private CreatedKey createCrossClusterApiKey(String alias, CreateCrossClusterApiKeyRequest request) {
    try {
      CreateCrossClusterApiKeyResponse r = client.security().createCrossClusterApiKey(request);
      return new CreatedKey(r.id(), r.name(), r.encoded());
    } catch (IOException | RuntimeException e) {
      throw failure(name, alias, ApplyStep.CREATE_CROSS_CLUSTER_API_KEY, e, "");
    }
  }

  /**
   * {@code PUT /_security/cross_cluster/api_key/<id>} with a new {@code access}, as a typed
   * request; the new access replaces the old one.
   *
   * @param alias the alias, for messages
   * @param id the key id
   * @param access the access
   * @return whether Elasticsearch changed the key
   */
  public boolean updateCrossClusterApiKey(String alias, String id, CrossClusterAccess access) {
    try {
      return client.security().updateCrossClusterApiKey(EsRequests.updateKey(id, access)).updated();
    } catch (IOException | RuntimeException e) {
      throw failure(name, alias, ApplyStep.UPDATE_CROSS_CLUSTER_API_KEY, e, "");
    }
  }

  /**
   * Invalidates API keys by id.
   *
   * @param alias the alias, for messages
   * @param ids the ids
   * @return the number invalidated now
   */
  public int invalidateApiKeys(String alias, java.util.List<String> ids) {
    try {
      return client.security().invalidateApiKey(i -> i.ids(ids)).invalidatedApiKeys().size();
    } catch (IOException | RuntimeException e) {
      throw failure(name, alias, ApplyStep.INVALIDATE_API_KEY, e, "");
    }
  }

  /**
   * {@code POST /_nodes/reload_secure_settings}; fails when a node reports an error.
   *
   * @param alias the alias, for messages
   */
  public void reloadSecureSettings(String alias) {
    ReloadSecureSettingsResponse r;
    try {
      r = client.nodes().reloadSecureSettings();
    } catch (IOException | RuntimeException e) {
      throw failure(name, alias, ApplyStep.RELOAD_SECURE_SETTINGS, e, "");
    }
    r.nodes().forEach((node, stats) -> {
      if (stats.reloadException() != null) {
        throw new ApplyException(name, alias, ApplyStep.RELOAD_SECURE_SETTINGS, 0,
            "node [" + node + "] could not reload its keystore: ["
                + stats.reloadException().type() + "] " + stats.reloadException().reason(), null);
      }
    });
  }

  /**
   * {@code DELETE /_security/role/<name>}; nothing when there is no such role.
   *
   * @param alias the alias, for messages
   * @param role the role name
   */
  public void deleteRole(String alias, String role) {
    try {
      client.security().deleteRole(r -> r.name(role));
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElasticsearchException ee && ee.status() == 404) {
        return;
      }
      throw failure(name, alias, ApplyStep.DELETE_LOCAL_ROLE, e, "");
    }
  }

  /**
   * {@code PUT /_security/role/<name>} of a planned local role, as a typed request.
   *
   * @param alias the alias, for messages
   * @param role the role
   */
  public void putRole(String alias, LocalRole role) {
    try {
      client.security().putRole(EsRequests.putRole(role));
    } catch (IOException | RuntimeException e) {
      throw failure(name, alias, ApplyStep.CREATE_LOCAL_ROLE, e, "");
    }
  }

  /**
   * A cross-cluster API key just created.
   *
   * @param id its id
   * @param name its name
   * @param encoded the credentials to store on the local cluster; a secret
   */
  public record CreatedKey(String id, String name, String encoded) {
    /** {@return the key without its secret} */
    @Override
    public String toString() {
      return "CreatedKey[id=" + id + ", name=" + name + ", encoded=::redacted::]";
    }
  }

  private static Map<String, JsonData> toJsonData(ObjectNode flat) {
    Map<String, JsonData> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : flat.properties()) {
      out.put(e.getKey(), JsonData.fromJson(e.getValue().toString()));
    }
    return out;
  }

  private Map<String, JsonNode> remoteKeys(Map<String, JsonData> flat) {
    Map<String, JsonNode> out = new TreeMap<>();
    flat.forEach(
        (k, v) -> {
          if (k.startsWith(io.github.remoteclusters.core.EckNames.REMOTE_SETTING_PREFIX)) {
            out.put(k, toJackson(v));
          }
        });
    return out;
  }

  private JsonNode toJackson(JsonData data) {
    try {
      return EsJson.JSON.readTree(data.toJson(client._jsonpMapper()).toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable setting value " + data, e);
    }
  }

  /**
   * Turns a client failure into an {@link ApplyException} with Elasticsearch's reason.
   *
   * @param cluster the cluster
   * @param alias the alias, or null
   * @param step the step
   * @param e the failure
   * @param prefix text before the reason
   * @return the exception
   */
  static ApplyException failure(
      String cluster, String alias, ApplyStep step, Exception e, String prefix) {
    RemoteCallException call = find(e, RemoteCallException.class);
    if (call != null) {
      return new ApplyException(cluster, alias, step, 0, prefix + call.getMessage(), e);
    }
    int status = 0;
    String reason;
    if (e instanceof ElasticsearchException ee) {
      status = ee.status();
      reason = ee.error() == null
          ? ee.getMessage()
          : "[" + ee.error().type() + "] " + ee.error().reason();
    } else if (e instanceof TransportException te) {
      status = te.statusCode();
      reason = te.getMessage();
    } else if (find(e, ResponseException.class) != null) {
      ResponseException re = find(e, ResponseException.class);
      status = re.getResponse().getStatusCode();
      reason = lowLevelReason(re);
    } else {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (status == 401) {
      reason = "authentication failed for the user or credentials given for [" + cluster
          + "] (HTTP 401): " + reason;
    } else if (status == 403) {
      reason = "the user or credentials given for [" + cluster + "] are not allowed to do this"
          + " (HTTP 403): " + reason;
    } else if (status == 429) {
      reason = "[" + cluster + "] answered too many requests (HTTP 429); try again later: "
          + reason;
    } else if (status == 502 || status == 503 || status == 504) {
      reason = "[" + cluster + "] is unavailable (HTTP " + status + "): " + reason;
    }
    return new ApplyException(cluster, alias, step, status, prefix + reason, e);
  }

  /**
   * Elasticsearch's {@code [type] reason} from the body the low-level client keeps in its message
   * (status line, new line, body), else the status line.
   */
  private static String lowLevelReason(ResponseException re) {
    String m = String.valueOf(re.getMessage());
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl);
    if (nl >= 0) {
      try {
        JsonNode error = EsJson.JSON.readTree(m.substring(nl + 1)).path("error");
        if (error.hasNonNull("type")) {
          return "[" + error.path("type").asText() + "] " + error.path("reason").asText();
        }
      } catch (JsonProcessingException | RuntimeException ignored) {
        // not JSON: the status line says enough
      }
    }
    return line;
  }

  /** The first exception of a type in a cause chain, or null. */
  static <T extends Throwable> T find(Throwable t, Class<T> type) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static void closeQuietly(ElasticsearchTransport t) {
    try {
      t.close();
    } catch (IOException ignored) {
      // nothing to do: the transport was never used successfully
    }
  }

  @Override
  public void close() {
    closeQuietly(transport);
  }

  /**
   * The {@code cluster.remote.*} keys of both scopes, flat.
   *
   * @param persistent persistent keys and values
   * @param transientSettings transient keys and values
   */
  public record Settings(Map<String, JsonNode> persistent, Map<String, JsonNode> transientSettings) {
    /** Copies the maps. */
    public Settings {
      persistent = Map.copyOf(persistent);
      transientSettings = Map.copyOf(transientSettings);
    }
  }
}
