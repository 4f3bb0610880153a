package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.TransportOptions;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.HttpRequest;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.RemoteClusterPrivileges;
import io.github.remoteclusters.security.apikey.RemoteIndicesPrivileges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link StepPayload} into what is sent, as Jackson trees: its Elasticsearch request
 * (method, path, body) or its patch of an ECK resource's {@code spec}. The one place where a request
 * of the plan is written; {@link io.github.remoteclusters.core.plan.StepEncoder} (the API, JSON
 * text), plan output, the applier and the k8s adapter all use it. Not API.
 */
public final class StepTrees {

  private StepTrees() {}

  /**
   * A request with its body as a tree.
   *
   * @param method the HTTP method
   * @param path the path
   * @param body the body, or null
   */
  public record Request(String method, String path, JsonNode body) {
    /** {@return the request as the API gives it, the body as compact JSON text} */
    public HttpRequest http() {
      return new HttpRequest(method, path, body == null ? null : Json.compact(body));
    }
  }

  /**
   * Whether a payload is done by an Elasticsearch request, without encoding it.
   *
   * @param payload the payload
   * @return true when {@link #request} gives a request
   */
  public static boolean hasRequest(StepPayload payload) {
    return payload instanceof StepPayload.PutRemoteSettings
        || payload instanceof StepPayload.RemoveRemoteSettings
        || payload instanceof StepPayload.CreateCrossClusterApiKey
        || payload instanceof StepPayload.UpdateCrossClusterApiKey
        || payload instanceof StepPayload.InvalidateApiKeys
        || payload instanceof StepPayload.InvalidateOtherApiKeys
        || payload instanceof StepPayload.ReloadSecureSettings
        || payload instanceof StepPayload.CreateLocalRole
        || payload instanceof StepPayload.DeleteLocalRole
        || payload instanceof StepPayload.VerifyConnected;
  }

  /**
   * Whether ECK does a payload through a patch of an {@code Elasticsearch} resource, without
   * encoding it.
   *
   * @param payload the payload
   * @return true when {@link #specPatch} gives a patch
   */
  public static boolean hasSpecPatch(StepPayload payload) {
    return payload instanceof StepPayload.EnableRemoteClusterServer
        || payload instanceof StepPayload.ExposeService
        || payload instanceof StepPayload.DeclareEckRemoteCluster
        || payload instanceof StepPayload.RemoveEckRemoteCluster;
  }

  /**
   * The Elasticsearch request of a payload.
   *
   * @param payload the payload
   * @return the request, or empty when the payload is not done by one
   */
  public static Optional<Request> request(StepPayload payload) {
    if (payload instanceof StepPayload.PutRemoteSettings p) {
      return Optional.of(new Request("PUT", "/_cluster/settings",
          settingsBody(p.alias(), aliasSettings(p))));
    } else if (payload instanceof StepPayload.RemoveRemoteSettings p) {
      return Optional.of(new Request("PUT", "/_cluster/settings",
          settingsBody(p.alias(), allKeysNull())));
    } else if (payload instanceof StepPayload.CreateCrossClusterApiKey p) {
      ObjectNode body = Json.object();
      body.put("name", p.keyName());
      body.set("access", AccessReader.json(p.access()));
      if (p.expiration() != null) {
        body.put("expiration", p.expiration());
      }
      ObjectNode metadata = body.putObject("metadata");
      metadata.put("managed-by", "remote-clusters");
      metadata.put("local-cluster", p.localCluster());
      metadata.put("alias", p.alias());
      return Optional.of(new Request("POST", "/_security/cross_cluster/api_key", body));
    } else if (payload instanceof StepPayload.UpdateCrossClusterApiKey p) {
      ObjectNode body = Json.object();
      body.set("access", AccessReader.json(p.access()));
      return Optional.of(
          new Request("PUT", "/_security/cross_cluster/api_key/" + p.id(), body));
    } else if (payload instanceof StepPayload.InvalidateApiKeys p) {
      ObjectNode body = Json.object();
      if (p.ids().isEmpty()) {
        body.put("name", p.keyName());
      } else {
        ArrayNode ids = body.putArray("ids");
        p.ids().forEach(ids::add);
      }
      return Optional.of(new Request("DELETE", "/_security/api_key", body));
    } else if (payload instanceof StepPayload.InvalidateOtherApiKeys p) {
      ObjectNode body = Json.object();
      body.putArray("ids").add("<every id GET " + p.lookupPath() + " lists, but the key ["
          + p.alias() + "] uses>");
      return Optional.of(new Request("DELETE", "/_security/api_key", body));
    } else if (payload instanceof StepPayload.ReloadSecureSettings) {
      return Optional.of(new Request("POST", "/_nodes/reload_secure_settings", null));
    } else if (payload instanceof StepPayload.CreateLocalRole p) {
      return Optional.of(
          new Request("PUT", "/_security/role/" + p.role().name(), roleBody(p.role())));
    } else if (payload instanceof StepPayload.DeleteLocalRole p) {
      return Optional.of(new Request("DELETE", "/_security/role/" + p.role(), null));
    } else if (payload instanceof StepPayload.VerifyConnected) {
      return Optional.of(new Request("GET", "/_remote/info", null));
    } else if (payload instanceof StepPayload.StoreCredentials
        || payload instanceof StepPayload.TrustCa
        || payload instanceof StepPayload.EnableRemoteClusterServer
        || payload instanceof StepPayload.ExposeService
        || payload instanceof StepPayload.DeclareEckRemoteCluster
        || payload instanceof StepPayload.RemoveEckRemoteCluster
        || payload instanceof StepPayload.RemoveCredentials
        || payload instanceof StepPayload.MigrateSecurityModel
        || payload instanceof StepPayload.Manual) {
      return Optional.empty();
    }
    throw new IllegalStateException("unknown step payload " + payload.getClass());
  }

  /**
   * The patch of an ECK {@code Elasticsearch} resource's {@code spec} that does a payload.
   *
   * <p>Entries of {@code remoteClusters} are merged by their {@code name}; an entry {@code
   * {"name": "a", "$patch": "delete"}} removes entry {@code a}.
   *
   * @param payload the payload
   * @return the patch, or empty when ECK does not do the payload
   */
  public static Optional<ObjectNode> specPatch(StepPayload payload) {
    ObjectNode patch = Json.object();
    if (payload instanceof StepPayload.EnableRemoteClusterServer) {
      patch.putObject("remoteClusterServer").put("enabled", true);
    } else if (payload instanceof StepPayload.ExposeService p) {
      if (p.apiKey()) {
        patch.putObject("remoteClusterServer").put("enabled", true)
            .putObject("service").putObject("spec").put("type", "LoadBalancer");
      } else {
        patch.putObject("transport").putObject("service").putObject("spec")
            .put("type", "LoadBalancer");
      }
    } else if (payload instanceof StepPayload.DeclareEckRemoteCluster p) {
      patch.putArray("remoteClusters").add(eckEntry(p));
    } else if (payload instanceof StepPayload.RemoveEckRemoteCluster p) {
      ObjectNode entry = patch.putArray("remoteClusters").addObject();
      entry.put("name", p.alias());
      entry.put("$patch", "delete");
    } else {
      return Optional.empty();
    }
    return Optional.of(patch);
  }

  /**
   * The {@code spec.remoteClusters} entry ECK is given for a link.
   *
   * @param p the declaration
   * @return a new entry
   */
  public static ObjectNode eckEntry(StepPayload.DeclareEckRemoteCluster p) {
    ObjectNode entry = Json.object();
    entry.put("name", p.alias());
    ObjectNode es = entry.putObject("elasticsearchRef");
    es.put("name", p.remote().name());
    es.put("namespace", p.remote().namespace());
    if (p.apiKey()) {
      entry.putObject("apiKey").set("access", eckAccess(p.access()));
    }
    return entry;
  }

  /** ECK's CRD takes single objects for search and replication, and both field_security lists. */
  private static ObjectNode eckAccess(CrossClusterAccess value) {
    ObjectNode access = AccessReader.json(value);
    ObjectNode out = Json.object();
    for (String field : List.of("search", "replication")) {
      JsonNode node = access.get(field);
      if (node == null || (node.isArray() && node.isEmpty())) {
        continue;
      }
      ObjectNode entry = (ObjectNode) (node.isArray() ? node.get(0) : node).deepCopy();
      JsonNode names = entry.get("names");
      if (names != null && names.isTextual()) {
        entry.set("names", Json.NODES.arrayNode().add(names.asText()));
      }
      JsonNode fls = entry.get("field_security");
      if (fls != null && fls.isObject() && !fls.has("except")) {
        ((ObjectNode) fls).putArray("except");
      }
      out.set(field, entry);
    }
    return out;
  }

  /**
   * The {@code cluster.remote.<alias>} object of a settings body: every key of the alias, nulled
   * or set.
   *
   * @param p the payload
   * @return a new object, keys in a fixed order
   */
  public static ObjectNode aliasSettings(StepPayload.PutRemoteSettings p) {
    ObjectNode alias = allKeysNull();
    Connection connection = p.connection();
    alias.put("mode", p.mode().id());
    if (connection instanceof Connection.Sniff sniff) {
      ArrayNode seeds = alias.putArray("seeds");
      sniff.seeds().forEach(seeds::add);
      putIfSet(alias, "node_connections", sniff.nodeConnections());
    } else if (connection instanceof Connection.Proxy proxy) {
      alias.put("proxy_address", proxy.address());
      if (proxy.serverName() != null) {
        alias.put("server_name", proxy.serverName());
      }
      putIfSet(alias, "proxy_socket_connections", proxy.socketConnections());
    } else {
      throw new IllegalStateException("unknown connection " + connection);
    }
    if (p.skipUnavailable() != null) {
      alias.put("skip_unavailable", p.skipUnavailable());
    }
    TransportOptions t = p.transport();
    putIfSet(alias, "transport.ping_schedule", t.pingSchedule());
    putIfSet(alias, "transport.compress", t.compress());
    putIfSet(alias, "transport.compression_scheme", t.compressionScheme());
    return alias;
  }

  /** Every key of the alias set to null: a removal, or the base every plan overwrites. */
  private static ObjectNode allKeysNull() {
    ObjectNode alias = new ObjectNode(Json.NODES, new LinkedHashMap<>(32));
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

  private static ObjectNode settingsBody(String alias, ObjectNode aliasSettings) {
    ObjectNode body = Json.object();
    body.putObject("persistent").putObject("cluster").putObject("remote").set(alias, aliasSettings);
    return body;
  }

  /**
   * The body of {@code PUT /_security/role/<name>} for a role.
   *
   * @param role the role
   * @return a new body
   */
  private static ObjectNode roleBody(LocalRole role) {
    ObjectNode body = Json.object();
    if (!role.cluster().isEmpty()) {
      body.set("cluster", array(role.cluster()));
    }
    ArrayNode remoteIndices = body.putArray("remote_indices");
    for (RemoteIndicesPrivileges e : role.remoteIndices()) {
      ObjectNode r = remoteIndices.addObject();
      r.set("clusters", array(e.clusters()));
      r.set("names", array(e.names()));
      r.set("privileges", array(e.privileges()));
      if (e.query() != null) {
        r.put("query", e.query());
      }
      if (e.fieldSecurity() != null) {
        ObjectNode fls = r.putObject("field_security");
        fls.set("grant", array(e.fieldSecurity().grant()));
        fls.set("except", array(e.fieldSecurity().except()));
      }
      if (e.allowRestrictedIndices()) {
        r.put("allow_restricted_indices", true);
      }
    }
    if (!role.remoteCluster().isEmpty()) {
      ArrayNode remoteCluster = body.putArray("remote_cluster");
      for (RemoteClusterPrivileges e : role.remoteCluster()) {
        ObjectNode r = remoteCluster.addObject();
        r.set("privileges", array(e.privileges()));
        r.set("clusters", array(e.clusters()));
      }
    }
    return body;
  }

  private static ArrayNode array(List<String> values) {
    ArrayNode a = Json.NODES.arrayNode(values.size());
    values.forEach(a::add);
    return a;
  }
}
