package io.github.remoteclusters.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureGatesTest {

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
    "API_KEY_SECURITY, 8.9.2, UNAVAILABLE",
    "API_KEY_SECURITY, 8.10.0, PREVIEW",
    "API_KEY_SECURITY, 8.13.4, PREVIEW",
    "API_KEY_SECURITY, 8.14.0, GA",
    "API_KEY_SECURITY, 9.2.0, GA",
    "CERTIFICATE_SECURITY, 8.19.0, GA",
    "CERTIFICATE_SECURITY, 9.0.0, DEPRECATED",
    "REMOTE_INDICES_PRIVILEGES, 8.5.3, UNAVAILABLE",
    "REMOTE_INDICES_PRIVILEGES, 8.6.0, GA",
    "REMOTE_CLUSTER_PRIVILEGES, 8.14.3, UNAVAILABLE",
    "REMOTE_CLUSTER_PRIVILEGES, 8.15.0, GA",
    "REMOTE_CLUSTER_MONITOR_STATS, 8.16.1, UNAVAILABLE",
    "REMOTE_CLUSTER_MONITOR_STATS, 8.17.0, GA",
    "ESQL_CROSS_CLUSTER, 8.12.0, UNAVAILABLE",
    "ESQL_CROSS_CLUSTER, 8.13.0, PREVIEW",
    "ESQL_CROSS_CLUSTER, 9.0.0, PREVIEW",
    "ESQL_CROSS_CLUSTER, 9.1.0, GA",
    "ESQL_ENRICH_API_KEY, 8.14.0, UNAVAILABLE",
    "API_KEY_SEARCH_DLS_FLS_WITH_REPLICATION, 8.13.0, PREVIEW",
    "API_KEY_SEARCH_DLS_FLS_WITH_REPLICATION, 8.14.0, REMOVED",
    "PROXY_MODE, 7.6.0, UNAVAILABLE",
    "PROXY_MODE, 7.7.0, GA",
    "STRONG_IDENTITY_VERIFICATION, 9.3.0, PREVIEW",
  })
  void stagesByVersion(Feature feature, String version, FeatureStage stage) {
    FeatureAvailability a = FeatureGates.status(feature, EsVersion.parse(version));
    assertThat(a.stage()).isEqualTo(stage);
    assertThat(a.reason()).contains(version);
  }

  @Test
  void aLinkFeatureIsDecidedByTheOlderCluster() {
    FeatureAvailability a =
        FeatureGates.status(
            Feature.API_KEY_SECURITY, EsVersion.parse("9.1.0"), EsVersion.parse("8.12.0"));
    assertThat(a.stage()).isEqualTo(FeatureStage.PREVIEW);
    assertThat(a.version()).isEqualTo(EsVersion.parse("8.12.0"));
    assertThat(a.reason()).contains("GA from 8.14");
  }

  @ParameterizedTest
  @CsvSource({"7.17.0, false", "8.14.3, false", "8.15.0, true", "9.0.0, true"})
  void skipUnavailableDefaultFlippedIn815(String local, boolean expected) {
    assertThat(FeatureGates.skipUnavailableDefault(EsVersion.parse(local))).isEqualTo(expected);
  }
}
