package io.github.remoteclusters.compat.internal;

import io.github.remoteclusters.compat.EsVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables Elastic publishes, shipped as CSV resources in this jar: the cross-cluster search
 * matrix (rows local, columns remote) and the cross-cluster replication matrix (rows leader,
 * columns follower, groups of versions as in the docs).
 */
public final class DocumentedTables {

  private static final int MAX_MAJOR = 16;
  private static final int MAX_MINOR = 64;

  private static final DocumentedTables INSTANCE = new DocumentedTables();

  private final List<EsVersion> searchVersions;
  private final int[][] searchIndex = new int[MAX_MAJOR][MAX_MINOR];
  private final boolean[][] search;
  private final List<String> ccrGroups;
  private final EsVersion[][] ccrRanges;
  private final boolean[][] ccr;

  private DocumentedTables() {
    for (int[] row : searchIndex) {
      Arrays.fill(row, -1);
    }
    List<String[]> rows = read("ccs-compatibility-matrix.csv");
    String[] header = rows.get(0);
    List<EsVersion> versions = new ArrayList<>();
    for (int i = 1; i < header.length; i++) {
      EsVersion v = EsVersion.parse(header[i]);
      versions.add(v);
      searchIndex[v.major()][v.minor()] = i - 1;
    }
    searchVersions = List.copyOf(versions);
    search = cells(rows, versions.size());

    rows = read("ccr-compatibility-matrix.csv");
    header = rows.get(0);
    List<String> groups = new ArrayList<>();
    ccrRanges = new EsVersion[header.length - 1][];
    for (int i = 1; i < header.length; i++) {
      groups.add(header[i]);
      String[] bounds = header[i].split("-", 2);
      ccrRanges[i - 1] =
          new EsVersion[] {
            EsVersion.parse(bounds[0]), EsVersion.parse(bounds[bounds.length - 1])
          };
    }
    ccrGroups = List.copyOf(groups);
    ccr = cells(rows, groups.size());
  }

  /**
   * The shared instance.
   *
   * @return the tables
   */
  public static DocumentedTables get() {
    return INSTANCE;
  }

  private static boolean[][] cells(List<String[]> rows, int size) {
    boolean[][] cells = new boolean[size][size];
    for (int r = 0; r < size; r++) {
      String[] row = rows.get(r + 1);
      for (int c = 0; c < size; c++) {
        cells[r][c] = "Y".equals(row[c + 1]);
      }
    }
    return cells;
  }

  private static List<String[]> read(String name) {
    try (InputStream in = DocumentedTables.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The versions of the documented search matrix, in table order.
   *
   * @return 7.17 to 9.3
   */
  public List<EsVersion> searchVersions() {
    return searchVersions;
  }

  /**
   * The index of a minor line in the search matrix.
   *
   * @param v the version
   * @return the index, or -1 when the table does not list it
   */
  public int searchIndex(EsVersion v) {
    int major = v.major();
    int minor = v.minor();
    return major < MAX_MAJOR && minor < MAX_MINOR ? searchIndex[major][minor] : -1;
  }

  /**
   * A cell of the search matrix.
   *
   * @param localIndex the row
   * @param remoteIndex the column
   * @return whether the docs say the local can search the remote
   */
  public boolean search(int localIndex, int remoteIndex) {
    return search[localIndex][remoteIndex];
  }

  /**
   * The group of the CCR matrix a version falls in.
   *
   * @param v the version
   * @return the group index, or -1 when the table does not cover it
   */
  public int ccrGroup(EsVersion v) {
    for (int i = 0; i < ccrRanges.length; i++) {
      if (v.compareMinor(ccrRanges[i][0]) >= 0 && v.compareMinor(ccrRanges[i][1]) <= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The label of a CCR group as the docs write it, such as {@code 7.1–7.16}.
   *
   * @param group the group index
   * @return the label
   */
  public String ccrGroupLabel(int group) {
    return ccrGroups.get(group).replace('-', '\u2013');
  }

  /**
   * A cell of the CCR matrix.
   *
   * @param leaderGroup the row (remote, leader)
   * @param followerGroup the column (local, follower)
   * @return whether the docs allow the pair
   */
  public boolean ccr(int leaderGroup, int followerGroup) {
    return ccr[leaderGroup][followerGroup];
  }
}
