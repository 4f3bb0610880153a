package io.github.remoteclusters.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.internal.es.EsJson;
import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * An {@link OwnershipStore} in a JSON file that records, per cluster, which topology owns each
 * alias: {@code {"version":2,"clusters":{"<cluster>":{"<alias>":"<topology>",...}}}}.
 *
 * <p><b>Topologies.</b> A store made for a topology ({@link #JsonFileOwnershipStore(Path,
 * String)}) sees and replaces only that topology's aliases: several topologies may share one file
 * and none removes another's aliases. Aliases recorded without a topology (files of version 1,
 * {@code {"clusters":{"<cluster>":["<alias>",...]}}}, which are still read) belong to whichever
 * topology saves them next. A store made without a topology sees and replaces every alias.
 *
 * <p><b>Concurrent runs.</b> Every read and every read-modify-write holds an exclusive lock: a
 * lock within this JVM, then an operating-system lock ({@link FileChannel#lock()}) on the sidecar
 * file {@code <file>.lock}, so that threads and processes sharing a file lose no record. A run
 * that cannot get the lock within the lock timeout (default 10 s) fails with a message naming the
 * file. The lock file may stay behind: it is never the lock itself, and the operating system
 * releases the lock when the process holding it ends, crash included, so a stale lock cannot
 * exist.
 *
 * <p><b>Safe writes.</b> A save writes a temporary file beside the target and moves it over the
 * target atomically; a failed write deletes the temporary file. Reading is strict: any value of
 * the wrong type is an error naming its JSON path, never coerced or dropped.
 *
 * @since 0.1.0
 */
public final class JsonFileOwnershipStore implements OwnershipStore {

  /** The lock timeout when none is given. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** The owner recorded for aliases saved without a topology, and for version-1 files. */
  private static final String ANY = "";

  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final String topology;
  private final Duration lockTimeout;

  /**
   * Creates a store on a file, which need not exist yet, for every topology.
   *
   * @param file the file
   */
  public JsonFileOwnershipStore(Path file) {
    this(file, null, DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * Creates a store on a file, which need not exist yet, that sees and changes only the aliases of
   * one topology.
   *
   * @param file the file
   * @param topology what identifies the topology, such as its file's absolute path; not empty
   */
  public JsonFileOwnershipStore(Path file, String topology) {
    this(file, Objects.requireNonNull(topology, "topology"), DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * Creates a store with every setting.
   *
   * @param file the file
   * @param topology what identifies the topology, or null for every topology
   * @param lockTimeout how long to wait for another run's lock
   */
  public JsonFileOwnershipStore(Path file, String topology, Duration lockTimeout) {
    this.file = Objects.requireNonNull(file, "file");
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (topology != null && topology.isEmpty()) {
      throw new IllegalArgumentException("topology must not be empty");
    }
    this.topology = topology;
  }

  /** {@return the file this store uses} */
  public Path file() {
    return file;
  }

  /** {@return the topology whose aliases this store sees, or empty for every topology} */
  public Optional<String> topology() {
    return Optional.ofNullable(topology);
  }

  /** {@return the sidecar file the operating-system lock is taken on} */
  public Path lockFile() {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  @Override
  public Set<String> owned(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (!Files.exists(file)) {
      return Set.of(); // nothing to lock for: a read creates no lock file
    }
    return locked(all -> {
      Set<String> out = new TreeSet<>();
      all.getOrDefault(cluster, Map.of()).forEach((alias, owner) -> {
        if (mine(owner)) {
          out.add(alias);
        }
      });
      return Set.copyOf(out);
    });
  }

  /**
   * Every alias of a cluster with the topology that owns it ({@code ""} when none is recorded).
   *
   * @param cluster the cluster name
   * @return owner by alias
   */
  public Map<String, String> owners(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (!Files.exists(file)) {
      return Map.of();
    }
    return locked(all -> Map.copyOf(all.getOrDefault(cluster, Map.of())));
  }

  @Override
  public void save(String cluster, Set<String> aliases) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(aliases, "aliases");
    Set<String> wanted = new TreeSet<>(aliases);
    locked(all -> {
      Map<String, String> before = all.getOrDefault(cluster, Map.of());
      Map<String, String> after = new TreeMap<>();
      before.forEach((alias, owner) -> {
        if (!mine(owner)) {
          after.put(alias, owner); // another topology's: never removed, never taken over
        }
      });
      for (String alias : wanted) {
        if (!after.containsKey(alias)) {
          after.put(alias, topology == null ? before.getOrDefault(alias, ANY) : topology);
        }
      }
      if (after.equals(before)) {
        return null;
      }
      if (after.isEmpty()) {
        all.remove(cluster);
      } else {
        all.put(cluster, after);
      }
      write(all);
      return null;
    });
  }

  private boolean mine(String owner) {
    return topology == null || owner.equals(ANY) || owner.equals(topology);
  }

  /** Runs an action on the file's content under both locks. */
  private <T> T locked(Function<Map<String, Map<String, String>>, T> action) {
    Path key = file.toAbsolutePath().normalize();
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    try {
      if (!jvm.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw lockedByAnother();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OwnershipException(OwnershipException.Reason.LOCKED,
          "interrupted while waiting for the lock of ownership file [" + file + "]", e);
    }
    try {
      Path lock = lockFile();
      Files.createDirectories(key.getParent());
      try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = tryLock(channel);
        while (held == null) {
          if (System.nanoTime() >= deadline) {
            throw lockedByAnother();
          }
          Thread.sleep(20);
          held = tryLock(channel);
        }
        try {
          return action.apply(read());
        } finally {
          held.release();
        }
      }
    } catch (IOException e) {
      throw new OwnershipException(OwnershipException.Reason.IO,
          "cannot lock ownership file [" + file + "] with [" + lockFile() + "]: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OwnershipException(OwnershipException.Reason.LOCKED,
          "interrupted while waiting for the lock of ownership file [" + file + "]", e);
    } finally {
      jvm.unlock();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by other code of this JVM outside this class: wait as for a process
    }
  }

  private OwnershipException lockedByAnother() {
    return new OwnershipException(OwnershipException.Reason.LOCKED, "ownership file [" + file + "] is locked by another run"
        + " (lock [" + lockFile() + "] held for more than " + lockTimeout.toSeconds() + " s):"
        + " wait for that run to finish, then try again; the lock ends with the process holding"
        + " it, so a lock file left by a crashed run never blocks", null);
  }

  private Map<String, Map<String, String>> read() {
    Map<String, Map<String, String>> all = new TreeMap<>();
    if (!Files.exists(file)) {
      return all;
    }
    JsonNode root;
    try {
      root = EsJson.JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw invalid(EsJson.pathOf(e), "not JSON (" + EsJson.describe(e) + ")");
    } catch (IOException e) {
      throw new OwnershipException(OwnershipException.Reason.IO,
          "cannot read ownership file [" + file + "]: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw invalid("", "expected an object {\"clusters\":{...}}");
    }
    JsonNode version = root.get("version");
    if (version != null && !(version.isInt() && (version.intValue() == 1 || version.intValue() == 2))) {
      throw invalid("version", "expected 1 or 2 but found " + describe(version));
    }
    var names = root.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!n.equals("version") && !n.equals("clusters")) {
        throw invalid(n, "unknown key; allowed: [clusters, version]");
      }
    }
    JsonNode clusters = root.get("clusters");
    if (clusters == null || !clusters.isObject()) {
      throw invalid("clusters", "expected an object {\"<cluster>\":{...}} but found " + describe(clusters));
    }
    for (Map.Entry<String, JsonNode> e : clusters.properties()) {
      String path = "clusters." + e.getKey();
      Map<String, String> aliases = new TreeMap<>();
      JsonNode v = e.getValue();
      if (v.isArray()) { // version 1: owner not recorded
        for (int i = 0; i < v.size(); i++) {
          aliases.put(alias(v.get(i), path + "[" + i + "]"), ANY);
        }
      } else if (v.isObject()) {
        for (Map.Entry<String, JsonNode> a : v.properties()) {
          String at = path + "." + a.getKey();
          alias(EsJson.JSON.getNodeFactory().textNode(a.getKey()), at);
          if (!a.getValue().isTextual()) {
            throw invalid(at, "expected the owning topology (a string) but found " + describe(a.getValue()));
          }
          aliases.put(a.getKey(), a.getValue().asText());
        }
      } else {
        throw invalid(path, "expected {\"<alias>\":\"<topology>\",...} or a list of aliases but found "
            + describe(v));
      }
      all.put(e.getKey(), aliases);
    }
    return all;
  }

  private String alias(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw invalid(path, "expected an alias (a string) but found " + describe(node));
    }
    String error = RemoteClusterSettingsValidator.aliasError(node.asText()).orElse(null);
    if (error != null) {
      throw invalid(path, error);
    }
    return node.asText();
  }

  private static String describe(JsonNode n) {
    return n == null || n.isMissingNode() ? "nothing" : EsJson.typeName(n) + " " + n;
  }

  private OwnershipException invalid(String path, String reason) {
    return new OwnershipException(OwnershipException.Reason.INVALID, "ownership file [" + file
        + "] is invalid" + (path.isEmpty() ? "" : " at " + path) + ": " + reason, null);
  }

  private void write(Map<String, Map<String, String>> all) {
    ObjectNode root = EsJson.JSON.createObjectNode();
    root.put("version", 2);
    ObjectNode clusters = root.putObject("clusters");
    all.forEach((cluster, aliases) -> {
      ObjectNode c = clusters.putObject(cluster);
      aliases.forEach(c::put);
    });
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, EsJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new OwnershipException(OwnershipException.Reason.IO,
          "cannot write ownership file [" + file + "]: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write failed already; that is what is reported
        }
      }
    }
  }

  /** {@return the store's file and topology} */
  @Override
  public String toString() {
    return "JsonFileOwnershipStore[" + file + (topology == null ? "" : ", topology=" + topology) + "]";
  }
}
