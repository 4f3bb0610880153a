package io.github.remoteclusters.security.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.security.SecurityInputException;
import io.github.remoteclusters.security.apikey.CreateCrossClusterApiKeyRequest;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.FieldSecurity;
import io.github.remoteclusters.security.apikey.IndicesPrivileges;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.RoleDescriptorPreview;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.List;

/** Jackson reading and writing for the API key types. */
public final class Json {

  /** The shared mapper: strict duplicate detection, pretty output. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private Json() {}

  /** Reads a JSON document, turning any Jackson failure into a {@link SecurityInputException}. */
  public static JsonNode read(String source, String json) {
    if (json == null) {
      throw new SecurityInputException(source, "expected a JSON document but got nothing");
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new SecurityInputException(source, "expected a JSON document but the input is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      String what = original.startsWith("Duplicate field") ? "a field appears twice"
          : original.startsWith("Trailing token")
              ? "unexpected content after the end of the JSON document"
              : "the input is not well-formed JSON";
      throw new SecurityInputException(source, what + where);
    } catch (RuntimeException e) {
      throw new SecurityInputException(source, "the input is not well-formed JSON");
    }
  }

  /** Writes a node as pretty JSON. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree cannot be written: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes a node as compact JSON on one line. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree cannot be written: " + e.getOriginalMessage(), e);
    }
  }

  /** The {@code access} object. */
  public static String access(CrossClusterAccess access) {
    return write(accessNode(access));
  }

  /** The request body. */
  public static String request(CreateCrossClusterApiKeyRequest request) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", request.name());
    root.set("access", accessNode(request.access()));
    if (request.expiration() != null) {
      root.put("expiration", request.expiration());
    }
    if (!request.metadata().isEmpty()) {
      root.set("metadata", MAPPER.valueToTree(request.metadata()));
    }
    if (request.certificateIdentity() != null) {
      root.put("certificate_identity", request.certificateIdentity());
    }
    return write(root);
  }

  /** The role descriptor. */
  public static String roleDescriptor(RoleDescriptorPreview descriptor) {
    ObjectNode root = MAPPER.createObjectNode();
    strings(root.putArray("cluster"), descriptor.cluster());
    ArrayNode indices = root.putArray("indices");
    for (IndicesPrivileges entry : descriptor.indices()) {
      ObjectNode node = indices.addObject();
      strings(node.putArray("names"), entry.names());
      strings(node.putArray("privileges"), entry.privileges());
      // IndicesPrivileges.innerToXContent order: field_security before query
      fieldSecurity(node, entry.fieldSecurity());
      if (entry.query() != null) {
        node.put("query", entry.query());
      }
      node.put("allow_restricted_indices", entry.allowRestrictedIndices());
    }
    root.putArray("applications");
    root.putArray("run_as");
    root.putObject("metadata");
    root.putObject("transient_metadata").put("enabled", true);
    ObjectNode wrapper = MAPPER.createObjectNode();
    wrapper.set(descriptor.name(), root);
    return write(wrapper);
  }

  private static ObjectNode accessNode(CrossClusterAccess access) {
    ObjectNode node = MAPPER.createObjectNode();
    if (!access.search().isEmpty()) {
      ArrayNode search = node.putArray("search");
      for (SearchAccess entry : access.search()) {
        ObjectNode item = search.addObject();
        strings(item.putArray("names"), entry.names());
        if (entry.query() != null) {
          item.set("query", query(entry.query()));
        }
        fieldSecurity(item, entry.fieldSecurity());
        if (entry.allowRestrictedIndices()) {
          item.put("allow_restricted_indices", true);
        }
      }
    }
    if (!access.replication().isEmpty()) {
      ArrayNode replication = node.putArray("replication");
      for (ReplicationAccess entry : access.replication()) {
        ObjectNode item = replication.addObject();
        strings(item.putArray("names"), entry.names());
        if (entry.allowRestrictedIndices()) {
          item.put("allow_restricted_indices", true);
        }
      }
    }
    return node;
  }

  /**
   * A DLS query as Elasticsearch takes it: an object when the text is a JSON object in compact form
   * (what the parser keeps of an object query), so that parsing the output gives the same value;
   * any other text stays a string.
   */
  static JsonNode query(String query) {
    if (query.startsWith("{")) {
      try {
        JsonNode node = MAPPER.readTree(query);
        if (node != null && node.isObject() && compact(node).equals(query)) {
          return node;
        }
      } catch (JsonProcessingException e) {
        // not JSON: Elasticsearch gets the text as written
      }
    }
    return MAPPER.getNodeFactory().textNode(query);
  }

  private static void fieldSecurity(ObjectNode node, FieldSecurity fieldSecurity) {
    if (fieldSecurity != null) {
      ObjectNode fls = node.putObject("field_security");
      strings(fls.putArray("grant"), fieldSecurity.grant());
      if (!fieldSecurity.except().isEmpty()) {
        strings(fls.putArray("except"), fieldSecurity.except());
      }
    }
  }

  /** Adds strings to an array node. */
  public static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
