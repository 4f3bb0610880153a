package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A topology built in Java is held to the rules of a topology file: the same rule, the same
 * message, whether the reader or a constructor finds it.
 */
class ModelValidationTest {

  private static final EsVersion V = EsVersion.parse("9.5.3");

  private static Cluster cluster(String name, String url, String transport, String rcs) {
    return new Cluster(name, V, Deployment.SELF_MANAGED, null, url, transport, rcs, null, null, null);
  }

  /** The reader's message for a one-cluster, one-field topology. */
  private static String readerMessage(String yamlCluster) {
    TopologyReadResult r = TopologyReader.parse("clusters:\n  - " + yamlCluster + "\n");
    assertThat(r).isInstanceOf(TopologyReadResult.Failed.class);
    return ((TopologyReadResult.Failed) r).problems().get(0).message();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "my.alias", "*", "a/b", "é"})
  void invalidAliasesAreRejectedByLinkAsByTheReader(String alias) {
    assertThatThrownBy(() -> Link.of("a", "b", alias))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alias [" + alias + "] is invalid: only letters, digits, '_' and '-' are allowed");
    if (!alias.isEmpty()) {
      TopologyReadResult r = TopologyReader.parse("clusters:\n"
          + "  - {name: a, version: \"9.5.3\", deployment: self-managed}\n"
          + "  - {name: b, version: \"9.5.3\", deployment: self-managed}\n"
          + "links:\n  - {local: a, remote: b, alias: \"" + alias + "\"}\n");
      assertThat(((TopologyReadResult.Failed) r).problems().get(0).message())
          .isEqualTo("alias [" + alias + "] is invalid: only letters, digits, '_' and '-' are allowed");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "*", ".a", "-a"})
  void invalidClusterNamesAreRejected(String name) {
    assertThatThrownBy(() -> cluster(name, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cluster name [" + name + "] is invalid");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "transportAddress | 192.16#:3000 | is not a host name",
    "transportAddress | h:65536 | port out of range:65536",
    "transportAddress | h:0 | port number must be > 0",
    "transportAddress | ::1:9300 | must be in brackets",
    "transportAddress | [::g]:9300 | is not an IPv6 address",
    "transportAddress | a..b:9300 | is not a host name",
    "transportAddress | -a.b:9300 | is not a host name",
    "remoteClusterAddress | h | need to be configured as [host:port]",
    "remoteClusterAddress | h:99999 | port out of range:99999",
    "url | http://h:65536 | port out of range:65536",
    "url | http://192.16#:3000 | no query (?) or fragment (#)",
    "url | http://h a:9200 | Illegal character",
    "url | ftp://h:21 | must start with http:// or https://",
    "url | http://h_:notaport | expected http://HOST:PORT",
  })
  void invalidAddressesAreRejectedInJavaAndInFilesWithTheSameMessage(
      String field, String value, String rule) {
    String url = field.equals("url") ? value : null;
    String transport = field.equals("transportAddress") ? value : null;
    String rcs = field.equals("remoteClusterAddress") ? value : null;
    assertThatThrownBy(() -> cluster("c", url, transport, rcs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(rule);
    String javaMessage = catchMessage(() -> cluster("c", url, transport, rcs));
    assertThat(readerMessage("{name: c, version: \"9.5.3\", deployment: self-managed, " + field
        + ": \"" + value + "\"}")).isEqualTo(javaMessage);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "http://u:pa/ss-SECRET@h:9200", "http://u:p SECRET@h:9200", "http://u:p[SECRET@h:9200",
    "http://u:SECRET@h:notaport", "http://u:SECRET@h:65536", "http://u:p@SECRET@h a:9200",
    "http://u:1#SECRET@h:9200"})
  void urlMessagesNeverRepeatCredentials(String url) {
    assertThat(catchMessage(() -> cluster("c", url, null, null))).doesNotContain("SECRET");
    assertThat(readerMessage("{name: c, version: \"9.5.3\", deployment: self-managed, url: \""
        + url + "\"}")).doesNotContain("SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "http://127.0.0.1:9200", "https://es.example.com", "https://user:p%40ss@es.example.com:443/",
    "http://[::1]:9200", "https://my-host.internal:9243/prefix"})
  void validUrlsAreAccepted(String url) {
    assertThatCode(() -> cluster("c", url, "[::1]:9300", "es-1.example.com:9443"))
        .doesNotThrowAnyException();
  }

  @Test
  void nullListsAndElementsAreNamed() {
    assertThatThrownBy(() -> new Topology(null, List.of())).hasMessage("clusters");
    assertThatThrownBy(() -> new Topology(java.util.Arrays.asList((Cluster) null), List.of()))
        .hasMessage("clusters[0]");
    assertThatThrownBy(() -> Link.of(null, "b", "x")).hasMessage("local");
  }

  private static String catchMessage(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }
}
