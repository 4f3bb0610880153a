package io.github.remoteclusters.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What it takes to launch a node of one Elasticsearch version: the node jar (embedded in this jar,
 * one per Elasticsearch minor line), its main class, the least Java version, and its class path.
 *
 * <p>Each embedded node jar carries {@code META-INF/remote-clusters-testkit/node.properties} and
 * {@code node.classpath}; the latter lists the Elasticsearch jars relative to the local Maven
 * repository ({@code @REPO@/org/elasticsearch/...}), which is where the node module's build left
 * them. Nothing of Elasticsearch is ever on the test's own class path.
 *
 * @param esVersion the Elasticsearch version
 * @param javaMinimum the least Java feature version the node needs
 * @param mainClass the node's main class
 * @param classpath the node jar, then the Elasticsearch jars
 */
public record NodeDistribution(
    String esVersion, int javaMinimum, String mainClass, List<Path> classpath) {

  /** The Elasticsearch minor lines with an embedded node jar; one module each. */
  static final List<String> LINES = List.of("9.5", "8.19");

  private static final String META = "META-INF/remote-clusters-testkit/";
  private static final String REPO_TOKEN = "@REPO@";

  private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

  /** Copies the class path. */
  public NodeDistribution {
    classpath = List.copyOf(classpath);
  }

  /**
   * The versions a node can be started for, newest line first.
   *
   * @return versions such as {@code 9.5.3}
   */
  public static List<String> supportedVersions() {
    List<String> versions = new ArrayList<>();
    for (String line : LINES) {
      try (InputStream in = nodeJar(line)) {
        if (in != null) {
          versions.add(readNodeProperties(in).getProperty("es.version"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(versions);
  }

  /**
   * The distribution for an exact Elasticsearch version.
   *
   * @param esVersion the version, such as {@code 9.5.3}
   * @param config where to extract the node jar and where the Maven repository is
   * @return the distribution, or empty when no node jar has that version
   * @throws IOException when the node jar cannot be extracted
   * @throws IllegalStateException when Elasticsearch jars are missing from the Maven repository
   */
  public static Optional<NodeDistribution> forVersion(String esVersion, KitConfig config)
      throws IOException {
    String line = minorLine(esVersion);
    if (!LINES.contains(line)) {
      return Optional.empty();
    }
    Path jar = extract(line, config.workDir().resolve("node-jars"));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Properties props = new Properties();
      try (InputStream in = zip.getInputStream(entry(zip, "node.properties"))) {
        props.load(in);
      }
      if (!esVersion.equals(props.getProperty("es.version"))) {
        return Optional.empty();
      }
      String classpath;
      try (InputStream in = zip.getInputStream(entry(zip, "node.classpath"))) {
        classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      List<Path> entries = new ArrayList<>();
      entries.add(jar);
      entries.addAll(resolve(classpath, config.mavenRepository(), esVersion));
      return Optional.of(
          new NodeDistribution(
              esVersion,
              Integer.parseInt(props.getProperty("java.minimum")),
              props.getProperty("main"),
              entries));
    }
  }

  private static List<Path> resolve(String classpath, Path repo, String esVersion) {
    List<Path> jars = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String entry : classpath.split(",")) {
      Path jar = Path.of(entry.trim().replace(REPO_TOKEN, repo.toString()));
      jars.add(jar);
      if (!Files.isRegularFile(jar)) {
        missing.add(entry.trim().replace(REPO_TOKEN + "/", ""));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          missing.size()
              + " jar(s) of Elasticsearch "
              + esVersion
              + " are not in the Maven repository "
              + repo
              + " (set -D"
              + KitConfig.MAVEN_REPOSITORY
              + " if it is elsewhere), for example "
              + missing.subList(0, Math.min(3, missing.size()))
              + ". Building remote-clusters-testkit fetches them; or run: mvn dependency:get"
              + " -Dartifact=org.elasticsearch:elasticsearch:"
              + esVersion
              + " && mvn dependency:get -Dartifact=org.elasticsearch.plugin:transport-netty4:"
              + esVersion);
    }
    return jars;
  }

  private static ZipEntry entry(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(META + name);
    if (e == null) {
      throw new IOException("node jar " + zip.getName() + " has no " + META + name);
    }
    return e;
  }

  /** {@code 9.5} for {@code 9.5.3}; the text itself when it has no second dot. */
  static String minorLine(String version) {
    int first = version.indexOf('.');
    int second = first < 0 ? -1 : version.indexOf('.', first + 1);
    return second < 0 ? version : version.substring(0, second);
  }

  private static InputStream nodeJar(String line) {
    return NodeDistribution.class.getResourceAsStream(jarName(line));
  }

  private static String jarName(String line) {
    return "nodes/remote-clusters-testkit-node-es-" + line + ".jar";
  }

  /** Extracts the embedded node jar once per JVM, atomically (other JVMs may share the folder). */
  private static Path extract(String line, Path dir) throws IOException {
    Path known = EXTRACTED.get(line);
    if (known != null && Files.isRegularFile(known)) {
      return known;
    }
    Files.createDirectories(dir);
    Path target = dir.resolve("remote-clusters-testkit-node-es-" + line + ".jar");
    Path tmp = Files.createTempFile(dir, "node-", ".jar.tmp");
    try (InputStream in = nodeJar(line)) {
      if (in == null) {
        throw new IOException(
            "resource "
                + jarName(line)
                + " is missing from remote-clusters-testkit: the node jars are embedded when"
                + " the kit is packaged, so run real-node tests as *IT (Failsafe, mvn verify),"
                + " not as *Test (Surefire, mvn test)");
      }
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    EXTRACTED.put(line, target);
    return target;
  }

  private static Properties readNodeProperties(InputStream nodeJar) throws IOException {
    Properties props = new Properties();
    try (ZipInputStream zip = new ZipInputStream(nodeJar)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(META + "node.properties")) {
          props.load(zip); // reads to the end of this entry only
          break;
        }
      }
    }
    return props;
  }
}
