package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A fake Elasticsearch behind the real typed client (a {@link TransportHttpClient}, as in
 * elasticsearch-java's own {@code MockHttpClient}): cluster settings, remote info, and the
 * security calls no real test node here can serve. Records every request.
 */
public final class FakeEs implements TransportHttpClient {

  /** One request as sent. */
  public record Sent(String method, String path, Map<String, String> query,
      Map<String, String> headers, JsonNode body) {
    /** {@return "METHOD path"} */
    public String line() {
      return method + " " + path;
    }
  }

  private static final ObjectMapper M = new ObjectMapper();

  private final String version;
  private final Map<String, JsonNode> persistent = new TreeMap<>();
  private final Map<String, JsonNode> transientSettings = new TreeMap<>();
  private final Set<String> reachable = new HashSet<>();
  private final Set<String> reachableOnResolve = new HashSet<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, ObjectNode> keys = new TreeMap<>();
  private final Map<String, JsonNode> roles = new TreeMap<>();
  private final Set<String> credentials = new HashSet<>();
  private int keySeq;
  private final Map<String, String> resolveErrors = new TreeMap<>();
  private boolean stateNotRecovered;
  private String failPrefix;
  private int failStatus;
  private String failType;
  private String failReason;

  /**
   * A fake server of a version.
   *
   * @param version such as {@code 9.5.3} or {@code 8.19.21}
   */
  public FakeEs(String version) {
    this.version = version;
  }

  /** {@return a connector that opens transports to this fake} */
  public EsConnector connector() {
    return (endpoint, instrumentation) ->
        new ElasticsearchTransportBase(this, new DefaultTransportOptions(), new JacksonJsonpMapper(),
            instrumentation) {};
  }

  /**
   * A connector that routes each endpoint to the fake registered for its URL.
   *
   * @param byUrl fakes by endpoint URL, such as {@code http://local:9200}
   * @return the connector
   */
  public static EsConnector connector(Map<String, FakeEs> byUrl) {
    return (endpoint, instrumentation) -> {
      FakeEs fake = byUrl.get(endpoint.url().toString());
      if (fake == null) {
        throw new IllegalArgumentException("no fake for " + endpoint.url());
      }
      return fake.connector().open(endpoint, instrumentation);
    };
  }

  /**
   * Makes an address answer only once the node is asked to connect ({@code _resolve/cluster}), as
   * a remote that restarted: {@code _remote/info} alone keeps reporting the failed attempt.
   */
  public FakeEs reachableOnResolve(String address) {
    reachableOnResolve.add(address);
    return this;
  }

  /** Makes an address answer (remote info then says connected). */
  public FakeEs reachable(String address) {
    reachable.add(address);
    return this;
  }

  /**
   * Makes {@code GET _resolve/cluster} report an alias as not connected with an error, as the
   * local cluster does when the remote refuses it.
   *
   * @param alias the alias
   * @param error the error text, or null to clear it
   * @return this fake
   */
  public FakeEs resolveError(String alias, String error) {
    if (error == null) {
      resolveErrors.remove(alias);
    } else {
      resolveErrors.put(alias, error);
    }
    return this;
  }

  /**
   * Sets the expiration of the keys of a name.
   *
   * @param name the key name
   * @param epochMillis the expiration
   * @return this fake
   */
  public FakeEs keyExpiration(String name, long epochMillis) {
    keys.values().forEach(k -> {
      if (k.get("name").asText().equals(name)) {
        k.put("expiration", epochMillis);
      }
    });
    return this;
  }

  /** Marks an alias as having keystore credentials (as after a reload). */
  public FakeEs credentials(String alias) {
    credentials.add(alias);
    return this;
  }

  /** Fails the next request whose "METHOD path" starts with the prefix. */
  public FakeEs failNext(String prefix, int status, String type, String reason) {
    failPrefix = prefix;
    failStatus = status;
    failType = type;
    failReason = reason;
    return this;
  }

  /** Sets a persistent setting directly, as a user would. */
  public FakeEs persistent(String key, JsonNode value) {
    persistent.put(key, value);
    return this;
  }

  /** {@return the persistent settings} */
  public Map<String, JsonNode> persistent() {
    return persistent;
  }

  /** {@return the transient settings} */
  public Map<String, JsonNode> transientSettings() {
    return transientSettings;
  }

  /** {@return the requests, in order} */
  public List<Sent> sent() {
    return sent;
  }

  /** {@return "METHOD path" of each request, the claims of aliases (see {@link #claimLines}) left out} */
  public List<String> lines() {
    return sent.stream().map(Sent::line).filter(l -> !l.contains(CLAIMS)).toList();
  }

  /** {@return "METHOD path" of each request to the claims index} */
  public List<String> claimLines() {
    return sent.stream().map(Sent::line).filter(l -> l.contains(CLAIMS)).toList();
  }

  /** Puts a claim document, as another writer would. */
  public void claim(String alias, ObjectNode doc) {
    claims.put(alias, doc);
    claimSeq.put(alias, ++seqNo);
  }

  /** {@return the claim documents by alias} */
  public Map<String, ObjectNode> claims() {
    return claims;
  }

  private static final String CLAIMS = "/remote-clusters-claims";
  private final Map<String, ObjectNode> claims = new TreeMap<>();
  private final Map<String, Long> claimSeq = new TreeMap<>();
  private long seqNo;

  private Response claimRoute(Sent s) {
    String rest = s.path().substring(CLAIMS.length());
    if (rest.isEmpty() || rest.equals("/")) {
      ObjectNode r = M.createObjectNode();
      r.put("acknowledged", true);
      r.put("shards_acknowledged", true);
      r.put("index", "remote-clusters-claims");
      return ok(r);
    }
    String[] parts = rest.substring(1).split("/");
    String id = parts[1];
    if (s.method().equals("GET")) {
      ObjectNode r = M.createObjectNode();
      r.put("_index", "remote-clusters-claims");
      r.put("_id", id);
      ObjectNode doc = claims.get(id);
      if (doc == null) {
        r.put("found", false);
        return response(404, r);
      }
      r.put("found", true);
      r.put("_version", 1);
      r.put("_seq_no", claimSeq.get(id));
      r.put("_primary_term", 1);
      r.set("_source", doc);
      return ok(r);
    }
    if (s.method().equals("DELETE")) {
      claims.remove(id);
      return ok(written(id, "deleted"));
    }
    boolean create = parts[0].equals("_create");
    String ifSeq = s.query().get("if_seq_no");
    if (create && claims.containsKey(id)
        || ifSeq != null && !String.valueOf(claimSeq.get(id)).equals(ifSeq)) {
      return error(409, "version_conflict_engine_exception", "[" + id + "]: version conflict");
    }
    claims.put(id, (ObjectNode) s.body());
    claimSeq.put(id, ++seqNo);
    return response(create ? 201 : 200, written(id, create ? "created" : "updated"));
  }

  private ObjectNode written(String id, String result) {
    ObjectNode r = M.createObjectNode();
    r.put("_index", "remote-clusters-claims");
    r.put("_id", id);
    r.put("_version", 1);
    r.put("result", result);
    r.put("_seq_no", seqNo);
    r.put("_primary_term", 1);
    r.putObject("_shards").put("total", 1).put("successful", 1).put("failed", 0);
    return r;
  }

  /**
   * Adds a cross-cluster API key, as a person would with the REST API.
   *
   * @param name the key name
   * @return this fake
   */
  public FakeEs addKey(String name) {
    String id = "key" + (++keySeq);
    ObjectNode k = M.createObjectNode();
    k.put("id", id);
    k.put("name", name);
    k.put("type", "cross_cluster");
    k.put("creation", keySeq);
    k.put("invalidated", false);
    k.put("username", "admin");
    k.put("realm", "native");
    k.putObject("metadata");
    keys.put(id, k);
    return this;
  }

  /** {@return the API keys by id, each with {@code invalidated}} */
  public Map<String, ObjectNode> keys() {
    return keys;
  }

  @Override
  public Response performRequest(String endpointId, Node node, Request request,
      TransportOptions options) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (request.body() != null) {
      for (ByteBuffer b : request.body()) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        bytes.write(a);
      }
    }
    JsonNode body = bytes.size() == 0 ? null : M.readTree(bytes.toByteArray());
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    // what the real HTTP client does: the options' headers override the transport's defaults
    if (options != null) {
      options.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
    }
    Sent s = new Sent(request.method(), request.path(), Map.copyOf(request.queryParams()),
        headers, body);
    sent.add(s);
    if (version.startsWith("8.")
        && !String.valueOf(headers.get("Accept")).contains("compatible-with=8")) {
      return error(400, "media_type_header_exception",
          "Invalid media-type value on headers [Accept, Content-Type]");
    }
    if (failPrefix != null && s.line().startsWith(failPrefix)) {
      failPrefix = null;
      return error(failStatus, failType, failReason);
    }
    return route(s);
  }

  /**
   * The body of {@code GET /} of a server of a version, with every field the typed client needs.
   *
   * @param version the version number
   * @return the body
   */
  public static ObjectNode info(String version) {
    ObjectNode r = M.createObjectNode();
    r.put("name", "fake-0");
    r.put("cluster_name", "fake");
    r.put("cluster_uuid", "uuid");
    ObjectNode v = r.putObject("version");
    v.put("number", version);
    v.put("build_flavor", "default");
    v.put("build_type", "tar");
    v.put("build_hash", "h");
    v.put("build_date", "2026-01-01T00:00:00Z");
    v.put("build_snapshot", false);
    v.put("lucene_version", "10");
    v.put("minimum_wire_compatibility_version", "8.19.0");
    v.put("minimum_index_compatibility_version", "8.0.0");
    r.put("tagline", "You Know, for Search");
    return r;
  }

  /**
   * Makes the fake answer as a node that has just started before its cluster state is recovered:
   * {@code GET /_cluster/state/blocks} shows block 1, and {@code GET /_cluster/settings} answers
   * with no settings at all (as Elasticsearch does then).
   *
   * @param notRecovered whether the state is not recovered
   */
  public void stateNotRecovered(boolean notRecovered) {
    this.stateNotRecovered = notRecovered;
  }

  private Response route(Sent s) {
    String line = s.line();
    if (s.path().startsWith(CLAIMS)) {
      return claimRoute(s);
    }
    if (line.equals("GET /")) {
      return ok(info(version));
    }
    if (line.equals("GET /_cluster/state/blocks")) {
      ObjectNode r = M.createObjectNode();
      r.put("cluster_name", "fake");
      ObjectNode global = r.putObject("blocks").putObject("global");
      if (stateNotRecovered) {
        ObjectNode b = global.putObject("1");
        b.put("description", "state not recovered / initialized");
        b.put("retryable", true);
        b.put("disable_state_persistence", true);
        b.putArray("levels").add("read").add("write").add("metadata_read").add("metadata_write");
      }
      return ok(r);
    }
    if (line.equals("GET /_cluster/settings") && stateNotRecovered) {
      ObjectNode r = M.createObjectNode();
      r.putObject("persistent");
      r.putObject("transient");
      return ok(r);
    }
    if (line.equals("GET /_cluster/settings")) {
      ObjectNode r = M.createObjectNode();
      r.set("persistent", M.valueToTree(persistent));
      r.set("transient", M.valueToTree(transientSettings));
      return ok(r);
    }
    if (line.equals("PUT /_cluster/settings")) {
      apply(s.body().get("persistent"), persistent);
      apply(s.body().get("transient"), transientSettings);
      ObjectNode r = M.createObjectNode();
      r.put("acknowledged", true);
      r.putObject("persistent");
      r.putObject("transient");
      return ok(r);
    }
    if (s.method().equals("GET") && s.path().startsWith("/_resolve/cluster/")) {
      reachable.addAll(reachableOnResolve);
      ObjectNode info = remoteInfo();
      ObjectNode r = M.createObjectNode();
      String names = java.net.URLDecoder.decode(
          s.path().substring("/_resolve/cluster/".length()), StandardCharsets.UTF_8);
      for (String name : names.split(",")) {
        String alias = name.substring(0, name.indexOf(':'));
        JsonNode i = info.get(alias);
        String err = resolveErrors.get(alias);
        boolean up = i != null && i.get("connected").asBoolean() && err == null;
        ObjectNode o = r.putObject(alias);
        o.put("connected", up);
        o.put("skip_unavailable", true);
        if (err != null) {
          o.put("error", err);
        } else if (up) {
          o.put("matching_indices", true);
          ObjectNode v = o.putObject("version");
          v.put("number", version);
          v.put("build_flavor", "default");
          v.put("minimum_wire_compatibility_version", "8.19.0");
          v.put("minimum_index_compatibility_version", "8.0.0");
        }
      }
      return ok(r);
    }
    if (line.equals("GET /_remote/info")) {
      return ok(remoteInfo());
    }
    if (line.equals("GET /_security/api_key")) {
      ObjectNode r = M.createObjectNode();
      ArrayNode list = r.putArray("api_keys");
      String name = s.query().get("name");
      String id = s.query().get("id");
      if (id != null) { // by id, as Elasticsearch: invalidated keys too
        ObjectNode k = keys.get(id);
        if (k == null) {
          return error(404, "resource_not_found_exception", "api key [" + id + "] not found");
        }
        list.add(k);
        return ok(r);
      }
      keys.values().forEach(k -> {
        String n = k.get("name").asText();
        boolean match = name.endsWith("*")
            ? n.startsWith(name.substring(0, name.length() - 1)) : n.equals(name);
        if (match && !k.get("invalidated").asBoolean()) {
          list.add(k);
        }
      });
      return ok(r);
    }
    if (line.equals("POST /_security/cross_cluster/api_key")) {
      addKey(s.body().get("name").asText());
      String id = "key" + keySeq;
      ObjectNode k = keys.get(id);
      k.set("access", echoed(s.body().get("access")));
      ObjectNode r = M.createObjectNode();
      r.put("id", id);
      r.put("name", k.get("name").asText());
      r.put("api_key", "secret" + keySeq);
      r.put("encoded", "ZW5jb2RlZA" + keySeq);
      return ok(r);
    }
    if (s.method().equals("PUT") && s.path().startsWith("/_security/cross_cluster/api_key/")) {
      ObjectNode k = keys.get(s.path().substring(s.path().lastIndexOf('/') + 1));
      JsonNode access = echoed(s.body().get("access"));
      boolean updated = k != null && !access.equals(k.get("access"));
      if (k != null) {
        k.set("access", access);
      }
      ObjectNode r = M.createObjectNode();
      r.put("updated", updated);
      return ok(r);
    }
    if (line.equals("DELETE /_security/api_key")) {
      ObjectNode r = M.createObjectNode();
      ArrayNode done = r.putArray("invalidated_api_keys");
      r.putArray("previously_invalidated_api_keys");
      r.put("error_count", 0);
      s.body().get("ids").forEach(id -> {
        ObjectNode k = keys.get(id.asText());
        if (k != null) {
          k.put("invalidated", true);
          done.add(id.asText());
        }
      });
      return ok(r);
    }
    if (line.equals("POST /_nodes/reload_secure_settings")) {
      ObjectNode r = M.createObjectNode();
      ObjectNode n = r.putObject("_nodes");
      n.put("total", 1);
      n.put("successful", 1);
      n.put("failed", 0);
      r.put("cluster_name", "fake");
      r.putObject("nodes").putObject("n1").put("name", "fake-0");
      return ok(r);
    }
    if (s.path().startsWith("/_security/role/")) {
      String role = s.path().substring("/_security/role/".length());
      ObjectNode r = M.createObjectNode();
      switch (s.method()) {
        case "PUT" -> {
          // as Elasticsearch echoes a role: defaults filled in
          ObjectNode stored = M.createObjectNode();
          stored.putArray("cluster");
          stored.putArray("indices");
          stored.set("remote_indices", echoed(s.body().get("remote_indices")));
          stored.putObject("metadata");
          stored.putArray("applications");
          stored.putArray("run_as");
          stored.putObject("transient_metadata").put("enabled", true);
          r.putObject("role").put("created", !roles.containsKey(role));
          roles.put(role, stored);
          return ok(r);
        }
        case "GET" -> {
          if (!roles.containsKey(role)) {
            return error(404, "resource_not_found_exception", "role [" + role + "] not found");
          }
          r.set(role, roles.get(role));
          return ok(r);
        }
        case "DELETE" -> {
          r.put("found", roles.remove(role) != null);
          return ok(r);
        }
        default -> {
          return error(405, "method_not_allowed", s.line());
        }
      }
    }
    return error(404, "not_found", "no fake route for " + line);
  }

  /**
   * A document as Elasticsearch returns it: index entries gain {@code allow_restricted_indices:
   * false}.
   */
  private static JsonNode echoed(JsonNode node) {
    if (node == null) {
      return M.createObjectNode();
    }
    JsonNode copy = node.deepCopy();
    if (copy.isObject() && copy.has("names") && !copy.has("allow_restricted_indices")) {
      ((ObjectNode) copy).put("allow_restricted_indices", false);
    }
    if (copy.isContainerNode()) {
      List<JsonNode> children = new java.util.ArrayList<>();
      copy.forEach(children::add);
      if (copy.isArray()) {
        ArrayNode a = (ArrayNode) copy;
        a.removeAll();
        children.forEach(c -> a.add(echoed(c)));
      } else {
        ObjectNode o = (ObjectNode) copy;
        for (String f : new java.util.ArrayList<>(iterable(o.fieldNames()))) {
          if (o.get(f).isContainerNode()) {
            o.set(f, echoed(o.get(f)));
          }
        }
      }
    }
    return copy;
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static void apply(JsonNode part, Map<String, JsonNode> into) {
    if (part == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : part.properties()) {
      if (e.getValue().isNull()) {
        into.remove(e.getKey());
      } else if (e.getValue().isArray()) {
        into.put(e.getKey(), e.getValue());
      } else {
        into.put(e.getKey(), M.getNodeFactory().textNode(e.getValue().asText()));
      }
    }
  }

  private ObjectNode remoteInfo() {
    Map<String, Map<String, JsonNode>> byAlias = new TreeMap<>();
    for (Map<String, JsonNode> scope : List.of(persistent, transientSettings)) {
      scope.forEach((k, v) -> {
        String rest = k.substring("cluster.remote.".length());
        int dot = rest.indexOf('.');
        byAlias.computeIfAbsent(rest.substring(0, dot), a -> new TreeMap<>())
            .put(rest.substring(dot + 1), v);
      });
    }
    ObjectNode r = M.createObjectNode();
    byAlias.forEach((alias, keys) -> {
      boolean proxy = keys.containsKey("mode") && keys.get("mode").asText().equals("proxy");
      ObjectNode i = r.putObject(alias);
      if (proxy) {
        String addr = keys.containsKey("proxy_address") ? keys.get("proxy_address").asText() : "";
        boolean up = reachable.contains(addr);
        i.put("connected", up);
        i.put("mode", "proxy");
        i.put("proxy_address", addr);
        i.put("server_name", keys.containsKey("server_name") ? keys.get("server_name").asText() : "");
        i.put("num_proxy_sockets_connected", up ? 18 : 0);
        i.put("max_proxy_socket_connections", 18);
      } else {
        ArrayNode seeds = M.createArrayNode();
        JsonNode v = keys.get("seeds");
        if (v != null) {
          v.forEach(seeds::add);
        }
        boolean up = false;
        for (JsonNode seed : seeds) {
          up |= reachable.contains(seed.asText());
        }
        i.put("connected", up);
        i.put("mode", "sniff");
        i.set("seeds", seeds);
        i.put("num_nodes_connected", up ? 1 : 0);
        i.put("max_connections_per_cluster", 3);
      }
      i.put("initial_connect_timeout", "30s");
      i.put("skip_unavailable", !keys.containsKey("skip_unavailable")
          || keys.get("skip_unavailable").asText().equals("true"));
      if (credentials.contains(alias)) {
        i.put("cluster_credentials", "::es_redacted::");
      }
    });
    return r;
  }

  private Response ok(JsonNode body) {
    return response(200, body);
  }

  private Response error(int status, String type, String reason) {
    ObjectNode r = M.createObjectNode();
    ObjectNode e = r.putObject("error");
    e.putArray("root_cause").addObject().put("type", type).put("reason", reason);
    e.put("type", type);
    e.put("reason", reason);
    r.put("status", status);
    return response(status, r);
  }

  private Response response(int status, JsonNode body) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return new Response() {
      @Override
      public Node node() {
        return null;
      }

      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public String header(String name) {
        if (name.equalsIgnoreCase("X-Elastic-Product")) {
          return "Elasticsearch";
        }
        if (name.equalsIgnoreCase("Content-Type")) {
          return "application/json";
        }
        return null;
      }

      @Override
      public List<String> headers(String name) {
        String h = header(name);
        return h == null ? List.of() : List.of(h);
      }

      @Override
      public BinaryData body() {
        return BinaryData.of(bytes, "application/json");
      }

      @Override
      public Object originalResponse() {
        return null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CompletableFuture<Response> performRequestAsync(String endpointId, Node node,
      Request request, TransportOptions options) {
    try {
      return CompletableFuture.completedFuture(performRequest(endpointId, node, request, options));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {}
}
