package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.SecurityInputException;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.CrossClusterApiKeys;
import io.github.remoteclusters.security.apikey.ApiKeyProblem;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code apikey check} against real secured 9.5.3 and 8.19.21 nodes: at least 200 bodies of
 * {@code POST /_security/cross_cluster/api_key} (seeded, generated from valid and invalid parts,
 * plus edge cases of Elasticsearch's own tests), each sent to both nodes; our verdict (valid or
 * not) must be the node's, and the reasons are compared and printed.
 */
class ApiKeyCheckDifferentialIT {

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  @EsCluster(name = "sec-b819", version = "8.19.21", remoteClusterServer = true, shared = true)
  static TestCluster b819;

  static final ObjectMapper JSON = new ObjectMapper();

  static final String[] NAMES = {
    "\"diff-k\"", "\"\"", "\" diff-lead\"", "\"_diff\"", "\"diff-" + "x".repeat(1100) + "\"",
    "42", "null"
  };
  static final String[] INDEX_NAMES = {
    "[\"logs-*\"]", "[\"a\",\"b\"]", "[]", "\"single\"", "[\"\"]", "[\"*\"]", "[\".security*\"]",
    "[\"remote:x\"]", "null"
  };
  static final String[] SEARCH_EXTRAS = {
    "", ",\"query\":{\"term\":{\"t\":1}}", ",\"field_security\":{\"grant\":[\"*\"]}",
    ",\"allow_restricted_indices\":true", ",\"allow_restricted_indices\":false",
    ",\"privileges\":[\"read\"]", ",\"unknown\":1", ",\"query\":\"{\\\"match_all\\\":{}}\""
  };
  static final String[] REPLICATION_EXTRAS = {
    "", ",\"query\":{\"term\":{\"t\":1}}", ",\"field_security\":{\"grant\":[\"*\"]}",
    ",\"allow_restricted_indices\":true", ",\"unknown\":1"
  };
  static final String[] EXPIRATIONS = {"", ",\"expiration\":\"1d\"", ",\"expiration\":\"abc\"",
    ",\"expiration\":\"-1\"", ",\"expiration\":\"30m\"", ",\"expiration\":null"};
  static final String[] METADATA = {"", ",\"metadata\":{\"a\":1}", ",\"metadata\":{\"_a\":1}",
    ",\"metadata\":[]"};

  /** The edge cases, as Elasticsearch's tests and parser have them. */
  static final List<String> EDGE = List.of(
      "{\"name\":\"diff-k\",\"access\":{}}",
      "{\"name\":\"diff-k\"}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[]}}",
      "{\"name\":\"diff-k\",\"access\":{\"replication\":[]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[],\"replication\":[]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}],\"other\":[]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":{\"names\":[\"a\"]}}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{}]}}",
      "{\"name\":\"diff-k\",\"role_descriptors\":{},\"access\":{\"search\":[{\"names\":[\"a\"]}]}}",
      "{\"name\":\"diff-k\",\"type\":\"rest\",\"access\":{\"search\":[{\"names\":[\"a\"]}]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}]},\"certificate_identity\":\"CN=x\"}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"],\"field_security\":{\"grant\":[\"a\"],\"except\":[\"b\"]}}]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"],\"field_security\":{\"except\":[\"b\"]}}]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"],\"query\":{\"bogus\":{}}}]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]},{\"names\":[\"b\"]}],\"replication\":[{\"names\":[\"c\"]}]}}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}]},\"expiration\":\"0s\"}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}]},\"expiration\":\"1nanos\"}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}]},\"expiration\":\"10000d\"}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}]},\"expiration\":5}",
      "{\"name\":\"diff-k\",\"access\":{\"search\":[{\"names\":[\"a\"]}]},\"metadata\":{\"nested\":{\"_x\":1}}}",
      "[]",
      "{\"name\":\"diff-k\",\"access\":null}",
      "{\"name\":\"diff-k\",\"name\":\"diff-j\",\"access\":{\"search\":[{\"names\":[\"a\"]}]}}");

  record Outcome(boolean valid, String reason) {}

  /** Ids of the keys the node created, invalidated in one request per node afterwards. */
  static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Requests in flight per node: a valid body makes a key, whose write waits for the security
   * index's refresh, so one at a time would spend most of the test waiting.
   */
  static final int IN_FLIGHT = 8;

  @Test
  void ourVerdictIsTheNodesOnAtLeast200Bodies() throws Exception {
    long seed = Long.getLong("differential.seed", 20261127L);
    Random random = new Random(seed);
    List<String> bodies = new ArrayList<>(EDGE);
    while (bodies.size() < 230) {
      bodies.add(generate(random));
    }
    int checked = 0;
    int reasonsAgree = 0;
    int bothInvalid = 0;
    List<String> verdictDiffs = new ArrayList<>();
    List<String> reasonDiffs = new ArrayList<>();
    for (TestCluster node : List.of(b95, b819)) {
      HttpClient http = HttpClient.newBuilder().sslContext(node.sslContext())
          .connectTimeout(Duration.ofSeconds(10)).build();
      EsVersion version = EsVersion.parse(node.version());
      List<Outcome> outcomes = sendAll(http, node, bodies);
      for (int b = 0; b < bodies.size(); b++) {
        String body = bodies.get(b);
        Outcome es = outcomes.get(b);
        List<String> ourProblems = ourProblems(body, version);
        boolean oursValid = ourProblems.isEmpty();
        checked++;
        if (oursValid != es.valid()) {
          verdictDiffs.add(node.version() + " " + shorten(body) + " -> ES " + es + ", ours "
              + ourProblems);
        } else if (!es.valid()) {
          bothInvalid++;
          String esReason = norm(es.reason());
          boolean agree = ourProblems.stream().map(ApiKeyCheckDifferentialIT::norm)
              .anyMatch(m -> esReason.contains(m) || java.util.Arrays.stream(esReason.split(" \\| "))
                  .anyMatch(part -> !part.isBlank() && m.contains(part.replaceAll("^\\d+ ", ""))));
          if (agree) {
            reasonsAgree++;
          } else {
            reasonDiffs.add(node.version() + " " + shorten(body) + "\n    ES:   " + es.reason()
                + "\n    ours: " + ourProblems.get(0));
          }
        }
      }
      if (!CREATED.isEmpty()) {
        node.client().security().invalidateApiKey(i -> i.ids(CREATED));
        CREATED.clear();
      }
    }
    System.out.println("DIFFERENTIAL apikey check (seed " + seed + "): " + checked
        + " checks (" + bodies.size() + " bodies x 2 versions), verdict disagreements "
        + verdictDiffs.size() + ", both invalid " + bothInvalid + ", same reason " + reasonsAgree);
    verdictDiffs.forEach(d -> System.out.println("VERDICT " + d));
    reasonDiffs.forEach(d -> System.out.println("REASON " + d));
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(200);
    assertThat(verdictDiffs).as("verdicts that differ from Elasticsearch (seed " + seed + ")")
        .isEmpty();
  }

  /** Our checker's error messages; unreadable JSON is one problem too. */
  static List<String> ourProblems(String body, EsVersion version) {
    try {
      ApiKeyCheck check = CrossClusterApiKeys.check(body, version);
      return check.problems().stream().map(ApiKeyProblem::message).toList();
    } catch (SecurityInputException e) {
      return List.of(String.valueOf(e.getMessage()));
    }
  }

  static String generate(Random r) {
    StringBuilder access = new StringBuilder("{");
    boolean search = r.nextInt(4) != 0;
    boolean replication = r.nextInt(3) == 0;
    if (search) {
      access.append("\"search\":[{\"names\":").append(pick(r, INDEX_NAMES))
          .append(pick(r, SEARCH_EXTRAS)).append("}]");
    }
    if (replication) {
      access.append(search ? "," : "").append("\"replication\":[{\"names\":")
          .append(pick(r, INDEX_NAMES)).append(pick(r, REPLICATION_EXTRAS)).append("}]");
    }
    access.append("}");
    String name = r.nextInt(5) == 0 ? pick(r, NAMES) : "\"diff-k\"";
    return "{\"name\":" + name + ",\"access\":" + access + pick(r, EXPIRATIONS)
        + pick(r, METADATA) + "}";
  }

  static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  /** The node's outcome for each body, in order, with {@link #IN_FLIGHT} requests at a time. */
  static List<Outcome> sendAll(HttpClient http, TestCluster node, List<String> bodies)
      throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
      for (String body : bodies) {
        futures.add(pool.submit(() -> send(http, node, body)));
      }
      List<Outcome> out = new ArrayList<>();
      for (java.util.concurrent.Future<Outcome> f : futures) {
        out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Outcome send(HttpClient http, TestCluster node, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            node.httpUri().resolve("/_security/cross_cluster/api_key"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", node.superuser().basicAuthorization())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    if (response.statusCode() == 200) {
      CREATED.add(json.path("id").asText());
      return new Outcome(true, "");
    }
    // the reason and every reason it was caused by: the parser wraps the real one
    JsonNode error = json.path("error");
    StringBuilder reason = new StringBuilder(error.isTextual() ? error.asText() : "");
    for (JsonNode e = error; e.has("reason"); e = e.path("caused_by")) {
      reason.append(reason.length() == 0 ? "" : " | ").append(e.path("reason").asText());
    }
    return new Outcome(false, response.statusCode() + " " + reason);
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\[\\]\"'`]", "").replaceAll("\\s+", " ").trim();
  }

  static String shorten(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
