package io.github.remoteclusters.security.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRoleTest {

  @Test
  void searchAndReplicationRolesAreValid() {
    LocalRole search = LocalRole.forCrossClusterSearch("remote-search", List.of("my-remote"), List.of("logs-*"));
    assertThat(search.validate(EsVersion.of(8, 14))).isEmpty();
    assertThat(search.toJson()).contains("\"remote_indices\"").contains("\"read_cross_cluster\"");
    LocalRole ccr = LocalRole.forCrossClusterReplication("ccr", List.of("leader"), List.of("idx"));
    assertThat(ccr.cluster()).containsExactly("manage_ccr");
    assertThat(ccr.validate(EsVersion.of(8, 6))).isEmpty();
  }

  @Test
  void remoteIndicesNeed86AndClusters() {
    LocalRole role = LocalRole.builder("r").remoteIndices(RemoteIndicesPrivileges.of(List.of(), List.of("a"), List.of("read"))).build();
    assertThat(role.validate(EsVersion.of(8, 5))).extracting(ApiKeyProblem::message).containsExactly(
        "failed to parse role [r]. unexpected field [remote_indices] (remote_indices needs 8.6 or later; local cluster is 8.5)",
        "the [remote_indices] sub-field [clusters] must refer to at least one cluster alias or cluster alias pattern");
  }

  @Test
  void remoteClusterRulesByVersion() {
    LocalRole role = LocalRole.builder("r")
        .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich", "monitor_stats"), List.of("rc"))).build();
    assertThat(role.validate(EsVersion.of(8, 17))).isEmpty();
    assertThat(role.validate(EsVersion.of(8, 16))).extracting(ApiKeyProblem::message).containsExactly(
        "failed to parse remote_cluster for role [r]. [monitor_enrich] are the only values allowed for [privileges]"
            + " within [remote_cluster]. Found [monitor_enrich, monitor_stats]");
    assertThat(role.validate(EsVersion.of(8, 14))).extracting(ApiKeyProblem::code).containsExactly(ApiKeyProblemCode.UNSUPPORTED_VERSION);
    LocalRole bad = LocalRole.builder("r")
        .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of()),
            new RemoteClusterPrivileges(List.of(), List.of("x")),
            new RemoteClusterPrivileges(List.of(), List.of()),
            new RemoteClusterPrivileges(List.of("manage"), List.of("x"))).build();
    assertThat(bad.validate(EsVersion.of(9, 0))).extracting(ApiKeyProblem::message).containsExactly(
        "failed to parse remote_cluster for role [r]. [clusters] must be defined when [privileges] are defined",
        "failed to parse remote_cluster for role [r]. [privileges] must be defined when [clusters] are defined",
        "remote cluster groups must not be null or empty",
        "failed to parse remote_cluster for role [r]. [monitor_enrich, monitor_stats] are the only values allowed"
            + " for [privileges] within [remote_cluster]. Found [manage]");
  }
}
