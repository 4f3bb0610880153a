package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply} and {@code status} against two real 9.5 nodes. */
class ApplyStatusCommandIT {

  @EsCluster static TestCluster local;

  @EsCluster static TestCluster remote;

  @TempDir Path dir;

  private Path topology(boolean withLink) throws IOException {
    String yaml = "clusters:\n"
        + "  - name: local\n    version: \"9.5.3\"\n    deployment: self-managed\n"
        + "    url: \"" + local.httpUri() + "\"\n"
        + "    transportAddress: \"" + local.transportAddress() + "\"\n"
        + "  - name: remote\n    version: \"9.5.3\"\n    deployment: self-managed\n"
        + "    url: \"" + remote.httpUri() + "\"\n"
        + "    transportAddress: \"" + remote.transportAddress() + "\"\n"
        + "links:\n"
        + (withLink
            ? "  - local: local\n    remote: remote\n    alias: cli_link\n    security: none\n"
            : "  []\n");
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, withLink ? yaml : yaml.replace("links:\n  []\n", "links: []\n"));
    return file;
  }

  private static JsonNode json(CliRun run) throws IOException {
    return Json.MAPPER.readTree(run.out());
  }

  @Test
  void applyIsIdempotentStatusShowsConnectedAndRemovalRemoves() throws IOException {
    Path file = topology(true);

    CliRun dry = CliRun.of("apply", file.toString(), "--dry-run", "--json");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    JsonNode d = json(dry);
    assertThat(d.get("dryRun").asBoolean()).isTrue();
    assertThat(d.at("/clusters/0/requests/0/path").asText()).isEqualTo("/_cluster/settings");
    assertThat(d.at("/clusters/0/requests/0/body/persistent/cluster.remote.cli_link.seeds/0").asText())
        .isEqualTo(remote.transportAddress());
    assertThat(local.client().cluster().remoteInfo().infos()).doesNotContainKey("cli_link");

    CliRun first = CliRun.of("apply", file.toString(), "--json");
    assertThat(first.exitCode()).as(first.err()).isZero();
    JsonNode f = json(first);
    assertThat(f.at("/clusters/0/name").asText()).isEqualTo("local");
    assertThat(f.at("/clusters/0/status").asText()).isEqualTo("applied");
    assertThat(f.at("/clusters/0/reads").asInt()).isEqualTo(3);
    assertThat(f.at("/clusters/0/writes").asInt()).isEqualTo(1);
    assertThat(f.at("/clusters/0/error").isNull()).isTrue();
    assertThat(f.at("/links/0/change").asText()).isEqualTo("added");
    assertThat(f.at("/links/0/state").asText()).isEqualTo("connected");
    assertThat(Files.readString(dir.resolve("topology.yaml.owned.json"))).contains("cli_link");

    CliRun second = CliRun.of("apply", file.toString(), "--json");
    assertThat(second.exitCode()).isZero();
    assertThat(json(second).at("/clusters/0/status").asText()).isEqualTo("in_place");
    assertThat(json(second).at("/clusters/0/writes").asInt()).isZero();

    CliRun status = CliRun.of("status", file.toString(), "--json");
    assertThat(status.exitCode()).as(status.err()).isZero();
    JsonNode s = json(status);
    assertThat(s.at("/links/0/alias").asText()).isEqualTo("cli_link");
    assertThat(s.at("/links/0/state").asText()).isEqualTo("connected");
    assertThat(s.at("/links/0/owned").asBoolean()).isTrue();
    assertThat(s.at("/links/0/mode").asText()).isEqualTo("sniff");

    CliRun text = CliRun.of("status", file.toString());
    assertThat(text.out()).contains("local/cli_link: connected (sniff " + remote.transportAddress());

    Path without = topology(false);
    CliRun removed = CliRun.of("apply", without.toString(), "--json");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(json(removed).at("/links/0/change").asText()).isEqualTo("removed");
    assertThat(local.client().cluster().remoteInfo().infos()).doesNotContainKey("cli_link");
    assertThat(CliRun.of("apply", without.toString()).exitCode()).isZero();
  }

  @Test
  void unreachableLinkFailsWithDiagnosisAndExit1() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - name: local\n    version: \"9.5.3\"\n    deployment: self-managed\n"
        + "    url: \"" + local.httpUri() + "\"\n"
        + "  - name: remote\n    version: \"9.5.3\"\n    deployment: self-managed\n"
        + "    url: \"" + remote.httpUri() + "\"\n"
        + "    transportAddress: \"" + remote.httpUri().getHost() + ":" + remote.httpUri().getPort() + "\"\n"
        + "links:\n  - local: local\n    remote: remote\n    alias: cli_http\n    security: none\n");
    try {
      CliRun run = CliRun.of("apply", file.toString(), "--json", "--verify-timeout", "2");
      assertThat(run.exitCode()).isEqualTo(1);
      JsonNode j = json(run);
      assertThat(j.at("/clusters/0/status").asText()).isEqualTo("failed");
      assertThat(j.at("/clusters/0/error").asText()).contains("VERIFY_CONNECTED");
      assertThat(j.at("/links/0/diagnosis/code").asText()).isEqualTo("http_port_as_seed");
      assertThat(run.err()).doesNotContain("Exception");

      // the rerun changes nothing, but the link is still not connected: exit 1, never in_place
      CliRun rerun = CliRun.of("apply", file.toString(), "--json", "--verify-timeout", "2");
      assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(1);
      JsonNode again = json(rerun);
      assertThat(again.at("/clusters/0/status").asText()).isEqualTo("failed");
      assertThat(again.at("/clusters/0/error").asText())
          .contains("VERIFY_CONNECTED").contains("unchanged by this run but not connected");
      assertThat(again.at("/links/0/change").asText()).isEqualTo("unchanged");
      assertThat(again.at("/links/0/state").asText()).isEqualTo("disconnected");
      assertThat(CliRun.of("status", file.toString()).exitCode()).isEqualTo(1);
    } finally {
      Files.writeString(file, Files.readString(file).replaceAll("links:[\\s\\S]*", "links: []\n"));
      CliRun.of("apply", file.toString());
    }
  }
}
