package io.github.remoteclusters.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.internal.Json;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

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

  @Provide
  Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> scalar = Arbitraries.of(SCALARS).map(s -> (JsonNode) Json.NODES.textNode(s));
    Arbitrary<JsonNode> number = Arbitraries.integers().map(i -> (JsonNode) Json.NODES.numberNode(i));
    Arbitrary<JsonNode> bool = Arbitraries.of(true, false).map(b -> (JsonNode) Json.NODES.booleanNode(b));
    Arbitrary<JsonNode> nul = Arbitraries.just(Json.NODES.nullNode());
    Arbitrary<JsonNode> list = Arbitraries.of(SCALARS).list().ofMaxSize(3).map(l -> {
      var a = Json.NODES.arrayNode();
      l.forEach(a::add);
      return (JsonNode) a;
    });
    Arbitrary<JsonNode> object = Arbitraries.just(Json.object().put("x", 1));
    return Arbitraries.oneOf(scalar, number, bool, nul, list, object);
  }

  @Provide
  Arbitrary<JsonNode> bodies() {
    Arbitrary<Tuple.Tuple4<String, String, Boolean, JsonNode>> entry =
        Combinators.combine(Arbitraries.of(ALIASES), Arbitraries.of(SUFFIXES),
            Arbitraries.of(true, false), values()).as(Tuple::of);
    Arbitrary<ObjectNode> scope = entry.list().ofMaxSize(8).map(entries -> {
      ObjectNode s = Json.object();
      for (var e : entries) {
        if (e.get3()) {
          s.set("cluster.remote." + e.get1() + "." + e.get2(), e.get4());
        } else {
          JsonNode remote = s.path("cluster").path("remote");
          ObjectNode r = remote.isObject() ? (ObjectNode) remote
              : s.putObject("cluster").putObject("remote");
          JsonNode alias = r.get(e.get1());
          ObjectNode a = alias != null && alias.isObject() ? (ObjectNode) alias : r.putObject(e.get1());
          a.set(e.get2(), e.get4());
        }
      }
      return s;
    });
    return Combinators.combine(scope, scope, Arbitraries.integers().between(0, 3)).as((p, t, shape) -> {
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
    });
  }

  @Property(tries = 500)
  void neverThrows(@ForAll("bodies") JsonNode body) {
    SettingsReport report = RemoteClusterSettingsValidator.validate(body);
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryText(@ForAll String text) {
    assertThat(RemoteClusterSettingsValidator.validate(text)).isNotNull();
  }

  @Property(tries = 300)
  void neverThrowsOnAnyJsonValue(@ForAll("values") JsonNode value) {
    assertThat(RemoteClusterSettingsValidator.validate(value)).isNotNull();
    assertThat(RemoteClusterSettingsValidator.validate(Json.object().set("persistent", value)))
        .isNotNull();
  }
}
