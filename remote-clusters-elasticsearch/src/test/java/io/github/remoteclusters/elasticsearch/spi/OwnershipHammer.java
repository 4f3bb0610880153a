package io.github.remoteclusters.elasticsearch.spi;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * A separate process for {@link OwnershipConcurrencyTest}: {@code hammer FILE TOPOLOGY ROUNDS}
 * saves one more alias per round for its topology; {@code hold LOCKFILE MILLIS} holds the
 * operating-system lock of a store for a while.
 */
public final class OwnershipHammer {

  private OwnershipHammer() {}

  /**
   * Runs one mode.
   *
   * @param args the mode and its arguments
   * @throws Exception on any failure (the process then exits non-zero)
   */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("hold")) {
      try (FileChannel c = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE)) {
        c.lock();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[2]));
      }
      return;
    }
    hammer(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
  }

  /**
   * Saves, for one topology, one more alias per round on one of three clusters.
   *
   * @param file the shared file
   * @param topology the topology
   * @param rounds how many rounds
   */
  static void hammer(Path file, String topology, int rounds) {
    OwnershipStore store = OwnershipStore.jsonFile(file, topology);
    for (int r = 0; r < rounds; r++) {
      String cluster = "c" + (r % 3);
      Set<String> mine = new TreeSet<>(store.owned(cluster));
      mine.add(topology + "-" + r);
      store.save(cluster, mine);
    }
  }
}
