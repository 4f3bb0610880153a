package io.github.remoteclusters.compat;

import io.github.remoteclusters.compat.internal.DocumentedTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A square matrix of verdicts for a list of versions: rows are local clusters (followers for
 * replication), columns are remote clusters (leaders). Renders as CSV in the layout of Elastic's
 * published table, or as Markdown.
 *
 * <pre>{@code
 * String csv = CompatibilityMatrix.documented().toCsv(); // the published 25 x 25 table
 * }</pre>
 *
 * @param use the use the verdicts are for
 * @param versions the versions, in row and column order
 * @param cells the verdicts, {@code cells.get(row).get(column)}
 * @since 0.1.0
 */
public record CompatibilityMatrix(
    Use use, List<EsVersion> versions, List<List<CompatibilityVerdict>> cells) {

  /** Checks the components and copies the lists. */
  public CompatibilityMatrix {
    Objects.requireNonNull(use, "use");
    versions = List.copyOf(versions);
    List<List<CompatibilityVerdict>> copy = new ArrayList<>();
    for (List<CompatibilityVerdict> row : cells) {
      copy.add(List.copyOf(row));
    }
    cells = List.copyOf(copy);
    if (cells.size() != versions.size()) {
      throw new IllegalArgumentException("a matrix needs one row per version");
    }
  }

  /**
   * The versions of Elastic's published cross-cluster search matrix, 7.17 to 9.3.
   *
   * @return the versions in table order
   */
  public static List<EsVersion> documentedVersions() {
    return DocumentedTables.get().searchVersions();
  }

  /**
   * The cross-cluster search matrix for the published versions.
   *
   * @return the matrix; its {@link #toCsv()} equals the published CSV byte for byte
   */
  public static CompatibilityMatrix documented() {
    return of(Use.SEARCH, documentedVersions());
  }

  /**
   * Computes the matrix for any versions and use.
   *
   * @param use the use
   * @param versions the versions, in row and column order
   * @return the matrix
   */
  public static CompatibilityMatrix of(Use use, List<EsVersion> versions) {
    List<List<CompatibilityVerdict>> rows = new ArrayList<>();
    for (EsVersion local : versions) {
      List<CompatibilityVerdict> row = new ArrayList<>();
      for (EsVersion remote : versions) {
        row.add(Compatibility.check(use, local, remote));
      }
      rows.add(row);
    }
    return new CompatibilityMatrix(use, versions, rows);
  }

  /**
   * The verdict for one cell.
   *
   * @param row the row (local)
   * @param column the column (remote)
   * @return the verdict
   */
  public CompatibilityVerdict cell(int row, int column) {
    return cells.get(row).get(column);
  }

  /**
   * CSV with a {@code local} header cell, the versions across, and {@code Y}, {@code N} or
   * {@code ?} (unknown) in the cells; lines end with {@code \n}.
   *
   * @return the CSV text
   */
  public String toCsv() {
    StringBuilder out = new StringBuilder("local");
    for (EsVersion v : versions) {
      out.append(',').append(v);
    }
    out.append('\n');
    for (int r = 0; r < versions.size(); r++) {
      out.append(versions.get(r));
      for (int c = 0; c < versions.size(); c++) {
        out.append(',').append(symbol(cell(r, c), false));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * A Markdown table; inferred cells carry an asterisk and unknown cells a question mark, with a
   * legend below the table.
   *
   * @return the Markdown text
   */
  public String toMarkdown() {
    String corner = use == Use.REPLICATION ? "follower \\ leader" : "local \\ remote";
    StringBuilder out = new StringBuilder("| ").append(corner).append(" |");
    StringBuilder rule = new StringBuilder("|---|");
    for (EsVersion v : versions) {
      out.append(' ').append(v).append(" |");
      rule.append(":-:|");
    }
    out.append('\n').append(rule).append('\n');
    for (int r = 0; r < versions.size(); r++) {
      out.append("| **").append(versions.get(r)).append("** |");
      for (int c = 0; c < versions.size(); c++) {
        out.append(' ').append(symbol(cell(r, c), true)).append(" |");
      }
      out.append('\n');
    }
    out.append('\n')
        .append("Y: supported, N: not supported, *: inferred from documented rules beyond the")
        .append(" published table, ?: cannot be decided yet.\n");
    return out.toString();
  }

  private static String symbol(CompatibilityVerdict v, boolean markInferred) {
    if (v.basis() == Basis.UNKNOWN) {
      return "?";
    }
    String s = v.supported() ? "Y" : "N";
    return markInferred && v.basis() == Basis.INFERRED ? s + "*" : s;
  }
}
