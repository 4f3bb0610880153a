package io.github.remoteclusters.elasticsearch.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.elasticsearch.LinkResult.Change;
import io.github.remoteclusters.elasticsearch.internal.es.EsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The minimal {@code PUT _cluster/settings} that turns a cluster's current {@code cluster.remote.*}
 * settings into the desired ones, touching owned aliases only. Pure; not API.
 *
 * <p>For an owned, desired alias: persistent keys whose value differs are set, persistent keys
 * the plan does not want (the other mode's keys after a mode switch, a dropped option) are nulled,
 * and every transient key is nulled (a transient value would override the plan). For an owned
 * alias no longer desired: every key of both scopes is nulled, in the same request. Other aliases
 * are never touched; a desired alias that exists without being owned is a conflict.
 */
public final class SettingsDiff {

  private static final String PREFIX = EckNames.REMOTE_SETTING_PREFIX;

  private SettingsDiff() {}

  /**
   * The result.
   *
   * @param persistent the persistent part of the request (flat keys; JSON null resets)
   * @param transientSettings the transient part
   * @param changes what happens to each alias concerned
   * @param ownedAfterWrite the aliases owned once the request succeeded
   * @param ownedBeforeWrite the aliases to record as owned before sending it
   */
  public record Result(
      ObjectNode persistent,
      ObjectNode transientSettings,
      Map<String, Change> changes,
      Set<String> ownedBeforeWrite,
      Set<String> ownedAfterWrite) {

    /** {@return whether nothing needs to be written} */
    public boolean isEmpty() {
      return persistent.isEmpty() && transientSettings.isEmpty();
    }

    /** {@return the request body: {@code {"persistent":{...},"transient":{...}}}, empty parts left out} */
    public ObjectNode body() {
      ObjectNode body = EsJson.object();
      if (!persistent.isEmpty()) {
        body.set("persistent", persistent.deepCopy());
      }
      if (!transientSettings.isEmpty()) {
        body.set("transient", transientSettings.deepCopy());
      }
      return body;
    }
  }

  /**
   * Computes the difference.
   *
   * @param desired per desired alias, its keys (suffix after the alias) and non-null values
   * @param removals aliases the plan explicitly removes
   * @param owned aliases this tool owns on the cluster
   * @param persistent current persistent {@code cluster.remote.*} keys, flat
   * @param transientSettings current transient keys, flat
   * @param configured aliases {@code _remote/info} lists (including those from elasticsearch.yml)
   * @param adopt whether to take over desired aliases that exist but are not owned
   * @return the difference
   */
  public static Result compute(
      Map<String, ObjectNode> desired,
      Set<String> removals,
      Set<String> owned,
      Map<String, JsonNode> persistent,
      Map<String, JsonNode> transientSettings,
      Set<String> configured,
      boolean adopt) {
    Map<String, Map<String, JsonNode>> curP = byAlias(persistent);
    Map<String, Map<String, JsonNode>> curT = byAlias(transientSettings);
    ObjectNode outP = EsJson.object();
    ObjectNode outT = EsJson.object();
    Map<String, Change> changes = new TreeMap<>();
    Set<String> before = new TreeSet<>(owned);
    Set<String> after = new TreeSet<>();

    for (Map.Entry<String, ObjectNode> d : new TreeMap<>(desired).entrySet()) {
      String alias = d.getKey();
      Map<String, JsonNode> p = curP.getOrDefault(alias, Map.of());
      Map<String, JsonNode> t = curT.getOrDefault(alias, Map.of());
      boolean exists = !p.isEmpty() || !t.isEmpty() || configured.contains(alias);
      if (!owned.contains(alias) && exists && !adopt) {
        changes.put(alias, Change.CONFLICT);
        continue;
      }
      before.add(alias);
      after.add(alias);
      boolean changed = false;
      for (Map.Entry<String, JsonNode> want : d.getValue().properties()) {
        JsonNode have = p.get(want.getKey());
        if (have == null || !same(want.getKey(), have, want.getValue())) {
          outP.set(PREFIX + alias + "." + want.getKey(), want.getValue());
          changed = true;
        }
      }
      for (String key : p.keySet()) {
        if (!d.getValue().has(key)) {
          outP.putNull(PREFIX + alias + "." + key);
          changed = true;
        }
      }
      for (String key : t.keySet()) {
        outT.putNull(PREFIX + alias + "." + key);
        changed = true;
      }
      changes.put(alias, !changed ? Change.UNCHANGED : p.isEmpty() ? Change.ADDED : Change.UPDATED);
    }

    Set<String> gone = new TreeSet<>(owned);
    gone.removeAll(desired.keySet());
    for (String alias : gone) {
      Map<String, JsonNode> p = curP.getOrDefault(alias, Map.of());
      Map<String, JsonNode> t = curT.getOrDefault(alias, Map.of());
      if (p.isEmpty() && t.isEmpty()) {
        changes.put(alias, Change.FORGOTTEN);
        continue;
      }
      p.keySet().forEach(k -> outP.putNull(PREFIX + alias + "." + k));
      t.keySet().forEach(k -> outT.putNull(PREFIX + alias + "." + k));
      changes.put(alias, Change.REMOVED);
    }
    for (String alias : removals) {
      if (!owned.contains(alias) && !desired.containsKey(alias)) {
        boolean exists = curP.containsKey(alias) || curT.containsKey(alias)
            || configured.contains(alias);
        changes.put(alias, exists ? Change.NOT_OWNED : Change.UNCHANGED);
      }
    }
    return new Result(outP, outT, changes, before, after);
  }

  /** Groups flat {@code cluster.remote.<alias>.<key>} entries by alias; node-level keys are left out. */
  static Map<String, Map<String, JsonNode>> byAlias(Map<String, JsonNode> flat) {
    Map<String, Map<String, JsonNode>> out = new TreeMap<>();
    flat.forEach(
        (k, v) -> {
          if (!k.startsWith(PREFIX) || v == null || v.isNull()) {
            return;
          }
          String rest = k.substring(PREFIX.length());
          int dot = rest.indexOf('.');
          if (dot <= 0 || dot == rest.length() - 1) {
            return;
          }
          out.computeIfAbsent(rest.substring(0, dot), a -> new TreeMap<>())
              .put(rest.substring(dot + 1), v);
        });
    return out;
  }

  /**
   * Whether a current value equals a desired one as Elasticsearch stores them: the settings API
   * returns numbers and booleans as strings, and a list may have been given as one comma-separated
   * string.
   */
  static boolean same(String key, JsonNode have, JsonNode want) {
    return normalize(key, have).equals(normalize(key, want));
  }

  private static Object normalize(String key, JsonNode v) {
    if (v.isArray()) {
      List<String> out = new ArrayList<>();
      v.forEach(e -> out.add(e.asText().trim()));
      return out;
    }
    if ("seeds".equals(key)) {
      List<String> out = new ArrayList<>();
      for (String s : v.asText().split(",", -1)) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }
    return Objects.toString(v.asText());
  }
}
