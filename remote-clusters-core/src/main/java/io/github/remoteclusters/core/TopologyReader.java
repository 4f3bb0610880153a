package io.github.remoteclusters.core;

import io.github.remoteclusters.core.internal.TopologyParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads topology files (YAML or JSON) into a {@link Topology}.
 *
 * <p>Every problem is reported with its path ({@code links[2].remote}), the value and the rule:
 * unknown keys, wrong types, bad values, duplicate keys, duplicate cluster names and links to
 * clusters that are not defined. Reading never throws for bad input; the JSON Schema of the format
 * is the resource {@link #SCHEMA_RESOURCE}.
 *
 * @since 0.1.0
 */
public final class TopologyReader {

  /** The class-path resource holding the JSON Schema of the topology file. */
  public static final String SCHEMA_RESOURCE = "/io/github/remoteclusters/core/topology.schema.json";

  /** The longest string value a topology may hold (names, aliases, addresses, URLs). */
  public static final int MAX_STRING = 255;

  private TopologyReader() {}

  /**
   * Reads a topology file.
   *
   * @param file the file, YAML or JSON
   * @return the topology, or the problems
   */
  public static TopologyReadResult read(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = TextInput.read(file);
    } catch (TextInput.UnreadableInputException e) {
      return new TopologyReadResult.Failed(
          List.of(new Problem(ProblemCode.UNREADABLE, "", e.getMessage())));
    }
    Path parent = file.toAbsolutePath().getParent();
    return parse(text, parent);
  }

  /**
   * Reads a topology from text: JSON when it starts with <code>{</code>, YAML otherwise. Relative
   * {@code caFile} paths are read from the working directory.
   *
   * @param text the file content
   * @return the topology, or the problems
   */
  public static TopologyReadResult parse(String text) {
    return parse(text, null);
  }

  /**
   * Reads a topology from text, resolving relative file paths ({@code caFile},
   * {@code remoteClusterCa}, {@code transportCa}, {@code trustRestrictions}) against a directory.
   *
   * @param text the file content
   * @param baseDirectory the directory relative file names are resolved against (the topology
   *     file's), or null for the working directory
   * @return the topology, or the problems
   */
  public static TopologyReadResult parse(String text, Path baseDirectory) {
    Objects.requireNonNull(text, "text");
    return TopologyParser.parse(text, baseDirectory);
  }
}
