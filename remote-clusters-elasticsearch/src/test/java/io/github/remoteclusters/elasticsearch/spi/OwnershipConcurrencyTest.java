package io.github.remoteclusters.elasticsearch.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shared ownership files: several topologies, threads and processes, and broken files. */
class OwnershipConcurrencyTest {

  private static final int ROUNDS = 100;

  @TempDir Path dir;

  private static Process java(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OwnershipHammer.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  void hundredConcurrentRoundsByThreadsAndProcessesLoseNoRecord() throws Exception {
    Path file = dir.resolve("owned.json");
    List<String> threads = List.of("t1", "t2", "t3", "t4");
    List<String> processes = List.of("p1", "p2");
    List<Process> running = new ArrayList<>();
    for (String p : processes) {
      running.add(java("hammer", file.toString(), p, String.valueOf(ROUNDS)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads.size());
    List<Future<?>> done = new ArrayList<>();
    for (String t : threads) {
      done.add(pool.submit(() -> OwnershipHammer.hammer(file, t, ROUNDS)));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (Process p : running) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isZero();
    }
    int lost = 0;
    JsonFileOwnershipStore all = new JsonFileOwnershipStore(file);
    for (String owner : concat(threads, processes)) {
      for (int r = 0; r < ROUNDS; r++) {
        Map<String, String> owners = all.owners("c" + (r % 3));
        if (!owner.equals(owners.get(owner + "-" + r))) {
          lost++;
        }
      }
    }
    System.out.println("OWNERSHIP " + (threads.size() + processes.size()) + " topologies ("
        + threads.size() + " threads, " + processes.size() + " processes) x " + ROUNDS
        + " rounds on one file: " + lost + " records lost");
    assertThat(lost).isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("owned.json", "owned.json.lock");
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void aTopologyNeverRemovesAnothersAliases() {
    Path file = dir.resolve("owned.json");
    OwnershipStore a = OwnershipStore.jsonFile(file, "/t/a.yaml");
    OwnershipStore b = OwnershipStore.jsonFile(file, "/t/b.yaml");
    a.save("c", Set.of("x"));
    b.save("c", Set.of("y"));
    assertThat(a.owned("c")).containsExactly("x");
    assertThat(b.owned("c")).containsExactly("y");
    a.save("c", Set.of());
    assertThat(b.owned("c")).containsExactly("y");
    // b cannot take over a's alias either
    a.save("c", Set.of("x"));
    b.save("c", Set.of("x", "y"));
    assertThat(new JsonFileOwnershipStore(file).owners("c"))
        .containsEntry("x", "/t/a.yaml").containsEntry("y", "/t/b.yaml");
  }

  @Test
  void versionOneFilesAreReadButTheirAliasesAreOwnedByNobodyUntilAdopted() throws IOException {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, "{\"clusters\":{\"c\":[\"x\",\"y\"]}}");
    OwnershipStore a = OwnershipStore.jsonFile(file, "/t/a.yaml");
    assertThat(a.owned("c")).isEmpty(); // version 1 proves no alias was made by this tool
    a.save("c", Set.of("x")); // adopted by a run that decided to own it
    assertThat(a.owned("c")).containsExactly("x");
    assertThat(OwnershipStore.jsonFile(file, "/t/b.yaml").owned("c")).isEmpty();
    assertThat(new JsonFileOwnershipStore(file).owners("c"))
        .isEqualTo(Map.of("x", "/t/a.yaml", "y", ""));
    assertThat(new JsonFileOwnershipStore(file).unproven("c")).containsExactly("y");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"clusters\":{\"c\":[1]}} | at clusters.c[0]: expected an alias (a string) but found",
    "{\"clusters\":{\"c\":[\"a\",{\"a\":\"x\"}]}} | at clusters.c[1]: expected an alias",
    "{\"clusters\":{\"c\":[\"a\",null]}} | at clusters.c[1]: expected an alias",
    "{\"clusters\":{\"c\":[true]}} | at clusters.c[0]: expected an alias",
    "{\"clusters\":{\"c\":[\"a b\"]}} | at clusters.c[0]: alias [a b] is invalid",
    "{\"version\":2,\"clusters\":{\"c\":{\"a\":1}}} | at clusters.c.a: expected the owning topology (a string)",
    "{\"clusters\":{\"c\":{\"a\":\"t\"}}} | at clusters.c: expected a list of aliases (version 1)",
    "{\"version\":3,\"clusters\":{\"c\":{\"a\":\"t\"}}} | at clusters.c.a: expected the link's footprint",
    "{\"version\":3,\"clusters\":{\"c\":{\"a\":{\"topology\":\"t\",\"keyId\":1}}}} | at clusters.c.a.keyId: expected a string",
    "{\"version\":\"3\",\"clusters\":{}} | at version: expected a whole number",
    "{\"version\":0,\"clusters\":{}} | at version: expected 1 to 3",
    "{\"clusters\":{\"c\":\"a\"}} | at clusters.c: expected",
    "{\"clusters\":[]} | at clusters: expected an object",
    "{\"clusters\":{},\"x\":1} | at x: unknown key",
    "{\"version\":4,\"clusters\":{}} | at version: version 4 is newer than this remote-clusters reads",
    "[1] | expected an object",
    "{\"clusters\": | not JSON",
  })
  void wrongTypesAreErrorsNamingTheJsonPathNeverCoerced(String content, String message)
      throws IOException {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, content);
    assertThatThrownBy(() -> OwnershipStore.jsonFile(file, "/t/a.yaml").owned("c"))
        .hasMessageStartingWith("ownership file [" + file + "] is invalid")
        .hasMessageContaining(message);
    assertThatThrownBy(() -> OwnershipStore.jsonFile(file).save("c", Set.of("z")))
        .hasMessageContaining(message);
    assertThat(Files.readString(file)).isEqualTo(content);
  }

  @Test
  void aLockHeldByAnotherProcessIsReportedNamingTheFile() throws Exception {
    Path file = dir.resolve("owned.json");
    OwnershipStore.jsonFile(file).save("c", Set.of("x"));
    JsonFileOwnershipStore store = new JsonFileOwnershipStore(file, "/t/a.yaml", Duration.ofMillis(300));
    Process holder = java("hold", store.lockFile().toString(), "30000");
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> store.save("c", Set.of("y")))
          .hasMessageStartingWith("ownership file [" + file + "] is locked by another run")
          .hasMessageContaining(store.lockFile().toString());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    // the holder died: its lock died with it, the lock file left behind does not block
    store.save("c", Set.of("x", "y"));
    assertThat(store.owned("c")).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("owned.json");
    Files.createDirectories(file); // a directory where the file should be: the move fails
    Files.writeString(file.resolve("keep"), "x");
    assertThatThrownBy(() -> OwnershipStore.jsonFile(dir.resolve("owned.json")).save("c", Set.of("x")))
        .hasMessageContaining("owned.json");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
