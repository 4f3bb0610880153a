package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2: only the core's {@code EckNames} builds ECK names, {@code cluster.remote.<alias>.*}
 * keys, the names of our API keys and ports. Main code of core, both executors (k8s and
 * Elasticsearch) and the CLI that spells the literal {@code "cluster.remote."} (to concatenate or to
 * match keys) or {@code "remote-clusters-"} (our API key names), spells an ECK Service suffix
 * ({@code -es-remote-cluster}, {@code -es-transport}) or writes a port number (9443, 9300, 9400) as
 * code fails this test, naming the file and line.
 */
class OneHomeForNamesTest {

  private static final List<Path> MAIN = List.of(
      Path.of("..", "remote-clusters-core", "src", "main", "java"),
      Path.of("..", "remote-clusters-k8s", "src", "main", "java"),
      Path.of("..", "remote-clusters-elasticsearch", "src", "main", "java"),
      Path.of("..", "remote-clusters-cli", "src", "main", "java"));
  private static final Path HOME =
      Path.of("io", "github", "remoteclusters", "core", "EckNames.java");

  private static final Pattern SETTING_CONCAT = Pattern.compile("\"cluster\\.remote\\.\"\\s*\\+");
  private static final Pattern SETTING_PREFIX = Pattern.compile("\"cluster\\.remote\\.\"");
  private static final Pattern KEY_PREFIX = Pattern.compile("\"remote-clusters-\"");
  private static final Pattern SERVICE_SUFFIX =
      Pattern.compile("\"[^\"<]*-es-(remote-cluster|transport)[^\"]*\"");
  private static final Pattern PORT = Pattern.compile("\\b(9443|9300|9400)\\b");
  private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

  /** The stray patterns of one line of code, or null. */
  static String stray(String line) {
    String t = line.strip();
    if (t.startsWith("*") || t.startsWith("//") || t.startsWith("/*")) {
      return null;
    }
    if (SETTING_CONCAT.matcher(line).find()) {
      return "builds a cluster.remote.<alias> key";
    }
    if (SETTING_PREFIX.matcher(line).find()) {
      return "spells the cluster.remote. prefix";
    }
    if (KEY_PREFIX.matcher(line).find()) {
      return "spells the prefix of our API key names";
    }
    if (SERVICE_SUFFIX.matcher(line).find()) {
      return "spells an ECK Service name";
    }
    String code = STRING.matcher(line).replaceAll("\"\"");
    int comment = code.indexOf("//");
    if (PORT.matcher(comment < 0 ? code : code.substring(0, comment)).find()) {
      return "writes a port number";
    }
    return null;
  }

  @Test
  void thePatternsAreRecognised() {
    assertThat(stray("String k = \"cluster.remote.\" + alias + \".mode\";")).isNotNull();
    assertThat(stray("String s = es + \"-es-remote-cluster\";")).isNotNull();
    assertThat(stray("int port = 9443;")).isNotNull();
    assertThat(stray("if (k.startsWith(\"cluster.remote.\")) {")).isNotNull();
    assertThat(stray("String n = \"remote-clusters-\" + local + \"-\" + alias;")).isNotNull();
    assertThat(stray("String m = \"add cluster.remote.\" + alias;")).isNull();
    assertThat(stray("Thread t = new Thread(r, \"remote-clusters-probe\");")).isNull();
    assertThat(stray("  * port 9443 in a comment")).isNull();
    assertThat(stray("String m = \"open port 9443 to the nodes\";")).isNull();
    assertThat(stray("String m = \"service <es>-es-transport\";")).isNull();
    assertThat(stray("int port = EckNames.REMOTE_CLUSTER_PORT;")).isNull();
  }

  @Test
  void noMainCodeOutsideTheOneHomeBuildsEckNamesSettingKeysOrPorts() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : MAIN) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (root.relativize(f).equals(HOME)) {
            continue;
          }
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            String why = stray(lines.get(i));
            if (why != null) {
              found.add(f + ":" + (i + 1) + " " + why + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(found).as("use io.github.remoteclusters.core.EckNames").isEmpty();
  }

  @Test
  void k8sHasNoEckNamesOfItsOwn() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.get(1))) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("EckNames.java");
    }
  }
}
