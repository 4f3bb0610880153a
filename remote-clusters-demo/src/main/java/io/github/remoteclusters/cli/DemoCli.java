package io.github.remoteclusters.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code remote-clusters} command line with one more command, {@code demo}. Lives in the
 * unpublished demo module so that the shipped command line never carries the test kit.
 *
 * @since 0.1.0
 */
public final class DemoCli {

  private DemoCli() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments, such as {@code demo}
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(RemoteClustersCli.class);
    cli.addSubcommand("demo", new CommandLine(new DemoCommand()));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return RemoteClustersCli.INVALID_INPUT;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
