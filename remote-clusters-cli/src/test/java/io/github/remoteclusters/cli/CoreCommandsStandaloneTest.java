package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command classes work on their own, before or without registration in the main command. */
class CoreCommandsStandaloneTest {

  private static final String EXAMPLE =
      Path.of("..", "examples", "7-self-managed-to-self-managed.yaml").toString();

  static int run(Object command, StringWriter out, StringWriter err, String... args) {
    return new CommandLine(command)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void planValidateAndSettingsCheckStandalone() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(new PlanCommand(), out, err, EXAMPLE, "--json")).isZero();
    assertThat(out.toString()).startsWith("{\"links\":[");
    out = new StringWriter();
    assertThat(run(new ValidateCommand(), out, err, EXAMPLE)).isZero();
    assertThat(out.toString()).startsWith("valid: ");
    out = new StringWriter();
    assertThat(run(new SettingsCommand(), out, err, "check", "/nonexistent.json")).isEqualTo(2);
    assertThat(err.toString()).contains("error: cannot read [/nonexistent.json]");
  }
}
