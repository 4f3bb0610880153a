package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --format curl} of a topology with {@code state: absent} links (issue 17, "Done
 * when"): the removal calls are runnable curl lines (method, URL, JSON content type, body); the
 * keystore removal is the manual instruction naming {@code cluster.remote.<alias>.credentials};
 * with {@code --ownership} the key is invalidated by the id apply recorded, without it by its
 * deterministic name. A certificate link has only its settings nulled.
 */
class AbsentLinksCurlTest {

  @TempDir Path dir;

  static final String TOPOLOGY = """
      clusters:
        - name: dc1
          version: "9.1.3"
          deployment: self-managed
          url: https://dc1.example.com:9200
        - name: dc2
          version: "9.1.3"
          deployment: self-managed
          url: https://dc2.example.com:9200
          remoteClusterAddress: "dc2.example.com:9443"
          transportAddress: "dc2.example.com:9300"
      links:
        - {local: dc1, remote: dc2, alias: old-key, security: api-key, state: absent}
        - {local: dc1, remote: dc2, alias: old-cert, security: certificate, state: absent}
      """;

  private Path topology() throws Exception {
    return Files.writeString(dir.resolve("links.yaml"), TOPOLOGY);
  }

  /** The curl lines (and manual instructions) of one alias's section of the script. */
  private static List<String> section(String script, String alias) {
    String from = script.substring(script.indexOf("as [" + alias + "]"));
    int next = from.indexOf("\n# link ");
    return (next < 0 ? from : from.substring(0, next)).lines()
        .filter(l -> l.startsWith("es ") || l.startsWith("#   - ")).toList();
  }

  @Test
  void anAbsentApiKeyLinkHasRunnableRemovalCallsByTheKeysName() throws Exception {
    CliRun run = CliRun.of("plan", topology().toString(), "--format", "curl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> key = section(run.out(), "old-key");
    assertThat(key).containsExactly(
        "es DC1 -X PUT \"https://dc1.example.com:9200/_cluster/settings\" -H 'Content-Type:"
            + " application/json' -d '" + nulledBody(run.out(), "old-key") + "'",
        "es DC2 -X DELETE \"https://dc2.example.com:9200/_security/api_key\" -H 'Content-Type:"
            + " application/json' -d '{\"name\":\"remote-clusters-dc1-old-key\"}'",
        "#   - on every node: bin/elasticsearch-keystore remove"
            + " cluster.remote.old-key.credentials",
        "es DC1 -X POST \"https://dc1.example.com:9200/_nodes/reload_secure_settings\"",
        "es DC1 -X DELETE \"https://dc1.example.com:9200/_security/role/remote-old-key\"");
    assertThat(nulledBody(run.out(), "old-key")).startsWith(
        "{\"persistent\":{\"cluster\":{\"remote\":{\"old-key\":{\"mode\":null,\"seeds\":null,")
        .contains("\"proxy_address\":null", "\"skip_unavailable\":null");
  }

  @Test
  void anAbsentCertificateLinkHasOnlyItsSettingsNulled() throws Exception {
    CliRun run = CliRun.of("plan", topology().toString(), "--format", "curl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(section(run.out(), "old-cert")).containsExactly(
        "es DC1 -X PUT \"https://dc1.example.com:9200/_cluster/settings\" -H 'Content-Type:"
            + " application/json' -d '" + nulledBody(run.out(), "old-cert") + "'");
    assertThat(nulledBody(run.out(), "old-cert"))
        .startsWith("{\"persistent\":{\"cluster\":{\"remote\":{\"old-cert\":{\"mode\":null,")
        .doesNotContain("old-key");
  }

  @Test
  void withTheOwnershipFileTheKeyIsInvalidatedByItsRecordedId() throws Exception {
    Path file = topology();
    Path owned = dir.resolve("links.yaml.owned.json");
    OwnershipStore store =
        OwnershipStore.jsonFile(owned, file.toAbsolutePath().normalize().toString());
    store.record(LinkFootprint.planned("dc1", "old-key", "dc2", SecurityModel.API_KEY,
        "remote-clusters-dc1-old-key", "remote-old-key").withKeyId("VuaCfGcBCdbkQm-e5aOx"));
    // a link deleted from the file: removed from its record alone
    store.record(LinkFootprint.planned("dc1", "gone", "dc2", SecurityModel.API_KEY,
        "remote-clusters-dc1-gone", "remote-gone").withKeyId("k-gone"));
    CliRun run = CliRun.of("plan", file.toString(), "--format", "curl", "--ownership",
        owned.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(section(run.out(), "old-key")).contains(
        "es DC2 -X DELETE \"https://dc2.example.com:9200/_security/api_key\" -H 'Content-Type:"
            + " application/json' -d '{\"ids\":[\"VuaCfGcBCdbkQm-e5aOx\"]}'")
        .noneMatch(l -> l.contains("\"name\""));
    assertThat(section(run.out(), "gone")).contains(
        "es DC2 -X DELETE \"https://dc2.example.com:9200/_security/api_key\" -H 'Content-Type:"
            + " application/json' -d '{\"ids\":[\"k-gone\"]}'",
        "es DC1 -X DELETE \"https://dc1.example.com:9200/_security/role/remote-gone\"");
    // and the script runs: every call reaches curl as a method, a URL and its body
    List<List<String>> calls = runWithStubCurl(run.out());
    assertThat(calls).anySatisfy(a -> assertThat(a).containsSequence("-X", "DELETE",
        "https://dc2.example.com:9200/_security/api_key", "-H", "Content-Type: application/json",
        "-d", "{\"ids\":[\"VuaCfGcBCdbkQm-e5aOx\"]}"));
    assertThat(calls).anySatisfy(a -> assertThat(a).containsSequence("-X", "POST",
        "https://dc1.example.com:9200/_nodes/reload_secure_settings"));
  }

  @Test
  void anOwnershipFileThatDoesNotExistIsInvalidInput() throws Exception {
    CliRun run = CliRun.of("plan", topology().toString(), "--format", "curl", "--ownership",
        dir.resolve("nope.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--ownership", "nope.json", "no such file");
    assertThat(run.out()).isEmpty();
  }

  private static String nulledBody(String script, String alias) {
    String line = script.lines().filter(l -> l.contains("/_cluster/settings")
        && l.contains("\"" + alias + "\":{\"mode\":null")).findFirst()
        .orElseThrow(() -> new AssertionError(script));
    return line.substring(line.indexOf("-d '") + 4, line.length() - 1);
  }

  /** Runs the script with a stub curl that logs its arguments; one list per call. */
  private List<List<String>> runWithStubCurl(String script) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path curl = Files.writeString(bin.resolve("curl"), CurlScriptTest.STUB_CURL);
    Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwx------"));
    Path log = dir.resolve("calls.log");
    ProcessBuilder pb = new ProcessBuilder("bash", Files.writeString(dir.resolve("plan.sh"),
        script).toString());
    pb.environment().keySet().removeIf(k -> k.endsWith("_URL") || k.startsWith("ES_"));
    pb.environment().putAll(Map.of("PATH", bin + ":" + System.getenv("PATH"),
        "STUB_LOG", log.toString(), "ES_DC1_API_KEY", "k1", "ES_DC2_API_KEY", "k2"));
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<List<String>> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("ARGS")) {
        calls.add(List.of(line.split("\t")));
      }
    }
    return calls;
  }
}
