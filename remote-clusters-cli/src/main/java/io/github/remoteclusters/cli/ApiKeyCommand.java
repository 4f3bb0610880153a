package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.TextInput;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.CrossClusterApiKeys;
import io.github.remoteclusters.security.apikey.ApiKeyProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apikey}: check cross-cluster API key requests the way Elasticsearch does.
 *
 * @since 0.1.0
 */
@Command(
    name = "apikey",
    mixinStandardHelpOptions = true,
    description = "Check cross-cluster API key requests.",
    subcommands = {ApiKeyCommand.Check.class})
public final class ApiKeyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Creates the command. */
  public ApiKeyCommand() {}

  /**
   * Prints usage; a subcommand is required.
   *
   * @return 2
   */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CertsCommand.INVALID_INPUT;
  }

  /** {@code apikey check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Validate a POST /_security/cross_cluster/api_key body: exit 0 valid, 1 invalid, 2 unreadable input.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Where '-' reads from; replaceable in tests. */
    InputStream stdin = System.in;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The request body, or '-' for stdin.")
    String file;

    @Option(names = "--remote-version", paramLabel = "V", description = "Version of the remote cluster that creates the key (default: newest known rules).")
    String remoteVersion;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
      int code = CertsCommand.guarded(spec, this::check);
      if (code == CertsCommand.INVALID_INPUT && json) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("{\"error\":\"unreadable input; see stderr\"}");
        out.flush();
      }
      return code;
    }

    private int check() throws IOException {
      EsVersion version = remoteVersion == null ? CrossClusterApiKeys.NEWEST_KNOWN : EsVersion.parse(remoteVersion);
      String body = TextInput.read(file, stdin);
      Json.requireObjectBody(file, body);
      ApiKeyCheck check = CrossClusterApiKeys.check(body, version);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("valid", check.valid());
        root.put("remoteVersion", version.toString());
        problems(root.putArray("problems"), check.problems());
        problems(root.putArray("warnings"), check.warnings());
        if (check.valid()) {
          root.set("roleDescriptor", mapper.readTree(check.request().access().roleDescriptor(version).toJson()));
        }
        out.println(mapper.writeValueAsString(root));
      } else {
        out.println(check.valid() ? "valid" : "invalid");
        check.problems().forEach(p -> out.println("error " + where(p) + p.message()));
        check.warnings().forEach(p -> out.println("warning " + where(p) + p.message()));
        if (check.valid()) {
          out.println("the key will grant (role descriptor on " + version + "):");
          out.println(check.request().access().roleDescriptor(version).toJson());
        }
      }
      out.flush();
      return check.valid() ? 0 : 1;
    }

    private static String where(ApiKeyProblem problem) {
      return problem.path().isEmpty() ? "" : problem.path() + ": ";
    }

    private static void problems(ArrayNode array, List<ApiKeyProblem> problems) {
      for (ApiKeyProblem problem : problems) {
        ObjectNode node = array.addObject();
        node.put("code", problem.code().name());
        node.put("path", problem.path());
        node.put("message", problem.message());
      }
    }
  }
}
