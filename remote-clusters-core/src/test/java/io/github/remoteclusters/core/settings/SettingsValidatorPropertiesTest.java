package io.github.remoteclusters.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.core.internal.SettingsCheck;
import io.github.remoteclusters.testing.Gen;
import io.github.remoteclusters.testing.SeededCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/** No settings body makes the validator throw; it only reports problems. */
class SettingsValidatorPropertiesTest {

  static final List<String> ALIASES = List.of("a", "B-1", "my.remote", "", "é", "x_y", "*");
  static final List<String> SUFFIXES =
      List.of("mode", "seeds", "node_connections", "proxy", "proxy_address",
          "proxy_socket_connections", "server_name", "skip_unavailable", "transport.ping_schedule",
          "transport.compress", "transport.compression_scheme", "credentials", "nope", "*",
          "signing.key");
  static final List<String> SCALARS =
      List.of("", "sniff", "PROXY", "h:9300", "[::1]:9", "h", "h:0", "h:9300-9400", "true", "yes",
          "0", "-1", "3", "30s", "1.5s", "-2s", "lz4", "indexing_data", "a,b", "h:1,", ":1");

  static JsonNode value(Gen gen) {
    switch (gen.intBetween(0, 5)) {
      case 0:
        return Json.NODES.textNode(gen.oneOf(SCALARS));
      case 1:
        return Json.NODES.numberNode(gen.anyInt());
      case 2:
        return Json.NODES.booleanNode(gen.bool());
      case 3:
        return Json.NODES.nullNode();
      case 4: {
        var a = Json.NODES.arrayNode();
        gen.list(3, () -> gen.oneOf(SCALARS)).forEach(a::add);
        return a;
      }
      default:
        return Json.object().put("x", 1);
    }
  }

  static ObjectNode scope(Gen gen) {
    ObjectNode s = Json.object();
    int entries = gen.intBetween(0, 8);
    for (int i = 0; i < entries; i++) {
      String alias = gen.oneOf(ALIASES);
      String suffix = gen.oneOf(SUFFIXES);
      boolean flat = gen.bool();
      JsonNode value = value(gen);
      if (flat) {
        s.set("cluster.remote." + alias + "." + suffix, value);
      } else {
        JsonNode remote = s.path("cluster").path("remote");
        ObjectNode r = remote.isObject() ? (ObjectNode) remote
            : s.putObject("cluster").putObject("remote");
        JsonNode existing = r.get(alias);
        ObjectNode a = existing != null && existing.isObject() ? (ObjectNode) existing : r.putObject(alias);
        a.set(suffix, value);
      }
    }
    return s;
  }

  static JsonNode body(Gen gen) {
    ObjectNode p = scope(gen);
    ObjectNode t = scope(gen);
    int shape = gen.intBetween(0, 3);
    ObjectNode body = Json.object();
    if (shape != 1) {
      body.set("persistent", p);
    }
    if (shape != 2) {
      body.set("transient", t);
    }
    if (shape == 3) {
      body.put("other", 1);
    }
    return body;
  }

  @ParameterizedTest
  @SeededCases(500)
  void neverThrows(Gen gen) {
    SettingsReport report = SettingsCheck.validate(body(gen));
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
  }

  @ParameterizedTest
  @SeededCases(300)
  void neverThrowsOnArbitraryText(Gen gen) {
    assertThat(RemoteClusterSettingsValidator.validate(gen.anyString())).isNotNull();
  }

  @ParameterizedTest
  @SeededCases(300)
  void neverThrowsOnAnyJsonValue(Gen gen) {
    JsonNode value = value(gen);
    assertThat(SettingsCheck.validate(value)).isNotNull();
    assertThat(SettingsCheck.validate(Json.object().set("persistent", value)))
        .isNotNull();
  }
}
