package io.github.remoteclusters.elasticsearch.internal.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.json.JsonpSerializable;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.plan.StepEncoder;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.FieldSecurity;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.RemoteClusterPrivileges;
import io.github.remoteclusters.security.apikey.RemoteIndicesPrivileges;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The typed requests built from the plan's payloads carry the bodies {@link StepEncoder} writes
 * for the same payloads (the plan, the dry run and {@code --curl} show those), whether built from
 * the payload or read back from that body.
 */
class EsRequestsTest {

  static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();

  static JsonNode body(JsonpSerializable typed) {
    return EsJson.tree(JsonpUtils.toJsonString(typed, MAPPER));
  }

  static JsonNode encoded(StepPayload payload) {
    return EsJson.tree(StepEncoder.request(payload).orElseThrow().body());
  }

  static Stream<CrossClusterAccess> accesses() {
    return Stream.of(
        new CrossClusterAccess(List.of(SearchAccess.of("logs-*", "metrics-*")), List.of()),
        new CrossClusterAccess(List.of(), List.of(ReplicationAccess.of("orders-*"))),
        new CrossClusterAccess(List.of(new SearchAccess(List.of("logs-*"),
            "{\"match_all\":{}}", new FieldSecurity(List.of("*"), List.of("secret")), true)),
            List.of(new ReplicationAccess(List.of(".security*"), true))),
        new CrossClusterAccess(List.of(new SearchAccess(List.of("a"),
            "{\"term\":{\"tenant\":{\"value\":\"x\"}}}", new FieldSecurity(List.of("f*"), List.of()),
            false)), List.of()),
        // a query that is not an object in compact form is sent as its text
        new CrossClusterAccess(List.of(new SearchAccess(List.of("a"),
            "{ \"match_all\": {} }", null, false)), List.of()));
  }

  @ParameterizedTest
  @MethodSource("accesses")
  void aKeyCreationCarriesTheEncodedBody(CrossClusterAccess access) {
    for (String expiration : new String[] {null, "30d"}) {
      var payload = new StepPayload.CreateCrossClusterApiKey("dc2", "remote-clusters-dc1-dc2",
          "dc1", access, expiration);
      JsonNode expected = encoded(payload);
      assertThat(body(EsRequests.createKey(payload))).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("accesses")
  void aKeyUpdateCarriesTheEncodedBody(CrossClusterAccess access) {
    var payload = new StepPayload.UpdateCrossClusterApiKey("dc2", "key-id", access);
    JsonNode expected = encoded(payload);
    assertThat(body(EsRequests.updateKey("key-id", access))).isEqualTo(expected);
  }

  static Stream<LocalRole> roles() {
    return Stream.of(
        LocalRole.forCrossClusterSearch("remote-dc2", List.of("dc2"), List.of("logs-*")),
        LocalRole.forCrossClusterReplication("remote-dc2", List.of("dc2"), List.of("orders-*")),
        LocalRole.builder("remote-dc2").cluster("monitor")
            .remoteIndices(new RemoteIndicesPrivileges(List.of("dc2", "dc3*"), List.of("logs-*"),
                List.of("read"), "{\"match_all\":{}}",
                new FieldSecurity(List.of("*"), List.of("secret")), true))
            .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich", "monitor_stats"),
                List.of("dc2")))
            .build(),
        LocalRole.builder("remote-dc2")
            .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of("*")))
            .build());
  }

  @ParameterizedTest
  @MethodSource("roles")
  void aRoleCarriesTheEncodedBody(LocalRole role) {
    JsonNode expected = encoded(new StepPayload.CreateLocalRole("dc2", role));
    assertThat(body(EsRequests.putRole(role))).isEqualTo(expected);
  }

  @Test
  void remoteClusterPrivilegesAreReadAsElasticsearchReadsThem() {
    assertThat(EsRequests.remoteClusterPrivilege(" Monitor_Enrich").jsonValue())
        .isEqualTo("monitor_enrich");
    assertThatThrownBy(() -> EsRequests.remoteClusterPrivilege("all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[all]").hasMessageContaining("monitor_stats");
  }
}
