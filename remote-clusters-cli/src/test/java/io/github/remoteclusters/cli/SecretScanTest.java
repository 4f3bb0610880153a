package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command that reads a topology, in every output format, on topologies whose URLs
 * carry passwords that break URL parsers ({@code /}, {@code @}, {@code %}, spaces, {@code [},
 * {@code #}), and scans stdout and stderr for any part of them or of the basic-auth header they
 * make.
 */
class SecretScanTest {

  /** Passwords, each with a token that must never be printed. */
  private static final List<String> PASSWORDS = List.of(
      "pa%2Fss-TOKENA", // an encoded '/': a valid URL
      "p%40ss-TOKENB", // an encoded '@': a valid URL
      "1/ss-TOKENC", // a raw '/': the host seems to be "elastic", port 1
      "p@ss-TOKEND", // a raw '@'
      "pa ss-TOKENE", // a space
      "pa[ss-TOKENF", // an unclosed '['
      "1#x-TOKENG", // a '#'
      "pa%ss-TOKENH"); // a bare '%'

  private static final List<String> TOKENS = new ArrayList<>();

  @TempDir static Path dir;
  private static Path valid;
  private static final List<Path> malformed = new ArrayList<>();

  @BeforeAll
  static void fixtures() throws IOException {
    for (String pw : PASSWORDS) {
      TOKENS.add(pw.substring(pw.indexOf("TOKEN")));
      TOKENS.add(pw);
      TOKENS.add(Base64.getEncoder().encodeToString(("elastic:" + pw).getBytes(StandardCharsets.UTF_8)));
    }
    valid = dir.resolve("valid.yaml");
    Files.writeString(valid, "clusters:\n"
        + cluster("a", "http://elastic:" + PASSWORDS.get(0) + "@127.0.0.1:1", "127.0.0.1:2")
        + cluster("b", "https://elastic:" + PASSWORDS.get(1) + "@127.0.0.1:1/", "127.0.0.1:3")
        + "links:\n"
        + "  - {local: a, remote: b, alias: b, security: certificate}\n"
        + "  - {local: b, remote: a, alias: a, security: certificate}\n");
    for (int i = 2; i < PASSWORDS.size(); i++) {
      Path f = dir.resolve("malformed-" + i + ".yaml");
      Files.writeString(f, "clusters:\n"
          + cluster("a", "http://elastic:" + PASSWORDS.get(i) + "@127.0.0.1:1", "127.0.0.1:2")
          + cluster("b", "http://127.0.0.1:1", "127.0.0.1:3")
          + "links:\n  - {local: a, remote: b, alias: b, security: certificate}\n");
      malformed.add(f);
    }
  }

  private static String cluster(String name, String url, String transport) {
    return "  - {name: " + name + ", version: \"9.5.3\", deployment: self-managed, url: \"" + url
        + "\", transportAddress: \"" + transport + "\"}\n";
  }

  private static List<String[]> commands(Path file) {
    String f = file.toString();
    return List.of(
        new String[] {"validate", f},
        new String[] {"validate", f, "--json"},
        new String[] {"plan", f},
        new String[] {"plan", f, "--format", "json"},
        new String[] {"plan", f, "--format", "curl"},
        new String[] {"k8s", "render", f},
        new String[] {"k8s", "render", f, "--format", "json"},
        new String[] {"apply", f, "--dry-run", "--request-timeout", "2s"},
        new String[] {"apply", f, "--dry-run", "--json", "--request-timeout", "2s"},
        new String[] {"apply", f, "--request-timeout", "2s", "--verify-timeout", "0",
            "--ownership", dir.resolve("o.json").toString()},
        new String[] {"status", f, "--request-timeout", "2s"},
        new String[] {"status", f, "--json", "--request-timeout", "2s"});
  }

  private static int scan(Path file) {
    int runs = 0;
    for (String[] args : commands(file)) {
      CliRun run = CliRun.of(args);
      for (String token : TOKENS) {
        assertThat(run.out()).as("stdout of %s", String.join(" ", args)).doesNotContain(token);
        assertThat(run.err()).as("stderr of %s", String.join(" ", args)).doesNotContain(token);
      }
      runs++;
    }
    return runs;
  }

  @Test
  void noOutputOfAValidTopologyPrintsItsPasswords() {
    assertThat(scan(valid)).isEqualTo(12);
  }

  @Test
  void noOutputOfAMalformedUrlPrintsItsPassword() throws IOException {
    for (Path f : malformed) {
      scan(f);
      CliRun validate = CliRun.of("validate", f.toString());
      assertThat(validate.exitCode()).as(Files.readString(f)).isEqualTo(2);
      assertThat(validate.err() + validate.out()).contains("url [");
    }
  }
}
