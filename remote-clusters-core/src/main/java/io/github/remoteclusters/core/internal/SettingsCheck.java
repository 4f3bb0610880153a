package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.settings.RemoteAddress;
import io.github.remoteclusters.core.settings.SettingsProblem;
import io.github.remoteclusters.core.settings.SettingsReport;
import io.github.remoteclusters.core.settings.SettingsScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings validator's work on a Jackson tree, behind {@link
 * io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator}: plan checks and the
 * benchmarks validate parsed bodies here. Not API.
 */
public final class SettingsCheck {

  private static final String PREFIX = EckNames.REMOTE_SETTING_PREFIX;

  /**
   * Per-alias suffixes that can be set through the API. The {@code signing.*} keys of the 9.3
   * strong-identity preview are not registered on 9.5.3 or 8.19 nodes, so they are "not
   * recognized" like any other unknown key.
   */
  private static final List<String> DYNAMIC_SUFFIXES = SettingValues.ALIAS_KEYS;

  /** Per-alias secure (keystore-only) suffixes. */
  private static final List<String> SECURE_SUFFIXES = List.of("credentials");

  /** Node-level keys that exist but are not dynamic. */
  private static final Set<String> NODE_STATIC =
      Set.of(
          "cluster.remote.initial_connect_timeout",
          "cluster.remote.connections_per_cluster",
          "cluster.remote.node.attr");

  private static final Set<String> SNIFF_ONLY = Set.of("seeds", "node_connections", "proxy");
  private static final Set<String> PROXY_ONLY =
      Set.of("proxy_address", "proxy_socket_connections", "server_name");
  private static final Set<String> NEEDS_ENABLED =
      Set.of(
          "skip_unavailable",
          "transport.ping_schedule",
          "transport.compress",
          "transport.compression_scheme");

  private SettingsCheck() {}

  /**
   * Validates a body given as JSON text.
   *
   * @param json the body
   * @return the report; a body that is not JSON gives a {@link ProblemCode#SYNTAX} problem, and a
   *     field given twice in one object (which Elasticsearch rejects) a {@link
   *     ProblemCode#SETTINGS_BODY_INVALID} problem with Elasticsearch's {@code [line:column]
   *     Duplicate field 'name'} message
   */
  public static SettingsReport validate(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode body;
    try {
      body = Json.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String original = e.getOriginalMessage();
      if (original != null && original.startsWith("Duplicate field ") && e.getLocation() != null) {
        // readable JSON that Elasticsearch's strict parser rejects with HTTP 400, same wording
        String message =
            "[" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + "] " + original;
        return new SettingsReport(List.of(bodyProblem(Json.pathOf(e), message)));
      }
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
   * <p>Problems come in Elasticsearch's order: first the key and value checks of {@code transient},
   * then those of {@code persistent}, then the checks between keys (mode, enabled, required
   * {@code seeds}) of {@code transient}, then those of {@code persistent}. Elasticsearch reports
   * the first stage that fails, so the first problem here is the one it gives (within one stage
   * it iterates keys in hash order; this validator uses key order).
   *
   * @param body the body, an object with {@code persistent} and/or {@code transient}; other
   *     top-level fields are ignored, as Elasticsearch ignores them
   * @return the report
   */
  public static SettingsReport validate(JsonNode body) {
    Objects.requireNonNull(body, "body");
    List<SettingsProblem> out = new ArrayList<>();
    if (!body.isObject()) {
      out.add(bodyProblem("", "request body must be an object but is " + Json.typeName(body)));
      return new SettingsReport(out);
    }
    List<ScopeCheck> checks = new ArrayList<>();
    boolean any = false;
    for (SettingsScope scope : List.of(SettingsScope.TRANSIENT, SettingsScope.PERSISTENT)) {
      JsonNode node = body.get(scope.id());
      if (node == null) {
        continue;
      }
      if (node.isNull()) {
        out.add(bodyProblem(scope.id(), "Failed to load settings from [null]"));
        continue;
      }
      if (!node.isObject()) {
        out.add(
            bodyProblem(
                scope.id(), "[" + scope.id() + "] must be an object but is " + Json.typeName(node)));
        continue;
      }
      ScopeCheck check = new ScopeCheck(scope, out, node);
      any |= !check.flat.isEmpty();
      checks.add(check);
    }
    if (!any && out.isEmpty()) {
      out.add(bodyProblem("", "Validation Failed: 1: no settings to update;"));
      return new SettingsReport(out);
    }
    checks.forEach(ScopeCheck::keysAndValues);
    checks.forEach(ScopeCheck::dependencies);
    return new SettingsReport(out);
  }

  private static SettingsProblem bodyProblem(String key, String message) {
    return new SettingsProblem(null, key, ProblemCode.SETTINGS_BODY_INVALID, message);
  }

  /**
   * How Elasticsearch stores a scalar setting's value: a JSON list becomes its Java {@code
   * toString} ({@code ["a","b"]} is {@code [a, b]}), anything else its text.
   */
  private static String scalarText(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode element : value) {
        items.add(element.asText());
      }
      return items.toString();
    }
    return value.asText();
  }

  /** A per-alias key: {@code cluster.remote.<alias>.<suffix>[.<anything>]}. */
  private record AliasKey(String alias, String suffix, boolean exact) {

    /**
     * Matches like Elasticsearch's affix pattern {@code cluster\.remote\.([-\w]+)\.<suffix>(?:\..*)?}:
     * anything after the suffix and a dot still names the suffix's setting (it is validated as
     * that setting under its own full key, but does not configure the alias).
     */
    static AliasKey match(String key, List<String> suffixes) {
      if (!key.startsWith(PREFIX)) {
        return null;
      }
      String rest = key.substring(PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot < 0 || !SettingValues.isValidAlias(rest.substring(0, dot))) {
        return null;
      }
      String alias = rest.substring(0, dot);
      String tail = rest.substring(dot + 1);
      for (String suffix : suffixes) {
        if (tail.equals(suffix)) {
          return new AliasKey(alias, suffix, true);
        }
      }
      for (String suffix : suffixes) {
        if (tail.startsWith(suffix + ".")) {
          return new AliasKey(alias, suffix, false);
        }
      }
      return null;
    }
  }

  /** A set, parsed per-alias key. */
  private record Parsed(String key, AliasKey alias) {}

  /** The exact keys of one alias in one scope that parsed. */
  private static final class AliasState {
    final Map<String, JsonNode> values = new TreeMap<>();
    final Set<String> failed = new java.util.HashSet<>();
    List<String> seeds;
  }

  /** Checks one scope. */
  private static final class ScopeCheck {
    final SettingsScope scope;
    final List<SettingsProblem> out;
    final Map<String, JsonNode> flat = new TreeMap<>();
    final Map<String, AliasState> aliases = new TreeMap<>();
    final List<Parsed> parsed = new ArrayList<>();

    ScopeCheck(SettingsScope scope, List<SettingsProblem> out, JsonNode settings) {
      this.scope = scope;
      this.out = out;
      flatten("", settings);
    }

    /**
     * Flattens nested objects into dotted keys. When a flat and a nested spelling give the same key,
     * Elasticsearch keeps one value without complaint; here the spelling whose field name sorts last
     * wins, which is what 9.5 and 8.19 nodes keep for {@code "cluster.remote.a.seeds"} next to
     * {@code "cluster": {...}}. Empty objects give no key.
     */
    private void flatten(String prefix, JsonNode node) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        sorted.put(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        JsonNode value = e.getValue();
        if (value.isObject()) {
          flatten(key, value);
        } else if (value.isArray() && !isValueList(value)) {
          // Elasticsearch fails the whole request while loading the settings (HTTP 500)
          problem(
              key,
              ProblemCode.SETTING_INVALID_VALUE,
              "only value lists are allowed in serialized settings");
        } else {
          flat.put(key, value);
        }
      }
    }

    private static boolean isValueList(JsonNode array) {
      for (JsonNode element : array) {
        if (!element.isValueNode() || element.isNull()) {
          return false;
        }
      }
      return true;
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

    /** Elasticsearch's first stage: is each key known and dynamic, does each value parse. */
    void keysAndValues() {
      for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
        key(e.getKey(), e.getValue());
      }
    }

    void key(String key, JsonNode value) {
      if (value.isNull() && (key.endsWith("*") || key.startsWith("archived."))) {
        return; // wildcard and archived deletes are always accepted
      }
      if (key.startsWith("archived.")
          || key.startsWith("search.remote.")
          || key.equals("cluster.remote.connect")) {
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
      AliasKey secure = AliasKey.match(key, SECURE_SUFFIXES);
      if (secure != null) {
        notDynamic(key);
        return;
      }
      AliasKey ak = AliasKey.match(key, DYNAMIC_SUFFIXES);
      if (ak == null) {
        notRecognized(key);
        return;
      }
      if (value.isNull()) {
        return;
      }
      AliasState state = aliases.computeIfAbsent(ak.alias(), k -> new AliasState());
      List<String> seeds = new ArrayList<>();
      boolean ok = parse(key, ak.suffix(), value, seeds);
      if (ak.exact()) {
        state.values.put(ak.suffix(), value);
        if (!ok) {
          state.failed.add(ak.suffix());
        } else if (ak.suffix().equals("seeds")) {
          state.seeds = seeds;
        }
      }
      if (ok) {
        parsed.add(new Parsed(key, ak));
      }
    }

    boolean invalid(String key, String error) {
      if (error == null) {
        return true;
      }
      problem(key, ProblemCode.SETTING_INVALID_VALUE, error);
      return false;
    }

    /** Type-parses one value; true when it parsed. */
    boolean parse(String key, String suffix, JsonNode value, List<String> seeds) {
      if (suffix.equals("seeds")) {
        return parseSeeds(key, value, seeds);
      }
      String text = scalarText(value);
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

    /**
     * A list setting: a JSON list is taken element by element as is; a string is split at commas
     * ({@code String.split}, so trailing empty parts go) and each part trimmed, and an empty string
     * is the empty list.
     */
    boolean parseSeeds(String key, JsonNode value, List<String> seeds) {
      if (value.isArray()) {
        for (JsonNode element : value) {
          seeds.add(element.asText());
        }
      } else {
        String text = value.asText();
        if (!text.isEmpty()) {
          for (String part : text.split(",")) {
            seeds.add(part.trim());
          }
        }
      }
      for (String seed : seeds) {
        if (!invalid(key, RemoteAddress.check(seed).orElse(null))) {
          return false;
        }
      }
      return true;
    }

    /**
     * Elasticsearch's second stage, for the keys that parsed: {@code proxy} needs {@code seeds} in
     * the same scope, mode-specific keys need their mode, and {@code skip_unavailable} and {@code
     * transport.*} need the alias to be enabled.
     */
    void dependencies() {
      for (Parsed p : parsed) {
        String key = p.key();
        String alias = p.alias().alias();
        String suffix = p.alias().suffix();
        AliasState a = aliases.get(alias);
        if (a == null || a.failed.contains("mode")) {
          continue;
        }
        String modeKey = PREFIX + alias + ".mode";
        String mode =
            a.values.containsKey("mode")
                ? scalarText(a.values.get("mode")).toUpperCase(Locale.ROOT)
                : "SNIFF";
        if (suffix.equals("proxy") && !a.values.containsKey("seeds")) {
          problem(
              key,
              ProblemCode.SETTING_INVALID_VALUE,
              "missing required setting [" + PREFIX + alias + ".seeds] for setting [" + key + "]");
          continue;
        }
        String required =
            SNIFF_ONLY.contains(suffix) ? "SNIFF" : PROXY_ONLY.contains(suffix) ? "PROXY" : null;
        if (required != null && !required.equals(mode)) {
          problem(
              key,
              ProblemCode.SETTING_MODE_MISMATCH,
              "Setting \"" + key + "\" cannot be used with the configured \"" + modeKey
                  + "\" [required=" + required + ", configured=" + mode + "]");
          continue;
        }
        if (NEEDS_ENABLED.contains(suffix) && Boolean.FALSE.equals(enabled(a, mode))) {
          problem(
              key,
              ProblemCode.SETTING_REMOTE_NOT_ENABLED,
              "Cannot configure setting [" + key + "] if remote cluster is not enabled.");
        }
      }
    }

    /** Whether the alias is enabled in this scope, or null when a bad value hides it. */
    private static Boolean enabled(AliasState a, String mode) {
      if (mode.equals("SNIFF")) {
        if (a.failed.contains("seeds")) {
          return null;
        }
        return a.seeds != null && !a.seeds.isEmpty();
      }
      JsonNode address = a.values.get("proxy_address");
      if (address == null) {
        return false;
      }
      if (a.failed.contains("proxy_address")) {
        return null;
      }
      return !scalarText(address).isEmpty();
    }
  }
}
