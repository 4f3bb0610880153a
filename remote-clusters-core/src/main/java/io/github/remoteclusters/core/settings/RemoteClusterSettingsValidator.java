package io.github.remoteclusters.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.core.internal.SettingValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates the {@code cluster.remote.*} part of a {@code PUT _cluster/settings} body the way
 * Elasticsearch does, with its messages.
 *
 * <p>Rules, in Elasticsearch's order: key grammar ({@code cluster.remote.<alias>.<suffix>}, alias
 * {@code [-A-Za-z0-9_]+}); node-level and secure keys are "not dynamically updateable", other keys
 * "not recognized"; each scope (persistent, transient) is checked on its own against its own
 * {@code mode}; each value is parsed (mode, strict booleans, ints &ge; 1, time values, compression
 * enums, {@code host:port} addresses); mode-specific keys must match the mode; {@code
 * skip_unavailable} and {@code transport.*} need the alias to be enabled (seeds in sniff mode, a
 * proxy address in proxy mode) in the same scope. Null values reset a key and are only checked for
 * being known and dynamic. Keys outside {@code cluster.remote.*} are not checked.
 *
 * <p>Unlike Elasticsearch, which stops at the first problem, every problem is reported.
 *
 * @since 0.1.0
 */
public final class RemoteClusterSettingsValidator {

  private static final String PREFIX = "cluster.remote.";

  /** Per-alias suffixes that can be set through the API. */
  private static final Set<String> DYNAMIC_SUFFIXES = dynamicSuffixes();

  private static Set<String> dynamicSuffixes() {
    Set<String> all = new java.util.HashSet<>(SettingValues.ALIAS_KEYS);
    all.addAll(
        List.of(
            "signing.key",
            "signing.certificate",
            "signing.keystore.path",
            "signing.keystore.type",
            "signing.keystore.alias",
            "signing.keystore.algorithm"));
    return Set.copyOf(all);
  }

  /** Per-alias secure (keystore-only) suffixes. */
  private static final Set<String> SECURE_SUFFIXES =
      Set.of(
          "credentials",
          "signing.key.secure_passphrase",
          "signing.keystore.secure_password",
          "signing.keystore.secure_key_password");

  /** Node-level keys that exist but are not dynamic (or are secure). */
  private static final Set<String> NODE_STATIC =
      Set.of(
          "cluster.remote.initial_connect_timeout",
          "cluster.remote.connections_per_cluster",
          "cluster.remote.node.attr",
          "cluster.remote.signing.truststore.secure_password");

  /** Node-level dynamic keys (strong identity verification, 9.3 preview). */
  private static final Set<String> NODE_DYNAMIC =
      Set.of(
          "cluster.remote.signing.certificate_authorities",
          "cluster.remote.signing.truststore.path",
          "cluster.remote.signing.truststore.algorithm",
          "cluster.remote.signing.truststore.type",
          "cluster.remote.signing.diagnose.trust");

  private static final Set<String> SNIFF_ONLY = Set.of("seeds", "node_connections", "proxy");
  private static final Set<String> PROXY_ONLY =
      Set.of("proxy_address", "proxy_socket_connections", "server_name");
  private static final Set<String> NEEDS_ENABLED =
      Set.of(
          "skip_unavailable",
          "transport.ping_schedule",
          "transport.compress",
          "transport.compression_scheme");

  private RemoteClusterSettingsValidator() {}

  /**
   * Validates a body given as JSON text.
   *
   * @param json the body
   * @return the report; a body that is not JSON gives a {@link ProblemCode#SYNTAX} problem
   */
  public static SettingsReport validate(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode body;
    try {
      body = Json.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return new SettingsReport(
          List.of(new SettingsProblem(null, Json.pathOf(e), ProblemCode.SYNTAX, Json.describe(e))));
    }
    if (body == null) {
      body = Json.NODES.missingNode();
    }
    return validate(body);
  }

  /**
   * Validates a parsed body.
   *
   * @param body the body, an object with {@code persistent} and/or {@code transient}
   * @return the report
   */
  public static SettingsReport validate(JsonNode body) {
    Objects.requireNonNull(body, "body");
    List<SettingsProblem> out = new ArrayList<>();
    if (!body.isObject()) {
      out.add(bodyProblem("", "request body must be an object but is " + Json.typeName(body)));
      return new SettingsReport(out);
    }
    Iterator<String> fields = body.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!field.equals("persistent") && !field.equals("transient")) {
        out.add(bodyProblem(field, "[cluster_update_settings_request] unknown field [" + field + "]"));
      }
    }
    boolean any = false;
    for (SettingsScope scope : SettingsScope.values()) {
      JsonNode node = body.get(scope.id());
      if (node == null || node.isNull()) {
        continue;
      }
      if (!node.isObject()) {
        out.add(
            bodyProblem(
                scope.id(), "[" + scope.id() + "] must be an object but is " + Json.typeName(node)));
        continue;
      }
      any |= !node.isEmpty();
      validateScope(scope, node, out);
    }
    if (!any && out.isEmpty()) {
      out.add(bodyProblem("", "Validation Failed: 1: no settings to update;"));
    }
    return new SettingsReport(out);
  }

  private static SettingsProblem bodyProblem(String key, String message) {
    return new SettingsProblem(null, key, ProblemCode.SETTINGS_BODY_INVALID, message);
  }

  /**
   * Validates one scope's settings on their own, as Elasticsearch does.
   *
   * @param scope the scope, used in messages and paths
   * @param settings the scope's object, flat or nested keys
   * @return the problems
   */
  public static List<SettingsProblem> validateScope(SettingsScope scope, JsonNode settings) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(settings, "settings");
    List<SettingsProblem> out = new ArrayList<>();
    if (!settings.isObject()) {
      out.add(
          bodyProblem(
              scope.id(), "[" + scope.id() + "] must be an object but is " + Json.typeName(settings)));
      return out;
    }
    validateScope(scope, settings, out);
    return out;
  }

  private static void validateScope(SettingsScope scope, JsonNode settings, List<SettingsProblem> out) {
    Map<String, JsonNode> flat = new TreeMap<>();
    flatten(scope, "", settings, flat, out);
    ScopeCheck check = new ScopeCheck(scope, out);
    for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
      check.key(e.getKey(), e.getValue());
    }
    check.aliases();
  }

  private static void flatten(
      SettingsScope scope,
      String prefix,
      JsonNode node,
      Map<String, JsonNode> flat,
      List<SettingsProblem> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject() && !value.isEmpty()) {
        flatten(scope, key, value, flat, out);
      } else if (value.isObject()) {
        continue;
      } else {
        JsonNode previous = flat.put(key, value);
        if (previous != null) {
          out.add(
              new SettingsProblem(
                  scope,
                  key,
                  ProblemCode.SETTINGS_BODY_INVALID,
                  "duplicate settings key [" + key + "] found, previous value [" + text(previous)
                      + "], current value [" + text(value) + "]"));
        }
      }
    }
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** The keys of one alias in one scope. */
  private static final class AliasSettings {
    final Map<String, JsonNode> values = new TreeMap<>();
    final Map<String, Boolean> parsedOk = new TreeMap<>();
    List<String> seeds;
  }

  /** Checks one scope. */
  private static final class ScopeCheck {
    final SettingsScope scope;
    final List<SettingsProblem> out;
    final Map<String, AliasSettings> aliases = new TreeMap<>();

    ScopeCheck(SettingsScope scope, List<SettingsProblem> out) {
      this.scope = scope;
      this.out = out;
    }

    void problem(String key, ProblemCode code, String message) {
      out.add(new SettingsProblem(scope, key, code, message));
    }

    void notRecognized(String key) {
      problem(
          key,
          ProblemCode.SETTING_NOT_RECOGNIZED,
          scope.id() + " setting [" + key + "], not recognized");
    }

    void notDynamic(String key) {
      problem(
          key,
          ProblemCode.SETTING_NOT_DYNAMIC,
          scope.id() + " setting [" + key + "], not dynamically updateable");
    }

    void key(String key, JsonNode value) {
      if (key.startsWith("search.remote.") || key.equals("cluster.remote.connect")) {
        notRecognized(key);
        return;
      }
      if (!key.startsWith(PREFIX)) {
        return;
      }
      if (NODE_STATIC.contains(key)) {
        notDynamic(key);
        return;
      }
      if (NODE_DYNAMIC.contains(key)) {
        if (!value.isNull() && !value.isValueNode()) {
          listNotExpected(key);
        }
        return;
      }
      if (key.endsWith("*")) {
        if (!value.isNull()) {
          notRecognized(key);
        }
        return;
      }
      String rest = key.substring(PREFIX.length());
      int dot = rest.indexOf('.');
      String alias = dot < 0 ? "" : rest.substring(0, dot);
      String suffix = dot < 0 ? "" : rest.substring(dot + 1);
      if (!SettingValues.isValidAlias(alias)) {
        notRecognized(key);
        return;
      }
      if (SECURE_SUFFIXES.contains(suffix)) {
        notDynamic(key);
        return;
      }
      if (!DYNAMIC_SUFFIXES.contains(suffix)) {
        notRecognized(key);
        return;
      }
      if (value.isNull()) {
        return;
      }
      AliasSettings a = aliases.computeIfAbsent(alias, k -> new AliasSettings());
      a.values.put(suffix, value);
      a.parsedOk.put(suffix, parse(key, suffix, value, a));
    }

    void listNotExpected(String key) {
      problem(
          key,
          ProblemCode.SETTING_INVALID_VALUE,
          "Found list type value for setting [" + key + "] but but did not expect a list for it.");
    }

    boolean invalid(String key, String error) {
      if (error == null) {
        return true;
      }
      problem(key, ProblemCode.SETTING_INVALID_VALUE, error);
      return false;
    }

    /** Type-parses one value; true when it parsed. */
    boolean parse(String key, String suffix, JsonNode value, AliasSettings a) {
      if (suffix.equals("seeds")) {
        return parseSeeds(key, value, a);
      }
      if (!value.isValueNode()) {
        listNotExpected(key);
        return false;
      }
      String text = value.asText();
      switch (suffix) {
        case "mode":
          return invalid(key, SettingValues.modeError(text));
        case "node_connections":
        case "proxy_socket_connections":
          return invalid(key, SettingValues.positiveIntError(key, text));
        case "proxy":
        case "proxy_address":
          return text.isEmpty() || invalid(key, RemoteAddress.check(text).orElse(null));
        case "skip_unavailable":
          return invalid(key, SettingValues.booleanError(text));
        case "transport.ping_schedule":
          return invalid(key, SettingValues.timeValueError(key, text));
        case "transport.compress":
          return invalid(key, SettingValues.compressError(text));
        case "transport.compression_scheme":
          return invalid(key, SettingValues.compressionSchemeError(text));
        default:
          return true;
      }
    }

    boolean parseSeeds(String key, JsonNode value, AliasSettings a) {
      List<String> seeds = new ArrayList<>();
      if (value.isArray()) {
        for (JsonNode element : value) {
          if (!element.isValueNode() || element.isNull()) {
            problem(
                key,
                ProblemCode.SETTING_INVALID_VALUE,
                "only value lists are allowed in serialized settings");
            return false;
          }
          seeds.add(element.asText());
        }
      } else {
        String text = value.asText();
        if (!text.isEmpty()) {
          seeds.addAll(List.of(text.split(",", -1)));
        }
      }
      for (String seed : seeds) {
        if (!invalid(key, RemoteAddress.check(seed).orElse(null))) {
          return false;
        }
      }
      a.seeds = seeds;
      return true;
    }

    void aliases() {
      for (Map.Entry<String, AliasSettings> e : aliases.entrySet()) {
        String alias = e.getKey();
        AliasSettings a = e.getValue();
        String modeKey = PREFIX + alias + ".mode";
        String mode = "SNIFF";
        if (a.values.containsKey("mode")) {
          if (!a.parsedOk.get("mode")) {
            continue;
          }
          mode = a.values.get("mode").asText().toUpperCase(Locale.ROOT);
        }
        for (String suffix : a.values.keySet()) {
          if (!a.parsedOk.get(suffix)) {
            continue;
          }
          String required =
              SNIFF_ONLY.contains(suffix) ? "SNIFF" : PROXY_ONLY.contains(suffix) ? "PROXY" : null;
          if (required != null && !required.equals(mode)) {
            String key = PREFIX + alias + "." + suffix;
            problem(
                key,
                ProblemCode.SETTING_MODE_MISMATCH,
                "Setting \"" + key + "\" cannot be used with the configured \"" + modeKey
                    + "\" [required=" + required + ", configured=" + mode + "]");
            a.parsedOk.put(suffix, false);
          }
        }
        Boolean enabled = enabled(a, mode);
        if (enabled == null || enabled) {
          continue;
        }
        for (String suffix : a.values.keySet()) {
          if (NEEDS_ENABLED.contains(suffix) && a.parsedOk.get(suffix)) {
            String key = PREFIX + alias + "." + suffix;
            problem(
                key,
                ProblemCode.SETTING_REMOTE_NOT_ENABLED,
                "Cannot configure setting [" + key + "] if remote cluster is not enabled.");
          }
        }
      }
    }

    /** Whether the alias is enabled in this scope, or null when a bad value hides it. */
    private static Boolean enabled(AliasSettings a, String mode) {
      if (mode.equals("SNIFF")) {
        if (a.values.containsKey("seeds") && !a.parsedOk.get("seeds")) {
          return null;
        }
        return a.seeds != null && !a.seeds.isEmpty();
      }
      JsonNode address = a.values.get("proxy_address");
      if (address == null) {
        return false;
      }
      if (!a.parsedOk.get("proxy_address")) {
        return null;
      }
      return !address.asText().isEmpty();
    }
  }
}
