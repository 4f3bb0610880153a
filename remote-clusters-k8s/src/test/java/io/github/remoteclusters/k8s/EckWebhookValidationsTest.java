package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckRef;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ECK's webhook cases, ported from {@code cloud-on-k8s}
 * ({@code pkg/controller/elasticsearch/validation/validations_test.go}: {@code
 * Test_supportsRemoteClusterUsingAPIKey} and {@code Test_validName}) with the same inputs and
 * outcome, expressed as topologies.
 */
class EckWebhookValidationsTest {

  private static final EckAdapter ADAPTER = EckAdapter.of(EckOptions.defaults());

  private static List<Problem> errors(String yaml) {
    return errors(Topologies.parse(yaml));
  }

  private static List<Problem> errors(Topology t) {
    return ADAPTER.render(t, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create()).problems().stream().filter(Problem::isError).toList();
  }

  private static String alone(String version, String extra) {
    return """
        clusters:
          - name: foo
            version: "%s"
            deployment: eck
            eck: {name: foo, namespace: default}
        %s
        """.formatted(version, extra);
  }

  @Test
  void noRemoteClusterSettingsThatRelyOnApiKeys() {
    assertThat(errors(alone("7.17.0", ""))).isEmpty();
  }

  @Test
  void someRemoteClusterApiKeysBeforeRequiredVersion() {
    assertThat(errors(Topologies.SAME_ENV_API_KEY.replaceFirst("8\\.19\\.3", "8.9.99")))
        .anySatisfy(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.SECURITY_UNSUPPORTED);
          assertThat(p.message()).contains("8.10", "8.9.99");
        });
  }

  @Test
  void someRemoteClusterApiKeysWithMinRequiredVersion() {
    assertThat(errors(Topologies.SAME_ENV_API_KEY.replace("8.19.3", "8.10.0"))).isEmpty();
  }

  @Test
  void remoteClusterWithoutApiKeysBeforeRequiredVersion() {
    assertThat(errors(Topologies.SAME_ENV_CERT.replace("8.19.3", "8.9.2"))).isEmpty();
  }

  @Test
  void remoteClusterServerEnabledWithMinRequiredVersion() {
    assertThat(errors(alone("8.10.0", "    remoteClusterServer: true"))).isEmpty();
  }

  @Test
  void remoteClusterServerEnabledBeforeMinRequiredVersion() {
    assertThat(errors(alone("8.9.99", "    remoteClusterServer: true")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.SECURITY_UNSUPPORTED);
          assertThat(p.path()).isEqualTo("clusters[0].remoteClusterServer");
          assertThat(p.message())
              .contains(
                  "minimum required version for remote cluster server is 8.10.0 but desired"
                      + " version is 8.9.99",
                  "[foo]");
        });
  }

  @Test
  void remoteClusterServerDisabledBeforeMinRequiredVersion() {
    assertThat(errors(alone("8.9.99", "    remoteClusterServer: false"))).isEmpty();
  }

  private static Topology named(String name) {
    Cluster c =
        new Cluster(
            "foo", EsVersion.parse("8.19.3"), Deployment.ECK, new EckRef(name, "default", "default"),
            null, null, null, null, null, null);
    return new Topology(List.of(c), List.of());
  }

  @Test
  void nameLengthTooLong() {
    assertThat(errors(named("that-is-a-very-long-name-with-37chars")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
          assertThat(p.message())
              .contains(
                  "Elasticsearch configuration would generate resources with invalid names",
                  "name exceeds maximum allowed length of 36",
                  "[that-is-a-very-long-name-with-37chars] has 37 characters");
        });
  }

  @Test
  void nameLengthOk() {
    assertThat(errors(named("that-is-a-very-long-name-with-36char"))).isEmpty();
  }
}
