package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyReaderTest {

  @Test
  void orElseThrowGivesTheTopologyOrTheProblems() {
    TopologyReadResult ok = TopologyReader.parse(
        "clusters:\n  - {name: a, version: \"9.1.0\", deployment: self-managed}\n");
    assertThat(ok.orElseThrow().clusters()).extracting(Cluster::name).containsExactly("a");
    TopologyReadResult bad = TopologyReader.parse("clusters: 3\n");
    assertThat(bad).isInstanceOf(TopologyReadResult.Failed.class);
    assertThatThrownBy(bad::orElseThrow)
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessageContaining(bad.problems().get(0).path())
        .satisfies(e -> assertThat(((InvalidTopologyException) e).problems())
            .isEqualTo(bad.problems()));
  }

  static final String MINIMAL =
      "clusters:\n"
          + "  - {name: a, version: \"9.1.0\", deployment: self-managed}\n"
          + "  - {name: b, version: \"9.1.0\", deployment: eck}\n"
          + "links:\n"
          + "  - {local: a, remote: b, alias: b}\n";

  static Topology load(String text) {
    TopologyReadResult r = TopologyReader.parse(text);
    assertThat(r.problems()).isEmpty();
    return r.orElseThrow();
  }

  static List<Problem> problems(String text) {
    TopologyReadResult r = TopologyReader.parse(text);
    assertThat(r).isInstanceOf(TopologyReadResult.Failed.class);
    return r.problems();
  }

  @Test
  void readsYamlWithDefaults() {
    Topology t = load(MINIMAL);
    assertThat(t.clusters()).hasSize(2);
    Cluster b = t.cluster("b").orElseThrow();
    assertThat(b.version()).isEqualTo(EsVersion.parse("9.1.0"));
    assertThat(b.eck()).isEqualTo(new EckRef("b", "default", "default"));
    assertThat(b.remoteClusterServerEnabled()).isFalse();
    Link l = t.links().get(0);
    assertThat(l.state()).isEqualTo(LinkState.PRESENT);
    assertThat(l.security()).isNull();
    assertThat(l.transport().isEmpty()).isTrue();
  }

  @Test
  void readsJsonWithEveryKey() {
    String json =
        "{\"clusters\":[{\"name\":\"a\",\"version\":\"8.19.2\",\"deployment\":\"ech\","
            + "\"url\":\"https://u:p@a.example.com\",\"transportAddress\":\"a.example.com:9400\","
            + "\"remoteClusterAddress\":\"a.example.com:9443\",\"serverName\":\"a.example.com\","
            + "\"remoteClusterServer\":true,\"license\":\"platinum\"},"
            + "{\"name\":\"b\",\"version\":\"8.19\",\"deployment\":\"eck\","
            + "\"eck\":{\"name\":\"bb\",\"namespace\":\"ns\",\"environment\":\"e1\"}}],"
            + "\"links\":[{\"local\":\"b\",\"remote\":\"a\",\"alias\":\"a-1\",\"security\":\"api-key\","
            + "\"mode\":\"proxy\",\"skipUnavailable\":false,\"proxySocketConnections\":4,"
            + "\"transport\":{\"compress\":\"INDEXING_DATA\",\"compressionScheme\":\"lz4\","
            + "\"pingSchedule\":\"30s\"},\"access\":{\"search\":[{\"names\":[\"x\"]}]},"
            + "\"state\":\"present\"}]}";
    Topology t = load(json);
    Cluster a = t.cluster("a").orElseThrow();
    assertThat(a.license()).isEqualTo(License.PLATINUM);
    assertThat(a.toString()).doesNotContain("u:p").contains(Redaction.REDACTED);
    Link l = t.links().get(0);
    assertThat(l.mode()).isEqualTo(Mode.PROXY);
    assertThat(l.security()).isEqualTo(SecurityModel.API_KEY);
    assertThat(l.skipUnavailable()).isFalse();
    assertThat(l.proxySocketConnections()).isEqualTo(4);
    assertThat(l.transport()).isEqualTo(new TransportOptions("INDEXING_DATA", "lz4", "30s"));
    assertThat(l.wantsSearch()).isTrue();
    assertThat(l.wantsReplication()).isFalse();
    assertThat(l.access())
        .isEqualTo(new CrossClusterAccess(List.of(SearchAccess.of("x")), List.of()));
    assertThat(t.cluster("b").orElseThrow().eck()).isEqualTo(new EckRef("bb", "ns", "e1"));
  }

  @Test
  void unknownKeysGiveTheirPath() {
    List<Problem> p =
        problems(MINIMAL.replace("alias: b}", "alias: b, remtoe: x}") + "extra: 1\n");
    assertThat(p)
        .extracting(Problem::code, Problem::path)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ProblemCode.UNKNOWN_KEY, "links[0].remtoe"),
            org.assertj.core.groups.Tuple.tuple(ProblemCode.UNKNOWN_KEY, "extra"));
    assertThat(p.get(0).message()).contains("allowed keys");
  }

  @Test
  void wrongTypesNameTheValueAndTheRule() {
    List<Problem> p =
        problems(
            "clusters:\n"
                + "  - {name: a, version: 8.10, deployment: self-managed, remoteClusterServer: yes-please}\n"
                + "links: {}\n");
    assertThat(p).extracting(Problem::path)
        .containsExactly("clusters[0].version", "clusters[0].remoteClusterServer", "links");
    assertThat(p.get(0).message()).contains("8.1").contains("quote it");
    assertThat(p.get(0).code()).isEqualTo(ProblemCode.WRONG_TYPE);
    assertThat(p.get(2).message()).isEqualTo("[links] must be a list but is an object");
  }

  @Test
  void duplicateKeysAreErrorsWithPath() {
    List<Problem> p =
        problems("clusters:\n  - name: a\n    name: b\n    version: \"9.1.0\"\n    deployment: eck\n");
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.DUPLICATE_KEY);
      assertThat(x.path()).isEqualTo("clusters[0].name");
      assertThat(x.message()).contains("Duplicate field 'name'");
    });
    List<Problem> json = problems("{\"clusters\":[], \"clusters\":[]}");
    assertThat(json).singleElement().extracting(Problem::code).isEqualTo(ProblemCode.DUPLICATE_KEY);
  }

  @Test
  void duplicateNamesAndDanglingReferences() {
    List<Problem> p =
        problems(
            "clusters:\n"
                + "  - {name: a, version: \"9.1.0\", deployment: self-managed}\n"
                + "  - {name: a, version: \"9.1.0\", deployment: self-managed}\n"
                + "links:\n"
                + "  - {local: a, remote: x, alias: b}\n");
    assertThat(p).extracting(Problem::code, Problem::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ProblemCode.DUPLICATE_NAME, "clusters[1].name"),
            org.assertj.core.groups.Tuple.tuple(ProblemCode.DANGLING_REFERENCE, "links[0].remote"));
    assertThat(p.get(0).message()).isEqualTo("cluster name [a] is already used by clusters[0]");
    assertThat(p.get(1).message()).startsWith("cluster [x] is not defined in [clusters]");
  }

  @Test
  void missingKeys() {
    assertThat(problems("clusters:\n  - {name: a}\nlinks:\n  - {local: a}\n"))
        .extracting(Problem::path)
        .containsExactly(
            "clusters[0].version", "clusters[0].deployment", "links[0].remote", "links[0].alias");
    assertThat(problems("links: []\n")).extracting(Problem::path).containsExactly("clusters");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "alias: my.remote | links[0].alias | alias [my.remote] is invalid: only letters, digits, '_' and '-' are allowed",
        "alias: b, security: apikey | links[0].security | security [apikey] is invalid: expected one of [api-key, certificate, none]",
        "alias: b, nodeConnections: 0 | links[0].nodeConnections | Failed to parse value [0] for setting [node_connections] must be >= 1",
        "alias: b, nodeConnections: 1.5 | links[0].nodeConnections | [nodeConnections] must be a whole number from 1 to 2147483647 but is a number [1.5]",
        "alias: b, transport: {compress: maybe} | links[0].transport.compress | No enum constant org.elasticsearch.transport.Compression.Enabled.MAYBE",
        "alias: b, transport: {pingSchedule: 5} | links[0].transport.pingSchedule | failed to parse setting [cluster.remote.b.transport.ping_schedule] with value [5] as a time value: unit is missing or unrecognized",
        "alias: b, access: [1] | links[0].access | access must be an object (the access body of a cross-cluster API key) but is a list",
        "alias: b, access: {search: [{names: [x], privileges: [read]}]} | links[0].access.search[0].privileges | failed to parse indices privileges for role [cross_cluster]. field [privileges] must not present",
        "alias: b, access: {serch: [{names: [x]}]} | links[0].access.serch | [cross_cluster_api_key_request_access] unknown field [serch] did you mean [search]?",
        "alias: b, state: gone | links[0].state | state [gone] is invalid: expected one of [present, absent]",
      })
  void invalidLinkValues(String replacement, String path, String message) {
    List<Problem> p = problems(MINIMAL.replace("alias: b", replacement));
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo(path);
      assertThat(x.message()).isEqualTo(message);
    });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "transportAddress: host | transportAddress [host] is invalid: remote hosts need to be configured as [host:port], found [host] instead",
        "transportAddress: 'h:9300-9400' | transportAddress [h:9300-9400] is invalid: failed to parse port",
        "transportAddress: 'h:0' | transportAddress [h:0] is invalid: port number must be > 0 but was: [0]",
        "transportAddress: 'h:70000' | transportAddress [h:70000] is invalid: port out of range:70000",
        "url: ftp://x | url [ftp://x] must start with http:// or https://",
        "license: free | license [free] is invalid: expected one of [basic, gold, platinum, enterprise, trial]",
        "eck: {name: A_B} | [eck] is only allowed with deployment [eck], not [self-managed]",
      })
  void invalidClusterValues(String extra, String message) {
    List<Problem> p =
        problems(MINIMAL.replace("deployment: self-managed}", "deployment: self-managed, " + extra + "}"));
    assertThat(p).singleElement().extracting(Problem::message).isEqualTo(message);
  }

  @Test
  void eckNamesFollowKubernetesRules() {
    List<Problem> p = problems(MINIMAL.replace("deployment: eck}", "deployment: eck, eck: {name: Big_Name, namespace: x}}"));
    assertThat(p).singleElement().extracting(Problem::path).isEqualTo("clusters[1].eck.name");
  }

  @Test
  void syntaxErrorsAndUnreadableFilesAreUnreadable() {
    TopologyReadResult r = TopologyReader.parse("clusters: [\n");
    assertThat(r).isInstanceOfSatisfying(TopologyReadResult.Failed.class,
        f -> assertThat(f.unreadable()).isTrue());
    assertThat(r.problems().get(0).code()).isEqualTo(ProblemCode.SYNTAX);
    TopologyReadResult missing = TopologyReader.read(Path.of("/nonexistent/topology.yaml"));
    assertThat(missing).isInstanceOfSatisfying(TopologyReadResult.Failed.class,
        f -> assertThat(f.unreadable()).isTrue());
    TopologyReadResult invalid = TopologyReader.parse("clusters: 1\n");
    assertThat(invalid).isInstanceOfSatisfying(TopologyReadResult.Failed.class,
        f -> assertThat(f.unreadable()).isFalse());
  }

  @Test
  void emptyAndScalarDocumentsAreReportedNotThrown() {
    assertThat(problems("")).singleElement().extracting(Problem::code).isEqualTo(ProblemCode.WRONG_TYPE);
    assertThat(problems("42")).singleElement().extracting(Problem::message)
        .isEqualTo("a topology must be an object with keys [clusters] and [links] but is a number");
  }

  @Test
  void schemaIsShipped() throws Exception {
    try (var in = TopologyReader.class.getResourceAsStream(TopologyReader.SCHEMA_RESOURCE)) {
      assertThat(in).isNotNull();
      var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      assertThat(schema.at("/$defs/link/properties").size()).isEqualTo(13);
      assertThat(schema.at("/$defs/cluster/properties").size()).isEqualTo(17);
    }
  }
}
