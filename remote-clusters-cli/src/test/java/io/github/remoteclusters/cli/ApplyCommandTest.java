package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply} and {@code status} without a cluster: invalid input and unreachable clusters. */
class ApplyCommandTest {

  @TempDir Path dir;

  @Test
  void unreadableFileIsExit2WithOneJsonDocument() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters: [\n");
    CliRun run = CliRun.of("apply", file.toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode j = Json.MAPPER.readTree(run.out());
    assertThat(j.get("problems")).isNotEmpty();
    assertThat(run.err()).doesNotContain("at io.github");
  }

  @Test
  void rejectedPlanIsExit1AndTouchesNothing() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\"}\n"
        + "  - {name: b, version: \"8.19.21\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + "links:\n  - {local: a, remote: b, alias: b, security: none}\n");
    CliRun run = CliRun.of("apply", file.toString(), "--json");
    // a well-formed topology the planner rejects: a negative answer, as from validate and plan
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode j = Json.MAPPER.readTree(run.out());
    assertThat(j.get("clusters")).isEmpty();
    assertThat(j.get("problems").toString()).contains("cannot search");
  }

  @Test
  void unreachableClusterIsExit1WithTheReason() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\"}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + "links:\n  - {local: a, remote: b, alias: b, security: none}\n");
    CliRun run = CliRun.of("apply", file.toString(), "--json", "--dry-run");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode j = Json.MAPPER.readTree(run.out());
    assertThat(j.at("/clusters/0/status").asText()).isEqualTo("failed");
    assertThat(j.at("/clusters/0/error").asText()).startsWith("[a/CONNECT] failed: cannot reach http://127.0.0.1:1");

    CliRun status = CliRun.of("status", file.toString(), "--json");
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(Json.MAPPER.readTree(status.out()).at("/links/0/state").asText()).isEqualTo("unknown");
  }

  @Test
  void anInvalidOwnershipFileIsExit2WithOneJsonDocumentAndNoParserText() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\"}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + "links:\n  - {local: a, remote: b, alias: b, security: none}\n");
    Path owned = dir.resolve("t.yaml.owned.json");
    Files.writeString(owned, "{\"clusters\":{\"a\":[1, {\"x\":\"y\"}, null, true]}}");
    CliRun run = CliRun.of("apply", file.toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode j = Json.MAPPER.readTree(run.out());
    assertThat(j.at("/clusters/0/status").asText()).isEqualTo("failed");
    assertThat(j.at("/clusters/0/error").asText())
        .startsWith("[a/OWNERSHIP] failed: ownership file [")
        .contains("is invalid at clusters.a[0]: expected an alias");
    assertThat(run.err()).doesNotContain("at io.github").doesNotContain("com.fasterxml");
    assertThat(Files.readString(owned)).contains("[1, {");

    CliRun status = CliRun.of("status", file.toString(), "--json");
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(Json.MAPPER.readTree(status.out()).at("/links/0/diagnosis/code").asText())
        .isEqualTo("ownership");
  }

  @Test
  void aFutureOwnershipVersionIsExit2AndTheFileIsLeftUntouched() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, twoClusters("links:\n  - {local: a, remote: b, alias: b, security: none}\n"));
    Path owned = dir.resolve("t.yaml.owned.json");
    String future = "{\"version\":99,\"clusters\":{\"a\":{\"b\":{\"topology\":\"x\"}}}}";
    Files.writeString(owned, future);
    CliRun run = CliRun.of("apply", file.toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    JsonNode j = Json.MAPPER.readTree(run.out());
    assertThat(j.at("/clusters/0/error").asText()).contains("version 99 is newer");
    assertThat(Files.readString(owned)).isEqualTo(future);
  }

  @Test
  void aDryRunOfADeletedLinkListsItsRemovalStepsWithTheirBodiesAndChangesNothing()
      throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, twoClusters("links: []\n"));
    Path owned = dir.resolve("t.yaml.owned.json");
    String record = "{\"version\":3,\"clusters\":{\"a\":{\"gone\":{\"topology\":\""
        + file.toAbsolutePath() + "\",\"remote\":\"b\",\"security\":\"api-key\","
        + "\"keyName\":\"remote-clusters-a-gone\",\"keyId\":\"K1\",\"localRole\":\"remote-gone\","
        + "\"credentials\":\"cluster.remote.gone.credentials\"}}}}";
    Files.writeString(owned, record);
    CliRun run = CliRun.of("apply", file.toString(), "--json", "--dry-run");
    JsonNode j = Json.MAPPER.readTree(run.out());
    JsonNode steps = j.at("/plan/links/0/steps");
    assertThat(steps.findValuesAsText("action")).containsExactly("REMOVE_REMOTE_SETTINGS",
        "INVALIDATE_API_KEY", "REMOVE_CREDENTIALS", "RELOAD_SECURE_SETTINGS", "DELETE_LOCAL_ROLE");
    assertThat(steps.get(1).at("/request/body").toString()).isEqualTo("{\"ids\":[\"K1\"]}");
    assertThat(steps.get(2).get("setting").asText()).isEqualTo("cluster.remote.gone.credentials");
    assertThat(steps.get(4).at("/request/path").asText()).isEqualTo("/_security/role/remote-gone");
    assertThat(Files.readString(owned)).isEqualTo(record);
  }

  @Test
  void aDryRunOfAChangedSecurityModelNamesTheMigrationWithFromAndToAndChangesNothing()
      throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\","
        + " license: enterprise}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress:"
        + " \"127.0.0.1:2\", remoteClusterAddress: \"127.0.0.1:3\", remoteClusterServer: true,"
        + " license: enterprise}\n"
        + "links:\n  - {local: a, remote: b, alias: mig, security: api-key, mode: proxy,"
        + " access: {search: [{names: [\"logs-*\"]}]}}\n");
    Path owned = dir.resolve("t.yaml.owned.json");
    String record = "{\"version\":3,\"clusters\":{\"a\":{\"mig\":{\"topology\":\""
        + file.toAbsolutePath() + "\",\"remote\":\"b\",\"security\":\"certificate\"}}}}";
    Files.writeString(owned, record);
    CliRun run = CliRun.of("apply", file.toString(), "--json", "--dry-run");
    JsonNode j = Json.MAPPER.readTree(run.out());
    JsonNode link = j.at("/plan/links/0");
    assertThat(link.get("alias").asText()).isEqualTo("mig");
    List<String> actions = link.get("steps").findValuesAsText("action");
    assertThat(actions.get(0)).isEqualTo("MIGRATE_SECURITY_MODEL");
    assertThat(link.at("/steps/0/from").asText()).isEqualTo("certificate");
    assertThat(link.at("/steps/0/to").asText()).isEqualTo("api-key");
    // the guide's order: key, credentials and reload, the role before the one settings write
    assertThat(actions).containsSubsequence("CREATE_CROSS_CLUSTER_API_KEY", "STORE_CREDENTIALS",
        "CREATE_LOCAL_ROLE", "RELOAD_SECURE_SETTINGS", "PUT_REMOTE_SETTINGS", "VERIFY_CONNECTED");
    assertThat(run.out()).doesNotContain("\"encoded\"");
    assertThat(Files.readString(owned)).isEqualTo(record);
  }

  /** Two 9.5.3 clusters, {@code a} at an unreachable URL and {@code b}, then the links text. */
  private static String twoClusters(String links) {
    return "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"http://127.0.0.1:1\"}\n"
        + "  - {name: b, version: \"9.5.3\", deployment: self-managed, transportAddress: \"127.0.0.1:2\"}\n"
        + links;
  }
}
