package io.github.remoteclusters.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version to run a node: first the places a user names
 * ({@code -Dremoteclusters.testkit.javaHome}, {@code ES_JAVA_HOME}, {@code JAVA_HOME}, the running
 * JVM), then the newest JDK in the usual folders ({@code /usr/lib/jvm}, macOS's {@code
 * /Library/Java/JavaVirtualMachines}, SDKMAN, IntelliJ's {@code ~/.jdks}, {@code C:\Program
 * Files\Java} and others).
 */
public final class JdkLocator {

  /** A place that may hold a JDK, and how it was found (for the error message). */
  record Candidate(String origin, Path home) {}

  private final List<Candidate> named;
  private final List<Path> folders;

  JdkLocator(List<Candidate> named, List<Path> folders) {
    this.named = List.copyOf(named);
    this.folders = List.copyOf(folders);
  }

  /**
   * The locator for this JVM: its system properties and environment.
   *
   * @return the locator
   */
  public static JdkLocator forThisJvm() {
    Map<String, String> env = System.getenv();
    List<Candidate> named = new ArrayList<>();
    addIfSet(named, "-D" + KitConfig.JAVA_HOME, System.getProperty(KitConfig.JAVA_HOME));
    addIfSet(named, "ES_JAVA_HOME", env.get("ES_JAVA_HOME"));
    addIfSet(named, "JAVA_HOME", env.get("JAVA_HOME"));
    addIfSet(named, "java.home", System.getProperty("java.home"));
    Path userHome = Path.of(System.getProperty("user.home"));
    List<Path> folders =
        List.of(
            Path.of("/usr/lib/jvm"),
            Path.of("/usr/java"),
            Path.of("/opt/java"),
            Path.of("/opt/jdk"),
            Path.of("/Library/Java/JavaVirtualMachines"),
            userHome.resolve(".sdkman/candidates/java"),
            userHome.resolve(".jdks"),
            userHome.resolve(".gradle/jdks"),
            Path.of("C:\\Program Files\\Java"),
            Path.of("C:\\Program Files\\Eclipse Adoptium"));
    return new JdkLocator(named, folders);
  }

  private static void addIfSet(List<Candidate> list, String origin, String value) {
    if (value != null && !value.isBlank()) {
      list.add(new Candidate(origin, Path.of(value.trim())));
    }
  }

  /**
   * The {@code java} launcher of a JDK whose feature version is at least {@code minimum}.
   *
   * @param minimum the least feature version, such as 21
   * @param purpose what the JDK is for, for the error message
   * @return the path of {@code bin/java}
   * @throws IllegalStateException naming every place looked at, when none qualifies
   */
  public Path find(int minimum, String purpose) {
    List<String> seen = new ArrayList<>();
    for (Candidate c : named) {
      OptionalInt feature = featureVersion(c.home());
      seen.add(c.origin() + "=" + c.home() + " (" + describe(feature) + ")");
      Optional<Path> java = javaLauncher(c.home());
      if (feature.isPresent() && feature.getAsInt() >= minimum && java.isPresent()) {
        return java.get();
      }
    }
    Candidate best = null;
    int bestFeature = -1;
    for (Path folder : folders) {
      for (Path home : jdkHomesIn(folder)) {
        OptionalInt feature = featureVersion(home);
        if (feature.isPresent()
            && feature.getAsInt() >= minimum
            && feature.getAsInt() > bestFeature
            && javaLauncher(home).isPresent()) {
          best = new Candidate(folder.toString(), home);
          bestFeature = feature.getAsInt();
        }
      }
    }
    if (best != null) {
      return javaLauncher(best.home()).orElseThrow();
    }
    throw new IllegalStateException(
        "no JDK "
            + minimum
            + " or newer found to run "
            + purpose
            + ". Looked at: "
            + String.join(", ", seen)
            + (seen.isEmpty() ? "" : ", ")
            + "and the JDKs in "
            + folders
            + ". Install a JDK "
            + minimum
            + "+ or point ES_JAVA_HOME or -D"
            + KitConfig.JAVA_HOME
            + " at one.");
  }

  private static String describe(OptionalInt feature) {
    return feature.isPresent() ? "Java " + feature.getAsInt() : "no JDK there";
  }

  /** Children of {@code folder} that look like JDK homes (macOS bundles: {@code Contents/Home}). */
  private static List<Path> jdkHomesIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .map(p -> Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p)
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<Path> javaLauncher(Path home) {
    for (String name : List.of("java", "java.exe")) {
      Path java = home.resolve("bin").resolve(name);
      if (Files.isExecutable(java)) {
        return Optional.of(java);
      }
    }
    return Optional.empty();
  }

  /**
   * The feature version of the JDK at {@code home}, read from its {@code release} file ({@code
   * JAVA_VERSION="21.0.5"}, or {@code "1.8.0_402"} for 8).
   *
   * @param home a JDK home directory
   * @return the feature version, or empty when {@code home} is not a JDK
   */
  static OptionalInt featureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return OptionalInt.empty();
    }
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
          if (v.startsWith("1.")) {
            v = v.substring(2);
          }
          int end = 0;
          while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
          }
          return end == 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v, 0, end, 10));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
    return OptionalInt.empty();
  }
}
