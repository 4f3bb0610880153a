package io.github.remoteclusters.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to start: a single-node Elasticsearch cluster of a given name and version, with extra node
 * settings.
 *
 * <p>The kit always binds the node to {@code 127.0.0.1} on ephemeral HTTP and transport ports and
 * runs it as a single-node cluster named {@link #name()}; {@link #settings()} are added to (and may
 * override) that.
 *
 * @param name the cluster name, also the node's directory name: lower-case letters, digits, {@code
 *     _} and {@code -}, starting with a letter or digit
 * @param version the Elasticsearch version, one of {@link TestClusters#supportedVersions()}
 * @param settings extra node settings such as {@code cluster.remote.connect=true}; copied
 * @since 0.1.0
 */
public record ClusterSpec(String name, String version, Map<String, String> settings) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /**
   * Checks the name and copies the settings.
   *
   * @since 0.1.0
   */
  public ClusterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(settings, "settings");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "cluster name ["
              + name
              + "] is invalid: use 1 to 64 lower-case letters, digits, '_' and '-',"
              + " starting with a letter or digit");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("version of cluster [" + name + "] is blank");
    }
    settings.forEach(
        (k, v) -> {
          Objects.requireNonNull(v, () -> "value of setting [" + k + "]");
          if (k.isBlank() || k.contains("=")) {
            throw new IllegalArgumentException("setting name [" + k + "] is invalid");
          }
        });
    settings = Map.copyOf(settings);
  }

  /**
   * A cluster with no extra settings.
   *
   * @param name the cluster name
   * @param version the Elasticsearch version, such as {@code 9.5.3}
   * @return the spec
   * @since 0.1.0
   */
  public static ClusterSpec of(String name, String version) {
    return new ClusterSpec(name, version, Map.of());
  }

  /**
   * This spec with one more node setting (or a new value for it).
   *
   * @param key the setting name, such as {@code node.attr.zone}
   * @param value its value
   * @return a new spec
   * @since 0.1.0
   */
  public ClusterSpec withSetting(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new ClusterSpec(name, version, copy);
  }
}
