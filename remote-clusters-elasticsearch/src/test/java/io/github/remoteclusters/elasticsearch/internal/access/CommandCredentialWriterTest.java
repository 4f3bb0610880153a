package io.github.remoteclusters.elasticsearch.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriteException;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.ManualStepRequiredException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials command runs for real through /bin/sh; the secret goes to its stdin only. */
class CommandCredentialWriterTest {

  private static final String SECRET = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
  private static final Cluster LOCAL = Cluster.of("dc-1", EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED);

  @TempDir Path dir;

  @Test
  void storePutsTheSecretOnStdinAndThePlaceholdersOnTheCommandLine() throws IOException {
    Path args = dir.resolve("args.txt");
    Path stdin = dir.resolve("stdin.txt");
    CredentialWriter w = CredentialWriter.command(
        "printf '%s|%s|%s' {cluster} {alias} {setting} > '" + args + "'; cat > '" + stdin + "'",
        null, Duration.ofSeconds(20));
    w.store(LOCAL, "dc2", SECRET);
    assertThat(Files.readString(args)).isEqualTo("dc-1|dc2|cluster.remote.dc2.credentials");
    assertThat(Files.readString(stdin, StandardCharsets.UTF_8)).isEqualTo(SECRET + "\n");
  }

  @Test
  void theExpandedCommandNeverHoldsTheSecretAndQuotesValues() {
    String cmd = CommandCredentialWriter.expand("x {cluster} {alias} {setting}", "a'b", "dc2");
    assertThat(cmd).isEqualTo("x 'a'\"'\"'b' 'dc2' 'cluster.remote.dc2.credentials'");
    assertThat(cmd).doesNotContain(SECRET);
  }

  @Test
  void aFailingCommandReportsItsExitCodeAndStderrWithTheSecretRedacted() {
    CredentialWriter w = CredentialWriter.command(
        "echo \"keystore refused: $(cat)\" >&2; exit 3", null, Duration.ofSeconds(20));
    assertThatThrownBy(() -> w.store(LOCAL, "dc2", SECRET))
        .isInstanceOfSatisfying(CredentialWriteException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(3);
          assertThat(e.cluster()).isEqualTo("dc-1");
          assertThat(e.alias()).isEqualTo("dc2");
          assertThat(e.getMessage())
              .startsWith("[dc-1/dc2/STORE_CREDENTIALS] failed: the credentials command exited with code 3")
              .contains("keystore refused: ::redacted::")
              .doesNotContain(SECRET);
        });
  }

  @Test
  void aCommandThatDoesNotFinishIsKilledAtTheTimeout() {
    CredentialWriter w = CredentialWriter.command("sleep 60", null, Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThatThrownBy(() -> w.store(LOCAL, "dc2", SECRET))
        .isInstanceOf(CredentialWriteException.class)
        .hasMessageContaining("did not finish within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void removeRunsTheRemoveCommandWithNothingOnStdin() throws IOException {
    Path out = dir.resolve("removed.txt");
    CredentialWriter w = CredentialWriter.command(
        "cat > /dev/null", "printf %s {setting} > '" + out + "'", Duration.ofSeconds(20));
    w.remove(LOCAL, "dc2");
    assertThat(Files.readString(out)).isEqualTo("cluster.remote.dc2.credentials");
  }

  @Test
  void withoutARemoveCommandRemovalIsAManualStep() {
    CredentialWriter w = CredentialWriter.command("cat > /dev/null", null, Duration.ofSeconds(20));
    assertThat(w.automatic()).isTrue();
    assertThatThrownBy(() -> w.remove(LOCAL, "dc2"))
        .isInstanceOf(ManualStepRequiredException.class)
        .hasMessageContaining("elasticsearch-keystore remove cluster.remote.dc2.credentials");
  }

  @Test
  void blankCommandsAndBadTimeoutsAreRefused() {
    assertThatThrownBy(() -> CredentialWriter.command(" ", null, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storeCommand");
    assertThatThrownBy(() -> CredentialWriter.command("true", null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }
}
