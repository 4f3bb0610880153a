package io.github.remoteclusters.elasticsearch.spi;

import io.github.remoteclusters.core.plan.LinkFootprint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.elasticsearch.internal.es.EsJson;
import io.github.remoteclusters.core.SecurityModel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * An {@link OwnershipStore} in a JSON file that records, per cluster, the footprint of every
 * owned link and the topology that owns it (version 3):
 * {@code {"version":3,"id":"<store id>","clusters":{"<cluster>":{"<alias>":{"topology":"...",
 * "remote":"b","security":"api-key","keyName":"...","keyId":"...","localRole":"...",
 * "credentials":"cluster.remote.<alias>.credentials","material":[...]}}}}}.
 *
 * <p><b>Versions.</b> Files of version 2 ({@code {"<alias>":"<topology>"}}) are read without
 * losing a record: their links' footprints know only the alias, and the next save writes version
 * 3. Files of version 1 ({@code {"clusters":{"<cluster>":["<alias>",...]}}}) recorded neither
 * owner nor footprint, so they prove nothing: their aliases are kept in the file but are not
 * {@linkplain #owned owned} (never changed or removed) until a run adopts them. A version newer
 * than {@link #VERSION} is refused, and the file left untouched.
 *
 * <p><b>Topologies.</b> A store made for a topology ({@link #JsonFileOwnershipStore(Path,
 * String)}) sees and replaces only that topology's aliases: several topologies may share one file
 * and none removes another's aliases. Aliases recorded without a topology belong to whichever
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

  /** The version this class writes; it reads 1 to this one and refuses newer ones. */
  public static final int VERSION = 3;

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
    return footprints(cluster).keySet();
  }

  @Override
  public Map<String, LinkFootprint> footprints(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (!Files.exists(file)) {
      return Map.of(); // nothing to lock for: a read creates no lock file
    }
    return locked(content -> {
      Map<String, LinkFootprint> out = new TreeMap<>();
      content.clusters.getOrDefault(cluster, Map.of()).forEach((alias, f) -> {
        if (mine(f)) {
          out.put(alias, f);
        }
      });
      return Map.copyOf(out);
    });
  }

  /**
   * Every alias of a cluster with the topology that owns it ({@code ""} when none is recorded),
   * those of other topologies and unproven ones included.
   *
   * @param cluster the cluster name
   * @return owner by alias
   */
  public Map<String, String> owners(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (!Files.exists(file)) {
      return Map.of();
    }
    return locked(content -> {
      Map<String, String> out = new TreeMap<>();
      content.clusters.getOrDefault(cluster, Map.of()).forEach((a, f) -> out.put(a, f.topology()));
      return Map.copyOf(out);
    });
  }

  /**
   * The aliases of a cluster recorded by a version-1 file: recorded, but not proven to be this
   * tool's, so never changed or removed until adopted.
   *
   * @param cluster the cluster name
   * @return the aliases
   */
  public Set<String> unproven(String cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (!Files.exists(file)) {
      return Set.of();
    }
    return locked(content -> {
      Set<String> out = new TreeSet<>();
      content.clusters.getOrDefault(cluster, Map.of()).forEach((a, f) -> {
        if (!f.proven()) {
          out.add(a);
        }
      });
      return Set.copyOf(out);
    });
  }

  @Override
  public void save(String cluster, Set<String> aliases) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(aliases, "aliases");
    Set<String> wanted = new TreeSet<>(aliases);
    locked(content -> {
      Map<String, LinkFootprint> before = content.clusters.getOrDefault(cluster, Map.of());
      Map<String, LinkFootprint> after = new TreeMap<>();
      before.forEach((alias, f) -> {
        if (!mine(f) && (f.proven() || !wanted.contains(alias))) {
          after.put(alias, f); // another topology's, or unproven: never removed, never taken over
        }
      });
      for (String alias : wanted) {
        if (!after.containsKey(alias)) {
          LinkFootprint old = before.get(alias);
          LinkFootprint f = old != null && old.proven() ? old
              : LinkFootprint.aliasOnly(cluster, alias, "", true); // new, or adopted from version 1
          after.put(alias, topology == null ? f : f.withTopology(topology));
        }
      }
      replace(content, cluster, before, after);
      return null;
    });
  }

  @Override
  public void record(LinkFootprint footprint) {
    Objects.requireNonNull(footprint, "footprint");
    locked(content -> {
      String cluster = footprint.local();
      Map<String, LinkFootprint> before = content.clusters.getOrDefault(cluster, Map.of());
      LinkFootprint old = before.get(footprint.alias());
      if (old != null && old.proven() && !mine(old)) {
        throw new OwnershipException(OwnershipException.Reason.INVALID, "alias ["
            + footprint.alias() + "] of cluster [" + cluster + "] is owned by topology ["
            + old.topology() + "] in ownership file [" + file + "]", null);
      }
      Map<String, LinkFootprint> after = new TreeMap<>(before);
      LinkFootprint f = topology == null
          ? footprint.withTopology(old == null ? footprint.topology() : old.topology())
          : footprint.withTopology(topology);
      after.put(footprint.alias(), f);
      replace(content, cluster, before, after);
      return null;
    });
  }

  @Override
  public void forget(String cluster, String alias) {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(alias, "alias");
    if (!Files.exists(file)) {
      return;
    }
    locked(content -> {
      Map<String, LinkFootprint> before = content.clusters.getOrDefault(cluster, Map.of());
      LinkFootprint old = before.get(alias);
      if (old == null || !mine(old)) {
        return null;
      }
      Map<String, LinkFootprint> after = new TreeMap<>(before);
      after.remove(alias);
      replace(content, cluster, before, after);
      return null;
    });
  }

  /**
   * The id kept in the file, made and written on first use; with the topology it identifies
   * this store's owner on the clusters.
   */
  @Override
  public String ownerId() {
    String id = locked(content -> {
      if (content.id == null) {
        content.id = UUID.randomUUID().toString();
        write(content);
      }
      return content.id;
    });
    return topology == null ? id : id + "/" + topology;
  }

  private void replace(Content content, String cluster, Map<String, LinkFootprint> before,
      Map<String, LinkFootprint> after) {
    if (after.equals(before) && content.version == VERSION) {
      return;
    }
    if (after.isEmpty()) {
      content.clusters.remove(cluster);
    } else {
      content.clusters.put(cluster, after);
    }
    write(content);
  }

  private boolean mine(LinkFootprint f) {
    return f.proven() && (topology == null || f.topology().equals(ANY) || f.topology().equals(topology));
  }

  /** The file's content: its version as read, its id, and the footprints by cluster and alias. */
  private static final class Content {
    int version = VERSION;
    String id;
    final Map<String, Map<String, LinkFootprint>> clusters = new TreeMap<>();
  }

  /** Runs an action on the file's content under both locks. */
  private <T> T locked(Function<Content, T> action) {
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

  private Content read() {
    Content content = new Content();
    if (!Files.exists(file)) {
      return content;
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
      throw invalid("", "expected an object {\"version\":" + VERSION + ",\"clusters\":{...}}");
    }
    JsonNode version = root.get("version");
    if (version != null && !version.isInt()) {
      throw invalid("version", "expected a whole number (1 to " + VERSION + ") but found " + describe(version));
    }
    int v = version == null ? 1 : version.intValue();
    if (v > VERSION) {
      throw invalid("version", "version " + v + " is newer than this remote-clusters reads (1 to "
          + VERSION + "): use the version of remote-clusters that wrote it, or a newer one; the"
          + " file is left untouched");
    }
    if (v < 1) {
      throw invalid("version", "expected 1 to " + VERSION + " but found " + v);
    }
    content.version = v;
    var names = root.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!n.equals("version") && !n.equals("clusters") && !(v >= 3 && n.equals("id"))) {
        throw invalid(n, "unknown key; allowed: " + (v >= 3 ? "[clusters, id, version]" : "[clusters, version]"));
      }
    }
    JsonNode id = root.get("id");
    if (id != null) {
      if (!id.isTextual() || id.asText().isBlank()) {
        throw invalid("id", "expected the store's id (a string) but found " + describe(id));
      }
      content.id = id.asText();
    }
    JsonNode clusters = root.get("clusters");
    if (clusters == null || !clusters.isObject()) {
      throw invalid("clusters", "expected an object {\"<cluster>\":{...}} but found " + describe(clusters));
    }
    for (Map.Entry<String, JsonNode> e : clusters.properties()) {
      String cluster = e.getKey();
      String path = "clusters." + cluster;
      Map<String, LinkFootprint> aliases = new TreeMap<>();
      JsonNode val = e.getValue();
      if (val.isArray() && v == 1) { // version 1: neither owner nor footprint; proves nothing
        for (int i = 0; i < val.size(); i++) {
          String alias = alias(val.get(i), path + "[" + i + "]");
          aliases.put(alias, LinkFootprint.aliasOnly(cluster, alias, ANY, false));
        }
      } else if (val.isObject() && v >= 2) {
        for (Map.Entry<String, JsonNode> a : val.properties()) {
          String at = path + "." + a.getKey();
          alias(EsJson.JSON.getNodeFactory().textNode(a.getKey()), at);
          aliases.put(a.getKey(), v == 2
              ? LinkFootprint.aliasOnly(cluster, a.getKey(), text(a.getValue(), at, "the owning topology"), true)
              : footprint(cluster, a.getKey(), a.getValue(), at));
        }
      } else {
        throw invalid(path, (v == 1 ? "expected a list of aliases" : v == 2
            ? "expected {\"<alias>\":\"<topology>\",...}"
            : "expected {\"<alias>\":{\"topology\":...},...}") + " (version " + v + ") but found "
            + describe(val));
      }
      content.clusters.put(cluster, aliases);
    }
    return content;
  }

  private static final List<String> FOOTPRINT_KEYS = List.of("topology", "remote", "security",
      "keyName", "keyId", "localRole", "credentials", "material", "proven");

  private LinkFootprint footprint(String cluster, String alias, JsonNode n, String at) {
    if (!n.isObject()) {
      throw invalid(at, "expected the link's footprint (an object) but found " + describe(n));
    }
    var names = n.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!FOOTPRINT_KEYS.contains(k)) {
        throw invalid(at + "." + k, "unknown key; allowed: " + FOOTPRINT_KEYS);
      }
    }
    String security = optionalText(n, at, "security");
    SecurityModel model = null;
    if (security != null) {
      model = SecurityModel.fromId(security).orElseThrow(() -> invalid(at + ".security",
          "expected api-key, certificate or none but found \"" + security + "\""));
    }
    List<String> material = new ArrayList<>();
    JsonNode m = n.get("material");
    if (m != null) {
      if (!m.isArray()) {
        throw invalid(at + ".material", "expected a list of strings but found " + describe(m));
      }
      for (int i = 0; i < m.size(); i++) {
        material.add(text(m.get(i), at + ".material[" + i + "]", "a string"));
      }
    }
    JsonNode proven = n.get("proven");
    if (proven != null && !proven.isBoolean()) {
      throw invalid(at + ".proven", "expected true or false but found " + describe(proven));
    }
    return new LinkFootprint(cluster, alias, text(n.get("topology"), at + ".topology", "the owning topology"),
        optionalText(n, at, "remote"), model, optionalText(n, at, "keyName"),
        optionalText(n, at, "keyId"), optionalText(n, at, "localRole"),
        optionalText(n, at, "credentials"), material, proven == null || proven.booleanValue());
  }

  private String optionalText(JsonNode n, String at, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : text(v, at + "." + key, "a string");
  }

  private String text(JsonNode n, String at, String what) {
    if (n == null || !n.isTextual()) {
      throw invalid(at, "expected " + what + " (a string) but found " + describe(n));
    }
    return n.asText();
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

  private static void putIfSet(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private OwnershipException invalid(String path, String reason) {
    return new OwnershipException(OwnershipException.Reason.INVALID, "ownership file [" + file
        + "] is invalid" + (path.isEmpty() ? "" : " at " + path) + ": " + reason, null);
  }

  private void write(Content content) {
    ObjectNode root = EsJson.JSON.createObjectNode();
    root.put("version", VERSION);
    if (content.id != null) {
      root.put("id", content.id);
    }
    ObjectNode clusters = root.putObject("clusters");
    content.clusters.forEach((cluster, aliases) -> {
      ObjectNode c = clusters.putObject(cluster);
      aliases.forEach((alias, f) -> {
        ObjectNode n = c.putObject(alias);
        n.put("topology", f.topology());
        putIfSet(n, "remote", f.remote());
        putIfSet(n, "security", f.security() == null ? null : f.security().id());
        putIfSet(n, "keyName", f.keyName());
        putIfSet(n, "keyId", f.keyId());
        putIfSet(n, "localRole", f.localRole());
        putIfSet(n, "credentials", f.credentialsSetting());
        if (!f.material().isEmpty()) {
          f.material().forEach(n.putArray("material")::add);
        }
        if (!f.proven()) {
          n.put("proven", false);
        }
      });
    });
    content.version = VERSION;
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
