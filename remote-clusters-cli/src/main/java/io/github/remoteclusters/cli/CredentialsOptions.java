package io.github.remoteclusters.cli;

import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The credentials options {@code apply} and {@code watch} share: {@code --credentials-command},
 * {@code --credentials-remove-command}, {@code --credentials-timeout}.
 */
final class CredentialsOptions {

  @Option(
      names = "--credentials-command",
      paramLabel = "CMD",
      description = {
        "Stores a cross-cluster API key on the local cluster's nodes: run with /bin/sh -c, the"
            + " encoded key on standard input (never on a command line). CMD may hold {cluster},"
            + " {alias} and {setting} (cluster.remote.<alias>.credentials), for example:",
        "  'ssh {cluster}-node sudo bin/elasticsearch-keystore add --stdin --force {setting}'"
      })
  String credentialsCommand;

  @Option(
      names = "--credentials-remove-command",
      paramLabel = "CMD",
      description = "Removes a keystore setting when a link goes (same placeholders); without it,"
          + " removal is a manual step.")
  String credentialsRemoveCommand;

  @Option(
      names = "--credentials-timeout",
      paramLabel = "SECONDS",
      description = "How long a credentials command may run before it is killed (default 120).")
  int credentialsSeconds = 120;

  /**
   * Checks the options.
   *
   * @param err where problems go
   * @return whether they can be used
   */
  boolean valid(PrintWriter err) {
    if (credentialsSeconds <= 0) {
      err.println("error: --credentials-timeout [" + credentialsSeconds + "] must be 1 or more");
      return false;
    }
    if (blank(credentialsCommand) || blank(credentialsRemoveCommand)) {
      err.println("error: a credentials command must not be blank");
      return false;
    }
    if (credentialsRemoveCommand != null && credentialsCommand == null) {
      err.println("error: --credentials-remove-command needs --credentials-command");
      return false;
    }
    return true;
  }

  private static boolean blank(String command) {
    return command != null && command.isBlank();
  }

  /** {@return the credential writer: the commands, or manual without them} */
  CredentialWriter writer() {
    return credentialsCommand == null
        ? CredentialWriter.manual()
        : CredentialWriter.command(
            credentialsCommand, credentialsRemoveCommand, Duration.ofSeconds(credentialsSeconds));
  }
}
