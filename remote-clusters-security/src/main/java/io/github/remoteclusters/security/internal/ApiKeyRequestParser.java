package io.github.remoteclusters.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.ApiKeyProblemCode;
import io.github.remoteclusters.security.apikey.CreateCrossClusterApiKeyRequest;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.FieldSecurity;
import io.github.remoteclusters.security.apikey.Problem;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a create-cross-cluster-API-key body the way Elasticsearch's parsers and validators do,
 * collecting every problem instead of stopping at the first.
 */
public final class ApiKeyRequestParser {

  private static final String REQUEST_PARSER = "cross_cluster_api_key_request";
  private static final String ACCESS_PARSER = "cross_cluster_api_key_request_access";
  private static final String INDICES = "failed to parse indices privileges for role [cross_cluster]. ";
  private static final Set<String> ENTRY_FIELDS =
      Set.of("names", "query", "field_security", "allow_restricted_indices", "privileges");

  private final EsVersion remote;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  private ApiKeyRequestParser(EsVersion remote) {
    this.remote = remote;
  }

  /** Checks a whole request body. */
  public static ApiKeyCheck checkRequest(JsonNode root, EsVersion remote) {
    ApiKeyRequestParser parser = new ApiKeyRequestParser(remote);
    CreateCrossClusterApiKeyRequest request = parser.request(root);
    return new ApiKeyCheck(parser.problems, parser.warnings, parser.problems.isEmpty() ? request : null);
  }

  /** Checks an {@code access} object alone. */
  public static AccessResult checkAccess(JsonNode access, EsVersion remote) {
    ApiKeyRequestParser parser = new ApiKeyRequestParser(remote);
    CrossClusterAccess parsed = parser.access(access, "access");
    return new AccessResult(parser.problems, parser.warnings, parser.problems.isEmpty() ? parsed : null);
  }

  /** The outcome of {@link #checkAccess(JsonNode, EsVersion)}. */
  public record AccessResult(List<Problem> problems, List<Problem> warnings, CrossClusterAccess access) {}

  private CreateCrossClusterApiKeyRequest request(JsonNode root) {
    if (!root.isObject()) {
      error(ApiKeyProblemCode.NOT_AN_OBJECT, "", "request body must be a JSON object but found ["
          + token(root) + "]");
      return null;
    }
    checkApiVersion();
    String name = null;
    CrossClusterAccess access = null;
    String expiration = null;
    Map<String, Object> metadata = new LinkedHashMap<>();
    String certificateIdentity = null;
    boolean nameSeen = false;
    boolean accessSeen = false;
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "name":
          nameSeen = true;
          if (value.isTextual()) {
            name = value.asText();
          } else {
            wrongType(REQUEST_PARSER, "name", value);
          }
          break;
        case "access":
          accessSeen = true;
          access = access(value, "access");
          break;
        case "expiration":
          expiration = expiration(value);
          break;
        case "metadata":
          metadata = metadata(value);
          break;
        case "certificate_identity":
          if (!remote.isAtLeast(9, 3)) {
            error(ApiKeyProblemCode.UNKNOWN_FIELD, "certificate_identity", "[" + REQUEST_PARSER
                + "] unknown field [certificate_identity] (certificate_identity needs 9.3 or later; remote is "
                + remote + ")");
          } else if (value.isTextual()) {
            certificateIdentity = value.asText();
          } else if (!value.isNull()) {
            wrongType(REQUEST_PARSER, "certificate_identity", value);
          }
          break;
        default:
          error(ApiKeyProblemCode.UNKNOWN_FIELD, field.getKey(),
              "[" + REQUEST_PARSER + "] unknown field [" + field.getKey() + "]");
      }
    }
    if (!nameSeen) {
      error(ApiKeyProblemCode.REQUIRED, "name", "Required [name]");
    }
    if (!accessSeen) {
      error(ApiKeyProblemCode.REQUIRED, "access", "Required [access]");
    }
    if (name != null) {
      name(name);
    }
    if (expiration == null && problems.isEmpty()) {
      warning(ApiKeyProblemCode.NO_EXPIRATION, "expiration", "the key never expires; set [expiration]"
          + " (for example \"90d\") and rotate the key before it expires");
    }
    if (!problems.isEmpty() || name == null || access == null) {
      return null;
    }
    return new CreateCrossClusterApiKeyRequest(name, access, expiration, metadata, certificateIdentity);
  }

  private void checkApiVersion() {
    if (!remote.isAtLeast(8, 10)) {
      error(ApiKeyProblemCode.UNSUPPORTED_VERSION, "", "cross-cluster API keys need Elasticsearch 8.10"
          + " or later on the remote cluster, but the remote is " + remote);
    } else if (!remote.isAtLeast(8, 14)) {
      warning(ApiKeyProblemCode.UNSUPPORTED_VERSION, "", "cross-cluster API keys are beta on " + remote
          + "; the API key security model is generally available from 8.14 on both clusters");
    }
  }

  private void name(String name) {
    if (name.isEmpty()) {
      error(ApiKeyProblemCode.INVALID_NAME, "name", "api key name is required");
      return;
    }
    if (name.length() > 256) {
      error(ApiKeyProblemCode.INVALID_NAME, "name", "api key name may not be more than 256 characters long");
    }
    if (!name.equals(name.strip())) {
      error(ApiKeyProblemCode.INVALID_NAME, "name", "api key name may not begin or end with whitespace");
    }
    if (name.startsWith("_")) {
      error(ApiKeyProblemCode.INVALID_NAME, "name", "api key name may not begin with an underscore");
    }
  }

  private String expiration(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      wrongType(REQUEST_PARSER, "expiration", value);
      return null;
    }
    String text = value.asText();
    String problem = TimeValues.problem("expiration", text);
    if (problem != null) {
      error(ApiKeyProblemCode.INVALID_EXPIRATION, "expiration", problem);
      return null;
    }
    return text;
  }

  private Map<String, Object> metadata(JsonNode value) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (value.isNull()) {
      return metadata;
    }
    if (!value.isObject()) {
      wrongType(REQUEST_PARSER, "metadata", value);
      return metadata;
    }
    boolean reserved = false;
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      reserved |= entry.getKey().startsWith("_");
      metadata.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), Object.class));
    }
    if (reserved) {
      error(ApiKeyProblemCode.RESERVED_METADATA_KEY, "metadata", "API key metadata keys may not start with [_]");
    }
    return metadata;
  }

  private CrossClusterAccess access(JsonNode value, String path) {
    if (!value.isObject()) {
      wrongType(REQUEST_PARSER, "access", value);
      return null;
    }
    List<SearchAccess> search = new ArrayList<>();
    List<ReplicationAccess> replication = new ArrayList<>();
    List<Boolean> replicationUsesDlsFls = new ArrayList<>();
    int before = problems.size();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String key = field.getKey();
      if (!key.equals("search") && !key.equals("replication")) {
        error(ApiKeyProblemCode.UNKNOWN_FIELD, path + "." + key, "[" + ACCESS_PARSER + "] unknown field [" + key + "]");
        continue;
      }
      List<JsonNode> entries = objectArray(field.getValue(), key, path + "." + key);
      for (int i = 0; i < entries.size(); i++) {
        String entryPath = path + "." + key + "[" + i + "]";
        Entry entry = entry(entries.get(i), entryPath);
        if (entry == null) {
          continue;
        }
        if (key.equals("search")) {
          search.add(new SearchAccess(entry.names, entry.query, entry.fieldSecurity, entry.allowRestricted));
        } else {
          replication.add(new ReplicationAccess(entry.names, entry.allowRestricted));
          replicationUsesDlsFls.add(entry.usesDlsOrFls());
        }
        leastPrivilege(entry, entryPath);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    if (search.isEmpty() && replication.isEmpty()) {
      error(ApiKeyProblemCode.EMPTY_ACCESS, path, "must specify non-empty access for either [search] or [replication]");
      return null;
    }
    for (int i = 0; i < replicationUsesDlsFls.size(); i++) {
      if (replicationUsesDlsFls.get(i)) {
        error(ApiKeyProblemCode.REPLICATION_WITH_DLS_FLS, path + ".replication[" + i + "]",
            "replication does not support document or field level security");
      }
    }
    if (!replication.isEmpty()) {
      for (int i = 0; i < search.size(); i++) {
        if (search.get(i).usesDocumentOrFieldLevelSecurity()) {
          searchDlsWithReplication(path + ".search[" + i + "]");
        }
      }
    }
    if (!search.isEmpty() && !remote.isAtLeast(8, 15)) {
      warning(ApiKeyProblemCode.MISSING_PRIVILEGE, path + ".search", "keys created on " + remote
          + " lack the monitor_enrich cluster privilege, so ES|QL ENRICH across clusters will not work;"
          + " update the key after the remote is on 8.15 or later");
    }
    return problems.size() > before ? null : new CrossClusterAccess(search, replication);
  }

  private void searchDlsWithReplication(String entryPath) {
    String message = "search does not support document or field level security if replication is assigned";
    if (remote.isAtLeast(8, 14)) {
      error(ApiKeyProblemCode.SEARCH_DLS_FLS_WITH_REPLICATION, entryPath, message);
    } else {
      warning(ApiKeyProblemCode.BREAKS_ON_UPGRADE, entryPath, "accepted on " + remote
          + ", but from 8.14 on the key is unusable: Cross cluster API key [<id>] is invalid: " + message);
    }
  }

  private void leastPrivilege(Entry entry, String entryPath) {
    if (entry.names.contains("*")) {
      warning(ApiKeyProblemCode.ALL_INDICES, entryPath + ".names",
          "names [\"*\"] grants every index of the remote cluster; list the indices or patterns the local cluster needs");
    }
    if (entry.allowRestricted) {
      warning(ApiKeyProblemCode.RESTRICTED_INDICES, entryPath + ".allow_restricted_indices",
          "allow_restricted_indices [true] also grants restricted (system) indices such as .security");
    }
  }

  /** A parsed index entry before it becomes a search or replication entry. */
  private static final class Entry {
    List<String> names;
    String query;
    FieldSecurity fieldSecurity;
    boolean allowRestricted;

    boolean usesDlsOrFls() {
      return query != null || (fieldSecurity != null && fieldSecurity.restrictsFields());
    }
  }

  private Entry entry(JsonNode node, String path) {
    Entry entry = new Entry();
    int before = problems.size();
    boolean namesSeen = false;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (!ENTRY_FIELDS.contains(key)) {
        error(ApiKeyProblemCode.UNKNOWN_FIELD, path + "." + key, INDICES + "unexpected field [" + key + "]");
      } else if (key.equals("privileges")) {
        error(ApiKeyProblemCode.PRIVILEGES_NOT_ALLOWED, path + ".privileges", INDICES + "field [privileges] must not present");
      } else if (key.equals("names")) {
        namesSeen = true;
        entry.names = strings(value, path + ".names", "names");
        if (entry.names != null && entry.names.isEmpty()) {
          error(ApiKeyProblemCode.EMPTY_NAMES, path + ".names", INDICES + "[names] cannot be an empty array");
        }
      } else if (key.equals("query")) {
        entry.query = query(value, path + ".query");
      } else if (key.equals("field_security")) {
        entry.fieldSecurity = fieldSecurity(value, path + ".field_security");
      } else if (value.isBoolean()) {
        entry.allowRestricted = value.booleanValue();
      } else {
        error(ApiKeyProblemCode.WRONG_TYPE, path + "." + key, INDICES + "expected field [" + key
            + "] value to be a boolean, but found [" + token(value) + "] instead");
      }
    }
    if (!namesSeen) {
      error(ApiKeyProblemCode.REQUIRED, path, INDICES + "missing required [names] field");
    }
    return problems.size() > before ? null : entry;
  }

  private String query(JsonNode value, String path) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isObject()) {
      return Json.compact(value);
    }
    error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field [query] value to be null, a string,"
        + " or an object, but found [" + token(value) + "] instead");
    return null;
  }

  private FieldSecurity fieldSecurity(JsonNode value, String path) {
    if (!value.isObject()) {
      error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field [field_security] value to be an object,"
          + " but found [" + token(value) + "] instead");
      return null;
    }
    List<String> grant = null;
    List<String> except = List.of();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (field.getKey().equals("grant")) {
        grant = strings(field.getValue(), path + ".grant", "field_security.grant");
      } else if (field.getKey().equals("except")) {
        List<String> parsed = strings(field.getValue(), path + ".except", "field_security.except");
        except = parsed == null ? List.of() : parsed;
      } else {
        error(ApiKeyProblemCode.UNKNOWN_FIELD, path + "." + field.getKey(), INDICES
            + "expected fields [grant, except] in [field_security] but found [" + field.getKey() + "]");
      }
    }
    if (grant == null) {
      if (value.has("except")) {
        error(ApiKeyProblemCode.FIELD_SECURITY_WITHOUT_GRANT, path, INDICES + "field_security requires grant if except is given");
      }
      return value.has("grant") ? null : new FieldSecurity(List.of("*"), except);
    }
    return new FieldSecurity(grant, except);
  }

  private List<String> strings(JsonNode value, String path, String field) {
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (value.isArray()) {
      List<String> values = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field [" + field
              + "] value to be a string or an array of strings, but found [" + token(item) + "] in the array");
          return null;
        }
        values.add(item.asText());
      }
      return values;
    }
    error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field [" + field
        + "] value to be a string or an array of strings, but found [" + token(value) + "] instead");
    return null;
  }

  private List<JsonNode> objectArray(JsonNode value, String field, String path) {
    List<JsonNode> entries = new ArrayList<>();
    if (value.isObject()) {
      entries.add(value);
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isObject()) {
          entries.add(item);
        } else {
          error(ApiKeyProblemCode.WRONG_TYPE, path, "[" + ACCESS_PARSER + "] " + field
              + " doesn't support values of type: " + token(item));
          return List.of();
        }
      }
    } else {
      error(ApiKeyProblemCode.WRONG_TYPE, path, "[" + ACCESS_PARSER + "] " + field
          + " doesn't support values of type: " + token(value));
    }
    return entries;
  }

  private void wrongType(String parser, String field, JsonNode value) {
    error(ApiKeyProblemCode.WRONG_TYPE, field, "[" + parser + "] " + field + " doesn't support values of type: " + token(value));
  }

  /** The Elasticsearch XContent token name of a JSON value. */
  static String token(JsonNode node) {
    if (node.isObject()) {
      return "START_OBJECT";
    }
    if (node.isArray()) {
      return "START_ARRAY";
    }
    if (node.isTextual()) {
      return "VALUE_STRING";
    }
    if (node.isNumber()) {
      return "VALUE_NUMBER";
    }
    if (node.isBoolean()) {
      return "VALUE_BOOLEAN";
    }
    return "VALUE_NULL";
  }

  private void error(ApiKeyProblemCode code, String path, String message) {
    problems.add(Problem.error(code, path, message));
  }

  private void warning(ApiKeyProblemCode code, String path, String message) {
    warnings.add(Problem.warning(code, path, message));
  }
}
