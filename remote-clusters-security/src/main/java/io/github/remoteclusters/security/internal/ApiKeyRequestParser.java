package io.github.remoteclusters.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.ApiKeyProblemCode;
import io.github.remoteclusters.security.apikey.CreateCrossClusterApiKeyRequest;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.FieldSecurity;
import io.github.remoteclusters.security.apikey.ApiKeyProblem;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a create-cross-cluster-API-key body the way Elasticsearch's parsers and validators do,
 * collecting every problem instead of stopping at the first.
 */
public final class ApiKeyRequestParser {

  private static final String REQUEST_PARSER = "cross_cluster_api_key_request";
  private static final String ACCESS_PARSER = "cross_cluster_api_key_request_access";
  private static final String INDICES = "failed to parse indices privileges for role [cross_cluster]. ";

  /** Elasticsearch reports parse errors first, then missing fields, then values, then rules. */
  private static final int PARSE = 0;
  private static final int MISSING = 1;
  private static final int VALUE = 2;
  private static final int BUILD = 3;
  private static final int VALIDATE = 4;
  private static final int VALIDATE_METADATA = 5;

  private final EsVersion remote;
  private final List<ApiKeyProblem> problems = new ArrayList<>();
  private final List<Integer> phases = new ArrayList<>();
  private final List<ApiKeyProblem> warnings = new ArrayList<>();

  private ApiKeyRequestParser(EsVersion remote) {
    this.remote = remote;
  }

  /** Checks a whole request body. */
  public static ApiKeyCheck checkRequest(JsonNode root, EsVersion remote) {
    ApiKeyRequestParser parser = new ApiKeyRequestParser(remote);
    CreateCrossClusterApiKeyRequest request = parser.request(root);
    return new ApiKeyCheck(parser.ordered(), parser.warnings, parser.problems.isEmpty() ? request : null);
  }

  /** Checks an {@code access} object alone. */
  public static AccessResult checkAccess(JsonNode access, EsVersion remote) {
    ApiKeyRequestParser parser = new ApiKeyRequestParser(remote);
    CrossClusterAccess parsed = parser.access(access, "access");
    return new AccessResult(parser.ordered(), parser.warnings, parser.problems.isEmpty() ? parsed : null);
  }

  /** The outcome of {@link #checkAccess(JsonNode, EsVersion)}. */
  public record AccessResult(List<ApiKeyProblem> problems, List<ApiKeyProblem> warnings, CrossClusterAccess access) {}

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
            certificateIdentity = certificateIdentity(value.asText());
          } else if (!value.isNull()) {
            wrongType(REQUEST_PARSER, "certificate_identity", value);
          }
          break;
        default:
          error(ApiKeyProblemCode.UNKNOWN_FIELD, field.getKey(),
              UnknownFields.message(REQUEST_PARSER, field.getKey(), requestFields()));
      }
    }
    // ConstructingObjectParser names every missing required field in one message
    if (!nameSeen && !accessSeen) {
      error(MISSING, ApiKeyProblemCode.REQUIRED, "", "Required [name, access]");
    } else if (!nameSeen) {
      error(MISSING, ApiKeyProblemCode.REQUIRED, "name", "Required [name]");
    } else if (!accessSeen) {
      error(MISSING, ApiKeyProblemCode.REQUIRED, "access", "Required [access]");
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

  private List<String> requestFields() {
    return remote.isAtLeast(9, 3)
        ? List.of("name", "access", "expiration", "metadata", "certificate_identity")
        : List.of("name", "access", "expiration", "metadata");
  }

  /** Elasticsearch's {@code CertificateIdentity}: the value must compile as a Java regular expression. */
  private String certificateIdentity(String value) {
    try {
      java.util.regex.Pattern.compile(value);
      return value;
    } catch (java.util.regex.PatternSyntaxException e) {
      error(VALUE, ApiKeyProblemCode.INVALID_CERTIFICATE_IDENTITY, "certificate_identity",
          "Invalid certificate_identity format: [" + value + "]. Must be a valid regex.");
      return null;
    }
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
      error(VALIDATE, ApiKeyProblemCode.INVALID_NAME, "name", "api key name is required");
      return;
    }
    if (name.length() > 256) {
      error(VALIDATE, ApiKeyProblemCode.INVALID_NAME, "name", "api key name may not be more than 256 characters long");
    }
    // String.trim(), as Elasticsearch: control characters and space, not Unicode whitespace
    if (!name.equals(name.trim())) {
      error(VALIDATE, ApiKeyProblemCode.INVALID_NAME, "name", "api key name may not begin or end with whitespace");
    }
    if (name.startsWith("_")) {
      error(VALIDATE, ApiKeyProblemCode.INVALID_NAME, "name", "api key name may not begin with an underscore");
    }
  }

  private String expiration(JsonNode value) {
    if (!value.isTextual()) {
      wrongType(REQUEST_PARSER, "expiration", value);
      return null;
    }
    String text = value.asText();
    String problem = TimeValues.problem("expiration", text);
    if (problem != null) {
      error(VALUE, ApiKeyProblemCode.INVALID_EXPIRATION, "expiration", problem);
      return null;
    }
    return text;
  }

  private Map<String, Object> metadata(JsonNode value) {
    Map<String, Object> metadata = new LinkedHashMap<>();
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
      error(VALIDATE_METADATA, ApiKeyProblemCode.RESERVED_METADATA_KEY, "metadata", "API key metadata keys may not start with [_]");
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
        error(ApiKeyProblemCode.UNKNOWN_FIELD, path + "." + key,
            UnknownFields.message(ACCESS_PARSER, key, List.of("search", "replication")));
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
    // CrossClusterApiKeyRoleDescriptorBuilder.build(): empty access, then search DLS/FLS with
    // replication (8.14+), then replication DLS/FLS
    if (search.isEmpty() && replication.isEmpty()) {
      error(BUILD, ApiKeyProblemCode.EMPTY_ACCESS, path, "must specify non-empty access for either [search] or [replication]");
      return null;
    }
    if (!replication.isEmpty()) {
      for (int i = 0; i < search.size(); i++) {
        if (search.get(i).usesDocumentOrFieldLevelSecurity()) {
          searchDlsWithReplication(path + ".search[" + i + "]");
        }
      }
    }
    for (int i = 0; i < replicationUsesDlsFls.size(); i++) {
      if (replicationUsesDlsFls.get(i)) {
        error(BUILD, ApiKeyProblemCode.REPLICATION_WITH_DLS_FLS, path + ".replication[" + i + "]",
            "replication does not support document or field level security");
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
      error(BUILD, ApiKeyProblemCode.SEARCH_DLS_FLS_WITH_REPLICATION, entryPath, message);
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
    List<String> grant = null;
    List<String> except = null;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      switch (key) {
        case "names":
          namesSeen = true;
          entry.names = names(value, path + ".names");
          break;
        case "allow_restricted_indices":
          if (value.isBoolean()) {
            entry.allowRestricted = value.booleanValue();
          } else {
            error(ApiKeyProblemCode.WRONG_TYPE, path + "." + key, INDICES + "expected field [" + key
                + "] value to be a boolean, but found [" + token(value) + "] instead");
          }
          break;
        case "query":
          entry.query = query(value, path + ".query");
          break;
        case "field_security":
          FieldSecurityFields fields = fieldSecurity(value, path + ".field_security");
          if (fields != null) {
            grant = fields.grant;
            except = fields.except;
          }
          break;
        case "privileges":
          error(ApiKeyProblemCode.PRIVILEGES_NOT_ALLOWED, path + ".privileges", INDICES + "field [privileges] must not present");
          break;
        case "fields":
          error(ApiKeyProblemCode.UNKNOWN_FIELD, path + ".fields", "[\"fields\": [...]] format has changed for field"
              + " permissions in role [cross_cluster], use [\"field_security\": {\"grant\":[...],\"except\":[...]}] instead");
          break;
        case "transient_metadata":
          // Elasticsearch skips an object here and rejects anything else
          if (!value.isObject()) {
            error(ApiKeyProblemCode.WRONG_TYPE, path + "." + key, "failed to parse transient metadata for role"
                + " [cross_cluster]. expected START_OBJECT but got " + token(value) + " in \"transient_metadata\".");
          }
          break;
        default:
          error(ApiKeyProblemCode.UNKNOWN_FIELD, path + "." + key, INDICES + "unexpected field [" + key + "]");
      }
    }
    if (problems.size() > before) {
      return null;
    }
    if (!namesSeen) {
      error(ApiKeyProblemCode.REQUIRED, path, INDICES + "missing required [names] field");
    } else if (except != null && grant == null) {
      error(ApiKeyProblemCode.FIELD_SECURITY_WITHOUT_GRANT, path + ".field_security",
          INDICES + "field_security requires grant if except is given");
    } else if (grant != null || except != null) {
      String notSubset = FieldPatterns.exceptNotSubsetOfGrant(grant, except);
      if (notSubset != null) {
        error(ApiKeyProblemCode.EXCEPT_NOT_SUBSET_OF_GRANT, path + ".field_security",
            "failed to parse indices privileges for role [cross_cluster] - " + notSubset);
      } else {
        entry.fieldSecurity = new FieldSecurity(grant, except == null ? List.of() : except);
      }
    }
    return problems.size() > before ? null : entry;
  }

  private List<String> names(JsonNode value, String path) {
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field [names] value to be a string or an array"
          + " of strings, but found [" + token(value) + "] instead");
      return null;
    }
    List<String> names = stringArray(value, path, "names");
    if (names != null && names.isEmpty()) {
      error(ApiKeyProblemCode.EMPTY_NAMES, path, INDICES + "[names] cannot be an empty array");
      return null;
    }
    return names;
  }

  private String query(JsonNode value, String path) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      // Elasticsearch treats an empty string as no query
      return value.asText().isEmpty() ? null : value.asText();
    }
    if (value.isObject()) {
      return Json.compact(value);
    }
    // the message says "an array" but Elasticsearch rejects arrays too
    error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field [query] value to be null, a string,"
        + " an array, or an object, but found [" + token(value) + "] instead");
    return null;
  }

  /** The raw grant and except lists of a {@code field_security} object; either may be absent. */
  private static final class FieldSecurityFields {
    List<String> grant;
    List<String> except;
  }

  private FieldSecurityFields fieldSecurity(JsonNode value, String path) {
    if (!value.isObject()) {
      error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected START_OBJECT but got " + token(value)
          + " in \"field_security\".");
      return null;
    }
    if (value.isEmpty()) {
      error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "\"field_security\" must not be empty.");
      return null;
    }
    FieldSecurityFields fields = new FieldSecurityFields();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String key = field.getKey();
      if (!key.equals("grant") && !key.equals("except")) {
        error(ApiKeyProblemCode.UNKNOWN_FIELD, path + "." + key, INDICES
            + "\"field_security\" only accepts options grant and except, but got: " + key);
        return null;
      }
      if (field.getValue().isNull()) {
        error(ApiKeyProblemCode.WRONG_TYPE, path + "." + key, INDICES + key + " must not be null.");
        return null;
      }
      List<String> list = stringArray(field.getValue(), path + "." + key, key);
      if (list == null) {
        return null;
      }
      if (key.equals("grant")) {
        fields.grant = list;
      } else {
        fields.except = list;
      }
    }
    return fields;
  }

  /**
   * A JSON array of strings, as Elasticsearch's {@code readStringArray}: its error is the generic
   * "failed to parse indices privileges for role [cross_cluster]" caused by a detailed one, both
   * given here.
   */
  private List<String> stringArray(JsonNode value, String path, String field) {
    if (!value.isArray()) {
      error(ApiKeyProblemCode.WRONG_TYPE, path, "failed to parse indices privileges for role [cross_cluster]"
          + "; caused by: could not parse [" + field + "] field. expected a string array but found ["
          + token(value) + "] value instead");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        error(ApiKeyProblemCode.WRONG_TYPE, path, "failed to parse indices privileges for role [cross_cluster]"
            + "; caused by: could not parse [" + field + "] field. expected a string value but found ["
            + token(item) + "] instead");
        return null;
      }
      values.add(item.asText());
    }
    return values;
  }

  private List<JsonNode> objectArray(JsonNode value, String field, String path) {
    List<JsonNode> entries = new ArrayList<>();
    if (value.isObject()) {
      entries.add(value);
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isObject()) {
          entries.add(item);
        } else if (item.isArray()) {
          error(ApiKeyProblemCode.WRONG_TYPE, path, "expected value but got [START_ARRAY]");
          return List.of();
        } else {
          error(ApiKeyProblemCode.WRONG_TYPE, path, INDICES + "expected field ["
              + field + "] value to be an array of objects, but found an array element of type [" + token(item) + "]");
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
    error(PARSE, code, path, message);
  }

  private void error(int phase, ApiKeyProblemCode code, String path, String message) {
    problems.add(ApiKeyProblem.error(code, path, message));
    phases.add(phase);
  }

  /** The problems in the order Elasticsearch would meet them; stable within a phase. */
  private List<ApiKeyProblem> ordered() {
    List<ApiKeyProblem> ordered = new ArrayList<>();
    for (int phase = PARSE; phase <= VALIDATE_METADATA; phase++) {
      for (int i = 0; i < problems.size(); i++) {
        if (phases.get(i) == phase) {
          ordered.add(problems.get(i));
        }
      }
    }
    return ordered;
  }

  private void warning(ApiKeyProblemCode code, String path, String message) {
    warnings.add(ApiKeyProblem.warning(code, path, message));
  }
}
