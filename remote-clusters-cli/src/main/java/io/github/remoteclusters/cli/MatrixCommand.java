package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.CompatibilityMatrix;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.InvalidVersionException;
import io.github.remoteclusters.compat.Use;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code matrix [--use search|replication|esql|eql] [--versions 8.18,8.19,9.0] [--format
 * csv|markdown|json]}: prints a compatibility matrix, rows local and columns remote. With no
 * {@code --versions} it covers the published table (7.17 to 9.3), and its CSV equals the
 * published file byte for byte.
 *
 * @since 0.1.0
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = "Prints a compatibility matrix (rows local, columns remote).")
public final class MatrixCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    csv,
    markdown,
    json
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--use",
      paramLabel = "search|replication|esql|eql",
      description = "What the local cluster does with the remote (default: search).",
      converter = UseConverter.class)
  private Use use = Use.SEARCH;

  @Option(
      names = "--versions",
      split = ",",
      paramLabel = "V",
      description = "Versions to put in the matrix (default: the published table's, 7.17 to 9.3).")
  private List<String> versions = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "csv|markdown|json",
      description = "Output format (default: csv).")
  private Format format = Format.csv;

  /** Creates the command; picocli fills the fields. */
  public MatrixCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<EsVersion> parsed = new ArrayList<>();
    try {
      for (String v : versions) {
        EsVersion version = EsVersion.parse(v);
        // 8.18 and 8.18.0 name one version: one row
        if (parsed.stream().noneMatch(p -> p.compareTo(version) == 0)) {
          parsed.add(version);
        }
      }
    } catch (InvalidVersionException e) {
      spec.commandLine().getErr().println("error: --versions: " + e.getMessage());
      return RemoteClustersCli.INVALID_INPUT;
    }
    CompatibilityMatrix matrix =
        CompatibilityMatrix.of(
            use, parsed.isEmpty() ? CompatibilityMatrix.documentedVersions() : parsed);
    switch (format) {
      case markdown:
        out.print(matrix.toMarkdown());
        break;
      case json:
        out.println(Json.MAPPER.writeValueAsString(toJson(matrix)));
        break;
      default:
        out.print(matrix.toCsv());
    }
    out.flush();
    return RemoteClustersCli.OK;
  }

  private static ObjectNode toJson(CompatibilityMatrix matrix) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("use", matrix.use().id());
    ArrayNode versions = root.putArray("versions");
    matrix.versions().forEach(v -> versions.add(v.toString()));
    ArrayNode cells = root.putArray("cells");
    for (int r = 0; r < matrix.versions().size(); r++) {
      for (int c = 0; c < matrix.versions().size(); c++) {
        cells.add(CompatCommand.toJson(matrix.cell(r, c)));
      }
    }
    return root;
  }
}
