package io.github.remoteclusters.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.ProblemCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
        "{\"seeds\":\"h1:9300,\"}",
        "{\"seeds\":\" h1:9300 , h2:9300 \"}",
        "{\"seeds\":\"\"}",
        "{\"seeds\":[],\"proxy\":\"gw:9300\"}",
        "{\"seeds\":[\"[::1]:9300\",\":9300\",\"h:99999999\"]}",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"5MS\"}",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"5H\"}",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"-1s\"}",
        "{\"seeds\":[\"h:1\"],\"transport.compress\":\"INDEXING_DATA\"}",
        "{\"seeds.foo\":\"h:1\"}",
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
        "{\"seeds\":\"h1:9300, ,h2:9300\"} | remote hosts need to be configured as [host:port], found [] instead",
        "{\"seeds\":[\"\"]} | remote hosts need to be configured as [host:port], found [] instead",
        "{\"seeds\":[\"h: 9300\"]} | failed to parse port",
        "{\"seeds\":[\"h:1 \"]} | failed to parse port",
        "{\"seeds\":[\"h:\"]} | failed to parse port",
        "{\"seeds.foo\":\"h\"} | remote hosts need to be configured as [host:port], found [h] instead",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":1.0} | Failed to parse value [1.0] for setting [cluster.remote.a.node_connections]",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":[2,3]} | Failed to parse value [[2, 3]] for setting [cluster.remote.a.node_connections]",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":99999999999} | Failed to parse value [99999999999] for setting [cluster.remote.a.node_connections] must be <= 2147483647",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":\"99999999999999999999\"} | Failed to parse value [99999999999999999999] for setting [cluster.remote.a.node_connections] must be <= 2147483647",
        "{\"seeds\":[\"h:9300\"],\"node_connections\":-99999999999} | Failed to parse value [-99999999999] for setting [cluster.remote.a.node_connections] must be >= 1",
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:1\",\"proxy_socket_connections\":0} | Failed to parse value [0] for setting [cluster.remote.a.proxy_socket_connections] must be >= 1",
        "{\"seeds\":[\"h:9300\"],\"skip_unavailable\":[\"true\"]} | Failed to parse value [[true]] as only [true] or [false] are allowed.",
        "{\"skip_unavailable.x\":\"garbage\"} | Failed to parse value [garbage] as only [true] or [false] are allowed.",
        "{\"mode.x\":\"ring\"} | No enum constant org.elasticsearch.transport.RemoteConnectionStrategy.ConnectionStrategy.RING",
        "{\"mode\":[]} | No enum constant org.elasticsearch.transport.RemoteConnectionStrategy.ConnectionStrategy.[]",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"5M\"} | failed to parse setting [cluster.remote.a.transport.ping_schedule] with value [5M] as a time value: unit is missing or unrecognized",
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:x\"} | failed to parse port",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"5\"} | failed to parse setting [cluster.remote.a.transport.ping_schedule] with value [5] as a time value: unit is missing or unrecognized",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"1.5s\"} | failed to parse [1.5s], fractional time values are not supported",
        "{\"seeds\":[\"h:1\"],\"transport.ping_schedule\":\"-2s\"} | failed to parse setting [cluster.remote.a.transport.ping_schedule] with value [-2s] as a time value: negative durations are not supported",
        "{\"seeds\":[\"h:1\"],\"transport.compress\":\"gzip\"} | No enum constant org.elasticsearch.transport.Compression.Enabled.GZIP",
        "{\"seeds\":[\"h:1\"],\"transport.compression_scheme\":\"zstd\"} | No enum constant org.elasticsearch.transport.Compression.Scheme.ZSTD",
        "{\"mode\":[\"sniff\"]} | No enum constant org.elasticsearch.transport.RemoteConnectionStrategy.ConnectionStrategy.[SNIFF]",
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
        "cluster.remote.a.signing.key | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.a.signing.key], not recognized",
        "cluster.remote.a.signing.keystore.path | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.a.signing.keystore.path], not recognized",
        "cluster.remote.a.signing.key.secure_passphrase | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.a.signing.key.secure_passphrase], not recognized",
        "cluster.remote.signing.certificate_authorities | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.signing.certificate_authorities], not recognized",
        "cluster.remote.signing.truststore.path | SETTING_NOT_RECOGNIZED | persistent setting [cluster.remote.signing.truststore.path], not recognized",
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
    // Elasticsearch ignores unknown top-level fields
    assertThat(messages("{\"persistant\":{}}"))
        .containsExactly("Validation Failed: 1: no settings to update;");
    assertThat(messages("{\"persistent\":{\"cluster\":{}}}"))
        .containsExactly("Validation Failed: 1: no settings to update;");
    assertThat(problems("{\"foo\":1,\"persistent\":{\"cluster.remote.a.seeds\":\"h:1\"}}"))
        .isEmpty();
    assertThat(messages("{\"persistent\":5}"))
        .containsExactly("[persistent] must be an object but is a number");
    SettingsReport syntax = RemoteClusterSettingsValidator.validate("{\"persistent\":");
    assertThat(syntax.unreadable()).isTrue();
    assertThat(syntax.valid()).isFalse();
  }

  /** 9.5.3 and 8.19.21 accept a key given both flat and nested, keeping the flat one. */
  @Test
  void duplicateFlatAndNestedKeysAreAccepted() {
    assertThat(problems("{\"persistent\":{\"cluster.remote.a.seeds\":\"h:1\","
        + "\"cluster\":{\"remote\":{\"a\":{\"seeds\":\"h\"}}}}}")).isEmpty();
    assertThat(problems("{\"persistent\":{\"cluster\":{\"remote.a.seeds\":\"h\"},"
        + "\"cluster.remote.a.seeds\":\"h:1\"}}")).isEmpty();
  }

  @Test
  void sniffProxyWithSeedsPresentFailsTheModeRule() {
    assertThat(messages(persistent(
        "{\"mode\":\"proxy\",\"proxy_address\":\"h:1\",\"seeds\":[],\"proxy\":\"g:1\"}")))
        .containsExactly(
            "Setting \"cluster.remote.a.proxy\" cannot be used with the configured"
                + " \"cluster.remote.a.mode\" [required=SNIFF, configured=PROXY]",
            "Setting \"cluster.remote.a.seeds\" cannot be used with the configured"
                + " \"cluster.remote.a.mode\" [required=SNIFF, configured=PROXY]");
  }

  /** The sniff {@code proxy} setting declares {@code seeds} as a required setting. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"proxy\":\"h:1\"}", "{\"proxy\":\"\"}",
      "{\"mode\":\"proxy\",\"proxy\":\"h:1\"}", "{\"seeds\":null,\"proxy\":\"h:1\"}"})
  void proxyNeedsSeedsInTheSameScope(String alias) {
    assertThat(messages(persistent(alias))).containsExactly(
        "missing required setting [cluster.remote.a.seeds] for setting [cluster.remote.a.proxy]");
  }

  /**
   * Elasticsearch's affix pattern accepts anything after the suffix and a dot: {@code
   * cluster.remote.a.seeds.foo} is the seeds setting under its own key, so it is parsed and
   * checked, but it does not enable the alias.
   */
  @Test
  void keysBelowASuffixAreThatSetting() {
    assertThat(messages(persistent("{\"skip_unavailable.x\":\"true\"}"))).containsExactly(
        "Cannot configure setting [cluster.remote.a.skip_unavailable.x] if remote cluster is not"
            + " enabled.");
    assertThat(messages(persistent("{\"mode\":\"proxy\",\"seeds.foo\":\"h:1\"}")))
        .containsExactly("Setting \"cluster.remote.a.seeds.foo\" cannot be used with the"
            + " configured \"cluster.remote.a.mode\" [required=SNIFF, configured=PROXY]");
    assertThat(messages(persistent("{\"seeds.foo\":\"h:1\",\"skip_unavailable\":true}")))
        .containsExactly("Cannot configure setting [cluster.remote.a.skip_unavailable] if remote"
            + " cluster is not enabled.");
    assertThat(messages(persistent("{\"proxy.x\":\"h:1\"}"))).containsExactly(
        "missing required setting [cluster.remote.a.seeds] for setting [cluster.remote.a.proxy.x]");
    assertThat(messages(persistent("{\"credentials.x\":\"k\"}"))).containsExactly(
        "persistent setting [cluster.remote.a.credentials.x], not dynamically updateable");
  }

  /** Elasticsearch checks transient before persistent, and all keys before the rules between them. */
  @Test
  void problemsComeInElasticsearchOrder() {
    assertThat(messages("{\"persistent\":{\"cluster.remote.a.foo\":\"x\"},"
        + "\"transient\":{\"cluster.remote.b.foo\":\"x\"}}")).containsExactly(
            "transient setting [cluster.remote.b.foo], not recognized",
            "persistent setting [cluster.remote.a.foo], not recognized");
    assertThat(messages("{\"persistent\":{\"cluster.remote.a.skip_unavailable\":\"x\"},"
        + "\"transient\":{\"cluster.remote.b.skip_unavailable\":\"true\"}}")).containsExactly(
            "Failed to parse value [x] as only [true] or [false] are allowed.",
            "Cannot configure setting [cluster.remote.b.skip_unavailable] if remote cluster is not"
                + " enabled.");
  }

  /** Both fail the whole request while the settings are loaded (HTTP 500 on 9.5.3 and 8.19.21). */
  @Test
  void listsOfNonValuesAndNullScopes() {
    assertThat(messages(persistent("{\"seeds\":[\"h:1\",null]}")))
        .containsExactly("only value lists are allowed in serialized settings");
    assertThat(messages(persistent("{\"mode\":[{\"x\":1}]}")))
        .containsExactly("only value lists are allowed in serialized settings");
    assertThat(messages("{\"transient\":null,\"persistent\":{\"cluster.remote.a.seeds\":\"h:1\"}}"))
        .containsExactly("Failed to load settings from [null]");
  }

  /** 9.5.3 and 8.19.21 answer 400 {@code [1:71] Duplicate field 'cluster.remote.a.seeds'}. */
  @Test
  void aFieldTwiceInOneObjectIsInvalidNotUnreadable() {
    SettingsReport report = RemoteClusterSettingsValidator.validate(
        "{\"persistent\":{\"cluster.remote.a.seeds\":\"h:1\",\"cluster.remote.a.seeds\":\"h:2\"}}");
    assertThat(report.unreadable()).isFalse();
    assertThat(report.problems()).extracting(SettingsProblem::message)
        .containsExactly("[1:71] Duplicate field 'cluster.remote.a.seeds'");
  }

  /**
   * Bodies sent to 9.5.3 and 8.19.21 nodes while hardening the validator, each with the reason both
   * nodes gave (nothing after {@code =>}: both accepted it). The validator's first problem is that
   * reason.
   */
  private static final String FROM_REAL_NODES =
      """
      {"persistent":{"cluster.remote.é.seeds":"h:9300"}} => persistent setting [cluster.remote.é.seeds], not recognized
      {"persistent":{"cluster.remote.a b.seeds":"h:9300"}} => persistent setting [cluster.remote.a b.seeds], not recognized
      {"persistent":{"cluster.remote..seeds":"h:9300"}} => persistent setting [cluster.remote..seeds], not recognized
      {"persistent":{"cluster.remote.a:b.seeds":"h:9300"}} => persistent setting [cluster.remote.a:b.seeds], not recognized
      {"persistent":{"cluster.remote.*.seeds":"h:9300"}} => persistent setting [cluster.remote.*.seeds], not recognized
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.node_connections":"+3"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.node_connections":" 3"}} => Failed to parse value [ 3] for setting [cluster.remote.a.node_connections]
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.skip_unavailable":" true"}} => Failed to parse value [ true] as only [true] or [false] are allowed.
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.skip_unavailable":""}} => Failed to parse value [] as only [true] or [false] are allowed.
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.compress":""}} => No enum constant org.elasticsearch.transport.Compression.Enabled.
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.compression_scheme":" lz4"}} => No enum constant org.elasticsearch.transport.Compression.Scheme. LZ4
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":""}} => failed to parse setting [cluster.remote.a.transport.ping_schedule] with value [] as a time value: unit is missing or unrecognized
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"0"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"-01"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"1nanos"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"1 micros"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"9999999999999999999s"}} => failed to parse [9999999999999999999s], fractional time values are not supported
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"-1d"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"5D"}} =>
      {"persistent":{"cluster.remote.a.mode":"","cluster.remote.a.seeds":"h:9300"}} => No enum constant org.elasticsearch.transport.RemoteConnectionStrategy.ConnectionStrategy.
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":"h"}} => remote hosts need to be configured as [host:port], found [h] instead
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":"h:1,h:2"}} =>
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":["h:9300"]}} => failed to parse port
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":" h:9300"}} =>
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":"h:9300 "}} => failed to parse port
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":"h:2147483648"}} => failed to parse port
      {"persistent":{"cluster.remote.a.seeds":["h:1","h:1"]}} =>
      {"persistent":{"cluster.remote.a.seeds":[9300]}} => remote hosts need to be configured as [host:port], found [9300] instead
      {"persistent":{"cluster.remote.a.seeds":[true]}} => remote hosts need to be configured as [host:port], found [true] instead
      {"persistent":{"cluster.remote.a.seeds":9300}} => remote hosts need to be configured as [host:port], found [9300] instead
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.server_name":["x"]}} => Setting "cluster.remote.a.server_name" cannot be used with the configured "cluster.remote.a.mode" [required=PROXY, configured=SNIFF]
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.node_connections":null,"cluster.remote.a.proxy":null}} =>
      {"transient":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.skip_unavailable":false},"persistent":{"cluster.remote.a.skip_unavailable":true}} => Cannot configure setting [cluster.remote.a.skip_unavailable] if remote cluster is not enabled.
      {"persistent":{"cluster.remote.initial_connect_timeout":"x"}} => persistent setting [cluster.remote.initial_connect_timeout], not dynamically updateable
      {"persistent":{"cluster.remote.node.attr":null}} => persistent setting [cluster.remote.node.attr], not dynamically updateable
      {"persistent":{"cluster.remote.a.*":null,"cluster.remote.a.seeds":"h:9300"}} =>
      {"persistent":{"cluster.remote.a.seeds":"h:9300","cluster.remote.a.transport.ping_schedule":"5m"}} =>
      {"persistent":{"cluster.remote.a.seeds.":"h:1"}} =>
      {"persistent":{"cluster.remote.a.transport":"x"}} => persistent setting [cluster.remote.a.transport], not recognized
      {"persistent":{"cluster.remote.a.transport.compress.x":"gzip"}} => No enum constant org.elasticsearch.transport.Compression.Enabled.GZIP
      {"persistent":{"cluster":{"remote":{"a":{"seeds":{"":"h:1"}}}}}} =>
      {"persistent":{"cluster":{"remote":{"a":{"seeds":{"x":["h:1"]},"skip_unavailable":true}}}}} => Cannot configure setting [cluster.remote.a.skip_unavailable] if remote cluster is not enabled.
      {"persistent":{"cluster":{"remote":{"a":{"seeds":{}}}}}} => Validation Failed: 1: no settings to update;
      {"persistent":{"cluster":{"remote":{"a":{}}}},"transient":{"cluster.remote.b.seeds":"h"}} => remote hosts need to be configured as [host:port], found [h] instead
      {"persistent":{"cluster.remote.a.seeds.0":"h:1","cluster.remote.a.seeds.1":"h"}} => remote hosts need to be configured as [host:port], found [h] instead
      {"persistent":{"cluster.remote.a.mode.":"proxy","cluster.remote.a.seeds":"h:9300"}} =>
      {"persistent":{"cluster.remote.A.seeds":"h:9300","cluster.remote.a.skip_unavailable":true}} => Cannot configure setting [cluster.remote.a.skip_unavailable] if remote cluster is not enabled.
      {"persistent":{"cluster.remote.a.skip_unavailable":null,"cluster.remote.a.seeds":null,"cluster.remote.a.mode":"proxy"}} =>
      {"persistent":{"cluster.remote.a.mode":"proxy","cluster.remote.a.proxy_address":"h:9300","cluster.remote.a.server_name":null,"cluster.remote.a.seeds":null,"cluster.remote.a.node_connections":null,"cluster.remote.a.proxy":null}} =>
      """;

  static Stream<Arguments> fromRealNodes() {
    return FROM_REAL_NODES.lines().map(l -> {
      int arrow = l.indexOf(" =>");
      return Arguments.of(l.substring(0, arrow), l.substring(arrow + 3).trim());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fromRealNodes")
  void agreesWithRealNodes(String body, String reason) {
    List<String> messages = messages(body);
    if (reason.isEmpty()) {
      assertThat(messages).isEmpty();
    } else {
      assertThat(messages).first().isEqualTo(reason);
    }
  }

  @Test
  void wildcardAndArchivedNullsAreAcceptedAnywhere() {
    assertThat(problems("{\"persistent\":{\"search.remote.a.*\":null,"
        + "\"archived.cluster.remote.a.seeds\":null}}")).isEmpty();
    assertThat(messages("{\"persistent\":{\"archived.cluster.remote.a.seeds\":\"h:1\"}}"))
        .containsExactly("persistent setting [archived.cluster.remote.a.seeds], not recognized");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    assertThat(problems(persistent("{\"mode\":\"proxy\",\"seeds\":[\"h\"],\"skip_unavailable\":1}")))
        .extracting(SettingsProblem::code)
        .containsExactly(ProblemCode.SETTING_INVALID_VALUE, ProblemCode.SETTING_INVALID_VALUE);
  }
}
