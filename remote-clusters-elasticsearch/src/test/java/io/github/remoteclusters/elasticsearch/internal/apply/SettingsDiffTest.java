package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.elasticsearch.LinkResult.Change;
import io.github.remoteclusters.core.internal.Json;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {

  static JsonNode text(String s) {
    return Json.NODES.textNode(s);
  }

  static JsonNode list(String... s) {
    var a = Json.NODES.arrayNode();
    for (String x : s) {
      a.add(x);
    }
    return a;
  }

  static ObjectNode sniff(String seed) {
    ObjectNode o = Json.object();
    o.put("mode", "sniff");
    o.set("seeds", list(seed));
    return o;
  }

  @Test
  void sameValuesAsElasticsearchStoresThemWriteNothing() {
    ObjectNode want = sniff("h:9300");
    want.put("node_connections", 2);
    want.put("skip_unavailable", false);
    Map<String, JsonNode> have = new TreeMap<>(Map.of(
        "cluster.remote.a.mode", text("sniff"),
        "cluster.remote.a.seeds", text("h:9300"),
        "cluster.remote.a.node_connections", text("2"),
        "cluster.remote.a.skip_unavailable", text("false")));
    var r = SettingsDiff.compute(Map.of("a", want), Set.of(), Set.of("a"), have, Map.of(),
        Set.of("a"), false);
    assertThat(r.isEmpty()).isTrue();
    assertThat(r.changes()).containsEntry("a", Change.UNCHANGED);
  }

  @Test
  void modeSwitchSetsModeAndNullsTheOtherModesKeys() {
    ObjectNode want = Json.object();
    want.put("mode", "proxy");
    want.put("proxy_address", "h:9300");
    var r = SettingsDiff.compute(Map.of("a", want), Set.of(), Set.of("a"),
        Map.of("cluster.remote.a.seeds", list("h:9300"), "cluster.remote.a.node_connections",
            text("2")), Map.of(), Set.of("a"), false);
    assertThat(r.persistent().toString()).isEqualTo(
        "{\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy_address\":\"h:9300\","
            + "\"cluster.remote.a.node_connections\":null,\"cluster.remote.a.seeds\":null}");
    assertThat(r.changes()).containsEntry("a", Change.UPDATED);
  }

  @Test
  void removalNullsEveryKeyOfBothScopesAndLeavesOtherAliases() {
    var r = SettingsDiff.compute(Map.of(), Set.of(), Set.of("a"),
        Map.of("cluster.remote.a.seeds", list("h:1"), "cluster.remote.a.skip_unavailable",
            text("true"), "cluster.remote.user.seeds", list("u:1")),
        Map.of("cluster.remote.a.transport.compress", text("true")), Set.of("a", "user"), false);
    assertThat(r.persistent().toString()).isEqualTo(
        "{\"cluster.remote.a.seeds\":null,\"cluster.remote.a.skip_unavailable\":null}");
    assertThat(r.transientSettings().toString())
        .isEqualTo("{\"cluster.remote.a.transport.compress\":null}");
    assertThat(r.changes()).containsExactly(Map.entry("a", Change.REMOVED));
    assertThat(r.ownedBeforeWrite()).containsExactly("a");
    assertThat(r.ownedAfterWrite()).isEmpty();
  }

  @Test
  void anExistingAliasNotOwnedIsAConflictUnlessAdopted() {
    Map<String, JsonNode> have = Map.of("cluster.remote.a.seeds", list("x:1"));
    var conflict = SettingsDiff.compute(Map.of("a", sniff("h:1")), Set.of(), Set.of(), have,
        Map.of(), Set.of("a"), false);
    assertThat(conflict.isEmpty()).isTrue();
    assertThat(conflict.changes()).containsEntry("a", Change.CONFLICT);
    // configured only in elasticsearch.yml: _remote/info lists it, the settings do not
    var yml = SettingsDiff.compute(Map.of("a", sniff("h:1")), Set.of(), Set.of(), Map.of(),
        Map.of(), Set.of("a"), false);
    assertThat(yml.changes()).containsEntry("a", Change.CONFLICT);
    var adopted = SettingsDiff.compute(Map.of("a", sniff("h:1")), Set.of(), Set.of(), have,
        Map.of(), Set.of("a"), true);
    assertThat(adopted.changes()).containsEntry("a", Change.UPDATED);
    assertThat(adopted.ownedBeforeWrite()).containsExactly("a");
  }

  @Test
  void removalOfAnAliasNotOwnedIsRefusedAndAGoneOwnedAliasIsForgotten() {
    var r = SettingsDiff.compute(Map.of(), Set.of("user"), Set.of("gone"),
        Map.of("cluster.remote.user.seeds", list("u:1")), Map.of(), Set.of("user"), false);
    assertThat(r.isEmpty()).isTrue();
    assertThat(r.changes()).containsEntry("user", Change.NOT_OWNED)
        .containsEntry("gone", Change.FORGOTTEN);
    assertThat(r.ownedAfterWrite()).isEmpty();
  }

  @Test
  void transientKeysOfAnOwnedAliasAreNulledAndCommaSeedsCompareAsAList() {
    var r = SettingsDiff.compute(Map.of("a", sniff("h:1")), Set.of(), Set.of("a"),
        Map.of("cluster.remote.a.mode", text("sniff"), "cluster.remote.a.seeds", text("h:1")),
        Map.of("cluster.remote.a.skip_unavailable", text("false")), Set.of("a"), false);
    assertThat(r.persistent().isEmpty()).isTrue();
    assertThat(r.body().toString())
        .isEqualTo("{\"transient\":{\"cluster.remote.a.skip_unavailable\":null}}");
    assertThat(SettingsDiff.same("seeds", text("a:1, b:2"), list("a:1", "b:2"))).isTrue();
  }

  @Test
  void nodeLevelKeysAreNotAliases() {
    assertThat(SettingsDiff.byAlias(Map.of("cluster.remote.initial_connect_timeout", text("30s"),
        "cluster.remote.a.transport.compress", text("true"))))
        .containsOnlyKeys("a");
  }
}
