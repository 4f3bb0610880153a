package io.github.remoteclusters.elasticsearch;

import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.a95;
import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.b95;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.Pair;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import co.elastic.clients.elasticsearch.security.ApiKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash rounds on real secured 9.5 nodes (issue 17 item 2): a child JVM ({@link CrashChild})
 * applies an add, an access change or a removal and is killed with {@code kill -9} at a seeded
 * random point (the seed is printed; {@code -Drc.crashSeed} replays it); a normal apply then
 * converges, and the remote holds exactly the active keys of live links: one for a link that
 * stays, none after a removal, which also leaves no role and no {@code cluster.remote.<alias>.*}.
 * The next run starts at once after the kill: a key create the child had in flight lands on the
 * node during that run, and its {@code INVALIDATE_API_KEY} of other keys of the link's name
 * (after verification) invalidates it. Rounds per kind: {@code -Drc.crashRounds} (2 by default;
 * the 10 on demand).
 */
class CrashRoundsIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster ca95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster cb95;

  @EsCluster(name = "sec-a819", version = "8.19.21", security = Security.TLS, shared = true)
  static TestCluster ca819;

  @EsCluster(name = "sec-b819", version = "8.19.21", remoteClusterServer = true, shared = true)
  static TestCluster cb819;

  @TempDir Path dir;

  @BeforeAll
  static void share() throws IOException {
    ApiKeyLinkIT.a95 = ca95;
    ApiKeyLinkIT.b95 = cb95;
    ApiKeyLinkIT.a819 = ca819;
    ApiKeyLinkIT.b819 = cb819;
    for (String index : List.of("ak_allowed", "ak_other")) {
      cb95.client().index(i -> i.index(index).id("1")
          .document(Map.of("msg", index + " on " + cb95.name())).refresh(Refresh.True));
    }
  }

  enum Kind { ADD, CHANGE, REMOVE }

  @Test
  void killedAppliesOfAddChangeAndRemoveConvergeWithNoOrphanedKey() throws Exception {
    int rounds = Integer.getInteger("rc.crashRounds", 2);
    long seed = Long.getLong("rc.crashSeed", System.nanoTime());
    System.out.println("CRASH seed " + seed + " (-Drc.crashSeed=" + seed + "), rounds " + rounds);
    Random random = new Random(seed);
    Pair p = new Pair("n", a95, b95);
    String alias = "cr_n";
    Path file = dir.resolve("owned.json");
    CredentialWriter keystores = SecuredClusters.keystores(ApiKeyLinkIT.all());
    List<String> base = List.of("ak_allowed");
    List<String> wider = List.of("ak_allowed", "ak_other");
    try {
      for (Kind kind : Kind.values()) {
        for (int round = 0; round < rounds; round++) {
          // the state before: no link to add, else the link as first made
          converge(file, keystores, kind == Kind.ADD ? List.of() : List.of(base));
          List<List<String>> target = kind == Kind.REMOVE ? List.of()
              : List.of(kind == Kind.ADD ? base : wider);
          long delay = random.nextInt(2500); // from the start of the child's apply
          String seen = runAndKill(file, alias, target, delay);
          // at once: a request the child sent just before it died (a key create) may still be
          // running on the node; the plan's INVALIDATE_API_KEY of other keys of the name, after
          // verification, invalidates such a key
          converge(file, keystores, target);
          List<ApiKey> active = ApiKeyLinkIT.keys(b95, ApiKeyLinkIT.keyName(p, alias));
          System.out.printf("CRASH %s round %d: killed %d ms into the apply (child saw: %s);"
              + " active keys after convergence %d%n", kind, round, delay, seen, active.size());
          String why = kind + " round " + round + ", killed " + delay + " ms into the apply, seed "
              + seed + " (-Drc.crashSeed=" + seed + ")";
          if (target.isEmpty()) {
            assertThat(active).as(why).isEmpty();
          } else {
            // exactly the live link's key: the one its record names
            String recorded = OwnershipStore.jsonFile(file, "crash").footprints(a95.name())
                .get(alias).keyId();
            assertThat(active).as(why).extracting(ApiKey::id).containsExactly(recorded);
          }
          if (kind == Kind.REMOVE) {
            assertThat(LinkLifecycleIT.roleExists(a95, "remote-" + alias)).isFalse();
            assertThat(SecurityModelMigrationIT.settings(a95, alias)).isEqualTo("[]");
          }
        }
      }
    } finally {
      converge(file, keystores, List.of());
    }
    assertThat(ApiKeyLinkIT.keys(b95, ApiKeyLinkIT.keyName(p, alias))).isEmpty();
  }

  private static Topology topology(String alias, List<List<String>> links) {
    Pair p = new Pair("n", a95, b95);
    return ApiKeyLinkIT.topology(links.stream().map(indices -> ApiKeyLinkIT.apiKeyLink(p, alias,
        Mode.PROXY, ApiKeyLinkIT.searchAccess(indices.toArray(String[]::new)))).toList());
  }

  private static void converge(Path file, CredentialWriter keystores, List<List<String>> links) {
    try (Reconciler r = ApiKeyLinkIT.reconciler(OwnershipStore.jsonFile(file, "crash"),
        keystores)) {
      ApplyReport report = r.apply(topology("cr_n", links));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
    }
  }

  /**
   * Starts the child, hands it the clusters and links on stdin, serves its keystore writes, and
   * kills it ({@code destroyForcibly}: SIGKILL) after {@code delayMillis}, or lets it end.
   */
  private static String runAndKill(Path file, String alias, List<List<String>> links,
      long delayMillis) throws Exception {
    ObjectNode config = ApiKeyLinkIT.JSON.createObjectNode();
    config.put("ownership", file.toString());
    ArrayNode clusters = config.putArray("clusters");
    for (TestCluster c : List.of(a95, b95)) {
      ObjectNode n = clusters.addObject();
      n.put("name", c.name());
      n.put("version", c.version());
      n.put("url", c.httpUri().toString());
      n.put("transport", c.transportAddress());
      if (SecuredClusters.hasServer(c)) {
        n.put("server", c.remoteClusterServerAddress());
      }
      n.put("user", c.superuser().username());
      n.put("password", c.superuser().password());
      ArrayNode cas = n.putArray("cas");
      for (X509Certificate ca : c.tls().trusted()) {
        cas.add(encode(ca));
      }
    }
    ArrayNode ls = config.putArray("links");
    for (List<String> indices : links) {
      ObjectNode n = ls.addObject();
      n.put("local", a95.name());
      n.put("remote", b95.name());
      n.put("alias", alias);
      ArrayNode names = n.putArray("indices");
      indices.forEach(names::add);
    }
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName());
    Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
    toChild.write(ApiKeyLinkIT.JSON.writeValueAsString(config) + "\n");
    toChild.flush();
    CountDownLatch ready = new CountDownLatch(1);
    Thread server = new Thread(() -> serve(child, toChild, seen, ready), "crash-child-keystore");
    server.start();
    ready.await(60, TimeUnit.SECONDS); // the JVM started and read its input: the apply begins
    if (!child.waitFor(delayMillis, TimeUnit.MILLISECONDS)) { // a child done before: no kill
      child.destroyForcibly();
      child.waitFor();
    }
    server.join(30_000);
    return String.join(", ", seen);
  }

  private static void serve(Process child, Writer toChild, List<String> seen,
      CountDownLatch ready) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] parts = line.split(" ");
        if (parts[0].equals("READY")) {
          ready.countDown();
          continue;
        } else if (parts[0].equals("STORE")) {
          seen.add("store");
          a95.keystore().put(SecuredClusters.setting(parts[2]),
              new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8));
        } else if (parts[0].equals("REMOVE")) {
          seen.add("remove");
          a95.keystore().remove(SecuredClusters.setting(parts[2]));
        } else {
          seen.add(line);
          continue;
        }
        toChild.write("OK\n");
        toChild.flush();
      }
    } catch (IOException e) {
      seen.add("pipe closed"); // the child was killed while the parent answered
    } finally {
      ready.countDown(); // a child that died before it was ready
    }
  }

  private static String encode(X509Certificate ca) {
    try {
      return Base64.getEncoder().encodeToString(ca.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
