package io.github.remoteclusters.elasticsearch.internal.es;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.security.Access;
import co.elastic.clients.elasticsearch.security.CreateCrossClusterApiKeyRequest;
import co.elastic.clients.elasticsearch.security.IndicesPrivilegesQuery;
import co.elastic.clients.elasticsearch.security.PutRoleRequest;
import co.elastic.clients.elasticsearch.security.RemoteClusterPrivilege;
import co.elastic.clients.elasticsearch.security.UpdateCrossClusterApiKeyRequest;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.FieldSecurity;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.RemoteClusterPrivileges;
import io.github.remoteclusters.security.apikey.RemoteIndicesPrivileges;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The typed requests of elasticsearch-java made from the plan's payloads and the security
 * module's records: the one place where a payload becomes a request builder. The requests mean
 * what {@link io.github.remoteclusters.core.plan.StepEncoder} writes for the same payload (a test
 * compares them). Not API.
 */
public final class EsRequests {

  private EsRequests() {}

  /**
   * {@code POST /_security/cross_cluster/api_key} for a planned key: its name, access, expiration
   * and the metadata that names its owner, local cluster and alias.
   *
   * @param key the payload
   * @return the request
   */
  public static CreateCrossClusterApiKeyRequest createKey(StepPayload.CreateCrossClusterApiKey key) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("managed-by", "remote-clusters");
    metadata.put("local-cluster", key.localCluster());
    metadata.put("alias", key.alias());
    return createKey(key.keyName(), key.access(), key.expiration(), metadata);
  }

  static CreateCrossClusterApiKeyRequest createKey(
      String name, CrossClusterAccess access, String expiration, Map<String, String> metadata) {
    return CreateCrossClusterApiKeyRequest.of(c -> {
      c.name(name).access(access(access));
      if (expiration != null) {
        c.expiration(t -> t.time(expiration));
      }
      metadata.forEach((k, v) -> c.metadata(k, JsonData.of(v)));
      return c;
    });
  }

  /**
   * {@code PUT /_security/cross_cluster/api_key/<id>} giving a key a new access.
   *
   * @param id the key's id
   * @param access the access
   * @return the request
   */
  public static UpdateCrossClusterApiKeyRequest updateKey(String id, CrossClusterAccess access) {
    return UpdateCrossClusterApiKeyRequest.of(u -> u.id(id).access(access(access)));
  }

  /**
   * The {@code access} of a cross-cluster API key.
   *
   * @param access the access
   * @return the typed access
   */
  public static Access access(CrossClusterAccess access) {
    return Access.of(a -> {
      for (SearchAccess s : access.search()) {
        a.search(e -> {
          e.names(s.names());
          if (s.query() != null) {
            e.query(keyQuery(s.query()));
          }
          if (s.fieldSecurity() != null) {
            e.fieldSecurity(f -> fieldSecurity(f, s.fieldSecurity(), false));
          }
          if (s.allowRestrictedIndices()) {
            e.allowRestrictedIndices(true);
          }
          return e;
        });
      }
      for (ReplicationAccess r : access.replication()) {
        a.replication(e -> {
          e.names(r.names());
          if (r.allowRestrictedIndices()) {
            e.allowRestrictedIndices(true);
          }
          return e;
        });
      }
      return a;
    });
  }

  /**
   * {@code PUT /_security/role/<name>}: the local role of a link, with its cluster privileges,
   * {@code remote_indices} (always sent, empty or not) and {@code remote_cluster}.
   *
   * @param role the role
   * @return the request
   */
  public static PutRoleRequest putRole(LocalRole role) {
    return PutRoleRequest.of(r -> {
      r.name(role.name());
      if (!role.cluster().isEmpty()) {
        r.cluster(role.cluster());
      }
      List<co.elastic.clients.elasticsearch.security.RemoteIndicesPrivileges> indices =
          new ArrayList<>();
      for (RemoteIndicesPrivileges e : role.remoteIndices()) {
        indices.add(co.elastic.clients.elasticsearch.security.RemoteIndicesPrivileges.of(i -> {
          i.clusters(e.clusters()).names(e.names()).privileges(e.privileges());
          if (e.query() != null) {
            // a role's query is sent as the text it is (what Elasticsearch stores for a role)
            i.query(q -> q.jsonText(e.query()));
          }
          if (e.fieldSecurity() != null) {
            i.fieldSecurity(f -> fieldSecurity(f, e.fieldSecurity(), true));
          }
          if (e.allowRestrictedIndices()) {
            i.allowRestrictedIndices(true);
          }
          return i;
        }));
      }
      r.remoteIndices(indices);
      for (RemoteClusterPrivileges e : role.remoteCluster()) {
        r.remoteCluster(c -> c.privileges(e.privileges().stream()
            .map(EsRequests::remoteClusterPrivilege).toList()).clusters(e.clusters()));
      }
      return r;
    });
  }

  private static co.elastic.clients.elasticsearch.security.FieldSecurity.Builder fieldSecurity(
      co.elastic.clients.elasticsearch.security.FieldSecurity.Builder f, FieldSecurity fls,
      boolean alwaysExcept) {
    f.grant(fls.grant());
    if (alwaysExcept || !fls.except().isEmpty()) {
      f.except(fls.except());
    }
    return f;
  }

  /**
   * The DLS query of a key's search access, as the security module writes it: a query object when
   * the text is a JSON object in compact form, otherwise the text. The object is read into the
   * typed query through {@code withJson}: the query DSL is the user's own JSON, which the planner
   * carries as text and which has no other typed form.
   */
  static IndicesPrivilegesQuery keyQuery(String query) {
    if (query.startsWith("{")) {
      try {
        JsonNode node = EsJson.JSON.readTree(query);
        if (node != null && node.isObject() && EsJson.compact(node).equals(query)) {
          return IndicesPrivilegesQuery.of(q -> q.query(Query.of(b -> b.withJson(new StringReader(query)))));
        }
      } catch (JsonProcessingException e) {
        // not JSON: Elasticsearch gets the text as written
      }
    }
    return IndicesPrivilegesQuery.of(q -> q.jsonText(query));
  }

  /**
   * A {@code remote_cluster} privilege as elasticsearch-java names it; Elasticsearch reads the
   * name lower-cased and trimmed.
   */
  static RemoteClusterPrivilege remoteClusterPrivilege(String name) {
    String wanted = name.toLowerCase(Locale.ROOT).trim();
    for (RemoteClusterPrivilege p : RemoteClusterPrivilege.values()) {
      if (p.jsonValue().equals(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException("remote_cluster privilege [" + name + "] is not one"
        + " elasticsearch-java knows: expected one of " + java.util.Arrays.stream(
            RemoteClusterPrivilege.values()).map(RemoteClusterPrivilege::jsonValue).toList());
  }
}
