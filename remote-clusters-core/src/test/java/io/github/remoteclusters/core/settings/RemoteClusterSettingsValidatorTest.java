package io.github.remoteclusters.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of elasticsearch-semantics.md sections 1 and 6, with Elasticsearch's messages. */
class RemoteClusterSettingsValidatorTest {

  static String persistent(String aliasSettings) {
    return "{\"persistent\":{\"cluster\":{\"remote\":{\"a\":" + aliasSettings + "}}}}";
  }

  static List<SettingsProblem> problems(String body) {
    return RemoteClusterSettingsValidator.validate(body).problems();
  }

  static List<String> messages(String body) {
    return problems(body).stream().map(SettingsProblem::message).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"seeds\":[\"h:9300\"]}",
        "{\"seeds\":\"h1:9300,h2:9300\"}",
        "{\"mode\":\"SNIFF\",\"seeds\":[\"[::1]:9300\"],\"node_connections\":5,\"skip_unavailable\":\"true\"}",
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:9443\",\"server_name\":\"h\",\"proxy_socket_connections\":\"18\"}",
        "{\"mode\":\"Proxy\",\"proxy_address\":\"h:9400\",\"skip_unavailable\":false,"
            + "\"transport\":{\"compress\":\"indexing_data\",\"compression_scheme\":\"LZ4\",\"ping_schedule\":\"30s\"}}",
        "{\"seeds\":[\"h:9300\"],\"transport.ping_schedule\":\"-1\",\"transport.compress\":true}",
        "{\"seeds\":[\"h:70000\"]}",
        "{\"seeds\":[\"h:+9300\"]}",
        "{\"mode\":null,\"seeds\":null,\"skip_unavailable\":null,\"transport.compress\":null}",
        "{\"seeds\":[\"h:9300\"],\"proxy\":\"gw:9300\"}",
      })
  void acceptsWhatElasticsearchAccepts(String alias) {
    assertThat(problems(persistent(alias))).isEmpty();
  }

  @Test
  void flatAndNestedKeysAreTheSame() {
    assertThat(problems("{\"persistent\":{\"cluster.remote.a.seeds\":[\"h:9300\"],"
        + "\"cluster.remote.a.skip_unavailable\":true}}")).isEmpty();
    assertThat(problems("{\"persistent\":{\"cluster.remote\":{\"a.mode\":\"proxy\","
        + "\"a\":{\"seeds\":[\"h:1\"]}}}}"))
        .extracting(SettingsProblem::code).containsExactly(ProblemCode.SETTING_MODE_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"mode\":\"ring\"} | No enum constant org.elasticsearch.transport.RemoteConnectionStrategy.ConnectionStrategy.RING",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":0} | Failed to parse value [0] for setting [cluster.remote.a.node_connections] must be >= 1",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":\"three\"} | Failed to parse value [three] for setting [cluster.remote.a.node_connections]",
        "{\"seeds\":[\"h:9300\"],\"skip_unavailable\":\"yes\"} | Failed to parse value [yes] as only [true] or [false] are allowed.",
        "{\"seeds\":[\"h:9300\"],\"skip_unavailable\":\"True\"} | Failed to parse value [True] as only [true] or [false] are allowed.",
        "{\"seeds\":[\"h\"]} | remote hosts need to be configured as [host:port], found [h] instead",
        "{\"seeds\":[\"h:9300-9400\"]} | failed to parse port",
        "{\"seeds\":[\"h:0\"]} | port number must be > 0 but was: [0]",
        "{\"seeds\":\"h1:9300,\"} | remote hosts need to be configured as [host:port], found [] instead",
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:x\"} | failed to parse port",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"5\"} | failed to parse setting [cluster.remote.a.transport.ping_schedule] with value [5] as a time value: unit is missing or unrecognized",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"1.5s\"} | failed to parse [1.5s], fractional time values are not supported",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"-2s\"} | failed to parse setting [cluster.remote.a.transport.ping_schedule] with value [-2s] as a time value: negative durations are not supported",
        "{\"seeds\":[\"h:1\"],\"transport.compress\":\"gzip\"} | No enum constant org.elasticsearch.transport.Compression.Enabled.GZIP",
        "{\"seeds\":[\"h:1\"],\"transport.compression_scheme\":\"zstd\"} | No enum constant org.elasticsearch.transport.Compression.Scheme.ZSTD",
        "{\"mode\":[\"sniff\"]} | Found list type value for setting [cluster.remote.a.mode] but but did not expect a list for it.",
      })
  void typeParsingWithElasticsearchMessages(String alias, String message) {
    assertThat(problems(persistent(alias)))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.SETTING_INVALID_VALUE);
          assertThat(p.message()).isEqualTo(message);
          assertThat(p.scope()).isEqualTo(SettingsScope.PERSISTENT);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:1\",\"seeds\":[\"h:1\"]} | seeds | SNIFF | PROXY",
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:1\",\"node_connections\":3} | node_connections | SNIFF | PROXY",
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:1\",\"proxy\":\"g:1\"} | proxy | SNIFF | PROXY",
        "{\"seeds\":[\"h:1\"],\"proxy_socket_connections\":3} | proxy_socket_connections | PROXY | SNIFF",
        "{\"seeds\":[\"h:1\"],\"server_name\":\"h\"} | server_name | PROXY | SNIFF",
        "{\"mode\":\"sniff\",\"seeds\":[\"h:1\"],\"proxy_address\":\"h:1\"} | proxy_address | PROXY | SNIFF",
      })
  void modeRule(String alias, String suffix, String required, String configured) {
    assertThat(problems(persistent(alias)))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.SETTING_MODE_MISMATCH);
          assertThat(p.key()).isEqualTo("cluster.remote.a." + suffix);
          assertThat(p.path()).isEqualTo("persistent.cluster.remote.a." + suffix);
          assertThat(p.message())
              .isEqualTo("Setting \"cluster.remote.a." + suffix + "\" cannot be used with the"
                  + " configured \"cluster.remote.a.mode\" [required=" + required + ", configured="
                  + configured + "]");
        });
  }

  @Test
  void proxyAddressWithDefaultModeFailsTheModeRuleAndDoesNotEnable() {
    assertThat(messages(persistent("{\"proxy_address\":\"h:9443\",\"skip_unavailable\":true}")))
        .containsExactly(
            "Setting \"cluster.remote.a.proxy_address\" cannot be used with the configured"
                + " \"cluster.remote.a.mode\" [required=PROXY, configured=SNIFF]",
            "Cannot configure setting [cluster.remote.a.skip_unavailable] if remote cluster is not"
                + " enabled.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"skip_unavailable\":true} | skip_unavailable",
        "{\"seeds\":[],\"skip_unavailable\":true} | skip_unavailable",
        "{\"seeds\":\"\",\"transport.compress\":\"true\"} | transport.compress",
        "{\"transport.ping_schedule\":\"5s\"} | transport.ping_schedule",
        "{\"mode\":\"proxy\",\"transport.compression_scheme\":\"lz4\"} | transport.compression_scheme",
        "{\"mode\":\"proxy\",\"proxy_address\":\"\",\"skip_unavailable\":false} | skip_unavailable",
        "{\"seeds\":null,\"skip_unavailable\":true} | skip_unavailable",
      })
  void enabledRule(String alias, String suffix) {
    assertThat(problems(persistent(alias)))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.SETTING_REMOTE_NOT_ENABLED);
          assertThat(p.message()).isEqualTo("Cannot configure setting [cluster.remote.a." + suffix
              + "] if remote cluster is not enabled.");
        });
  }

  /** Surprising fact 3: removing a remote by nulling seeds alone fails while skip_unavailable is set. */
  @Test
  void removalByNullingOnlySeedsFailsWhenDependentKeysRemain() {
    assertThat(messages(persistent("{\"seeds\":null,\"skip_unavailable\":true}")))
        .containsExactly("Cannot configure setting [cluster.remote.a.skip_unavailable] if remote"
            + " cluster is not enabled.");
    assertThat(problems(persistent("{\"seeds\":null,\"skip_unavailable\":null}"))).isEmpty();
    assertThat(problems("{\"persistent\":{\"cluster.remote.a.*\":null}}")).isEmpty();
  }

  /** Surprising fact 4: each scope must be consistent by itself. */
  @Test
  void scopesAreValidatedOnTheirOwn() {
    String body = "{\"persistent\":{\"cluster.remote.a.mode\":\"proxy\"},"
        + "\"transient\":{\"cluster.remote.a.proxy_address\":\"h:9443\","
        + "\"cluster.remote.a.skip_unavailable\":true}}";
    List<SettingsProblem> p = problems(body);
    assertThat(p).extracting(SettingsProblem::path)
        .containsExactly("transient.cluster.remote.a.proxy_address",
            "transient.cluster.remote.a.skip_unavailable");
    assertThat(p.get(0).message()).contains("[required=PROXY, configured=SNIFF]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cluster.remote.my.remote.seeds | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.my.remote.seeds], not recognized",
        "cluster.remote.a b.seeds | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.a b.seeds], not recognized",
        "cluster.remote.é.seeds | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.é.seeds], not recognized",
        "cluster.remote..seeds | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote..seeds], not recognized",
        "cluster.remote.a.sedes | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.a.sedes], not recognized",
        "cluster.remote.a.credentials | SETTING_NOT_DYNAMIC | persistent setting [cluster.remote.a.credentials], not dynamically updateable",
        "cluster.remote.connections_per_cluster | SETTING_NOT_DYNAMIC | persistent setting [cluster.remote.connections_per_cluster], not dynamically updateable",
        "cluster.remote.initial_connect_timeout | SETTING_NOT_DYNAMIC | persistent setting [cluster.remote.initial_connect_timeout], not dynamically updateable",
        "cluster.remote.node.attr | SETTING_NOT_DYNAMIC | persistent setting [cluster.remote.node.attr], not dynamically updateable",
        "cluster.remote.max_pending_connection_listeners | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.max_pending_connection_listeners], not recognized",
        "cluster.remote.connect | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.connect], not recognized",
        "search.remote.a.seeds | SETTING_NOT_RECOGNIZED | persistent setting [search.remote.a.seeds], not recognized",
      })
  void keyGrammar(String key, ProblemCode code, String message) {
    String body = "{\"persistent\":{\"" + key + "\":\"x\"}}";
    assertThat(problems(body)).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(code);
      assertThat(p.message()).isEqualTo(message);
    });
  }

  @Test
  void upperCaseAliasesAndOtherKeysAreAccepted() {
    assertThat(problems("{\"persistent\":{\"cluster.remote.My-Remote_1.seeds\":\"h:1\","
        + "\"indices.recovery.max_bytes_per_sec\":\"50mb\"}}")).isEmpty();
  }

  @Test
  void nullsOfUnknownOrStaticKeysStillFail() {
    assertThat(messages("{\"transient\":{\"cluster.remote.a.credentials\":null,"
        + "\"cluster.remote.a.nope\":null}}"))
        .containsExactly(
            "transient setting [cluster.remote.a.credentials], not dynamically updateable",
            "transient setting [cluster.remote.a.nope], not recognized");
  }

  @Test
  void bodyShape() {
    assertThat(messages("[]")).containsExactly("request body must be an object but is a list");
    assertThat(messages("{}")).containsExactly("Validation Failed: 1: no settings to update;");
    assertThat(messages("{\"persistant\":{}}"))
        .containsExactly("[cluster_update_settings_request] unknown field [persistant]");
    assertThat(messages("{\"persistent\":5}"))
        .containsExactly("[persistent] must be an object but is a number");
    SettingsReport syntax = RemoteClusterSettingsValidator.validate("{\"persistent\":");
    assertThat(syntax.unreadable()).isTrue();
    assertThat(syntax.valid()).isFalse();
  }

  @Test
  void duplicateFlatAndNestedKeys() {
    assertThat(messages("{\"persistent\":{\"cluster.remote.a.seeds\":\"h:1\","
        + "\"cluster\":{\"remote\":{\"a\":{\"seeds\":\"h:2\"}}}}}"))
        .containsExactly("duplicate settings key [cluster.remote.a.seeds] found, previous value"
            + " [h:1], current value [h:2]");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    assertThat(problems(persistent("{\"mode\":\"proxy\",\"seeds\":[\"h\"],\"skip_unavailable\":1}")))
        .extracting(SettingsProblem::code)
        .containsExactly(ProblemCode.SETTING_INVALID_VALUE, ProblemCode.SETTING_INVALID_VALUE);
  }
}
