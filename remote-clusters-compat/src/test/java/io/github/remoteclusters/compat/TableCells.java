package io.github.remoteclusters.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Reads a published table kept under test resources: (row, column, cell is Y) per cell. */
final class TableCells {

  private TableCells() {}

  static String text(String resource) {
    try (InputStream in = TableCells.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Arguments> cells(String resource) {
    String[] lines = text(resource).split("\n");
    String[] header = lines[0].split(",");
    List<Arguments> cells = new ArrayList<>();
    for (int r = 1; r < lines.length; r++) {
      String[] row = lines[r].split(",");
      for (int c = 1; c < header.length; c++) {
        cells.add(Arguments.of(row[0], header[c], row[c].equals("Y")));
      }
    }
    return cells;
  }
}
