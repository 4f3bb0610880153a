package io.github.remoteclusters.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code remote-clusters} command line: a thin shell over the Java API.
 *
 * <p>Exit codes: 0 success or a positive verdict, 1 a negative verdict or a failed step, 2 invalid
 * input or usage. With {@code --json} a command prints exactly one JSON document on standard
 * output; messages go to standard error.
 *
 * @since 0.1.0
 */
@Command(
    name = "remote-clusters",
    mixinStandardHelpOptions = true,
    versionProvider = RemoteClustersCli.Version.class,
    description = "Plan, validate, check and watch Elasticsearch remote-cluster links.",
    subcommands = {
      CompatCommand.class,
      MatrixCommand.class,
      CertsCommand.class,
      ApiKeyCommand.class,
      SettingsCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      K8sCommand.class,
      ApplyCommand.class,
      StatusCommand.class,
      WatchCommand.class,
      UpgradePlanCommand.class
    })
public final class RemoteClustersCli {

  /** Exit code for success or a positive verdict. */
  public static final int OK = 0;

  /** Exit code for a negative verdict or a failed step. */
  public static final int NEGATIVE = 1;

  /** Exit code for invalid input or usage. */
  public static final int INVALID_INPUT = 2;

  private RemoteClustersCli() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given output streams, without exiting; for embedding and tests.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new RemoteClustersCli());
    // every message goes to standard error one line each, control characters escaped
    PrintWriter safeErr = new SafeWriter(err);
    cli.setOut(out);
    cli.setErr(safeErr);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return INVALID_INPUT;
        });
    cli.setParameterExceptionHandler((e, args2) -> {
      // the message quotes the arguments: escaped; the usage help is ours: as it is
      CommandLine c = e.getCommandLine();
      safeErr.println(e.getMessage());
      safeErr.flush();
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, safeErr)) {
        c.usage(err, c.getColorScheme());
      }
      return c.getCommandSpec().exitCodeOnInvalidInput();
    });
    int code = cli.execute(args);
    out.flush();
    safeErr.flush();
    err.flush();
    return code;
  }

  /** Reports the version the build wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = RemoteClustersCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"remote-clusters " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
