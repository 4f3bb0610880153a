package io.github.remoteclusters.security.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.RemoteClusterPrivileges;
import io.github.remoteclusters.security.apikey.RemoteIndicesPrivileges;

/** JSON for local roles. */
public final class RoleJson {

  private RoleJson() {}

  /** The role body. */
  public static String role(LocalRole role) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    if (!role.cluster().isEmpty()) {
      Json.strings(root.putArray("cluster"), role.cluster());
    }
    if (!role.remoteIndices().isEmpty()) {
      ArrayNode array = root.putArray("remote_indices");
      for (RemoteIndicesPrivileges entry : role.remoteIndices()) {
        ObjectNode node = array.addObject();
        Json.strings(node.putArray("clusters"), entry.clusters());
        Json.strings(node.putArray("names"), entry.names());
        Json.strings(node.putArray("privileges"), entry.privileges());
        if (entry.query() != null) {
          node.put("query", entry.query());
        }
        if (entry.fieldSecurity() != null) {
          ObjectNode fls = node.putObject("field_security");
          Json.strings(fls.putArray("grant"), entry.fieldSecurity().grant());
          Json.strings(fls.putArray("except"), entry.fieldSecurity().except());
        }
        if (entry.allowRestrictedIndices()) {
          node.put("allow_restricted_indices", true);
        }
      }
    }
    if (!role.remoteCluster().isEmpty()) {
      ArrayNode array = root.putArray("remote_cluster");
      for (RemoteClusterPrivileges entry : role.remoteCluster()) {
        ObjectNode node = array.addObject();
        Json.strings(node.putArray("privileges"), entry.privileges());
        Json.strings(node.putArray("clusters"), entry.clusters());
      }
    }
    return Json.write(root);
  }
}
