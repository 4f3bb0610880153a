package io.github.remoteclusters.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An {@link OwnershipStore} in a JSON file: {@code {"clusters":{"<cluster>":["<alias>",...]}}}.
 *
 * <p>Every save rewrites the file through a temporary file and an atomic move, so that a crash
 * never leaves half a file. One process at a time should use a file.
 *
 * @since 0.1.0
 */
public final class JsonFileOwnershipStore implements OwnershipStore {

  private final Path file;

  /**
   * Creates a store on a file, which need not exist yet.
   *
   * @param file the file
   */
  public JsonFileOwnershipStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** {@return the file this store uses} */
  public Path file() {
    return file;
  }

  @Override
  public synchronized Set<String> owned(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return read().getOrDefault(cluster, Set.of());
  }

  @Override
  public synchronized void save(String cluster, Set<String> aliases) {
    Objects.requireNonNull(cluster, "cluster");
    Map<String, Set<String>> all = read();
    if (aliases.isEmpty()) {
      all.remove(cluster);
    } else {
      all.put(cluster, new TreeSet<>(aliases));
    }
    write(all);
  }

  private Map<String, Set<String>> read() {
    Map<String, Set<String>> all = new TreeMap<>();
    if (!Files.exists(file)) {
      return all;
    }
    try {
      JsonNode root = Json.JSON.readTree(file.toFile());
      JsonNode clusters = root == null ? null : root.get("clusters");
      if (clusters == null || !clusters.isObject()) {
        throw new IllegalStateException(
            "ownership file [" + file + "] is invalid: expected {\"clusters\":{...}}");
      }
      for (Map.Entry<String, JsonNode> e : clusters.properties()) {
        Set<String> aliases = new TreeSet<>();
        if (!e.getValue().isArray()) {
          throw new IllegalStateException(
              "ownership file [" + file + "] is invalid: clusters." + e.getKey()
                  + " must be a list of aliases");
        }
        e.getValue().forEach(a -> aliases.add(a.asText()));
        all.put(e.getKey(), aliases);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ownership file [" + file + "]: " + e.getMessage(), e);
    }
  }

  private void write(Map<String, Set<String>> all) {
    ObjectMapper m = Json.JSON;
    ObjectNode root = m.createObjectNode();
    ObjectNode clusters = root.putObject("clusters");
    all.forEach(
        (cluster, aliases) -> {
          ArrayNode list = clusters.putArray(cluster);
          aliases.forEach(list::add);
        });
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write ownership file [" + file + "]: " + e.getMessage(), e);
    }
  }

  /** {@return the store's file} */
  @Override
  public String toString() {
    return "JsonFileOwnershipStore[" + file + "]";
  }
}
