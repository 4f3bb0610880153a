package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** How fields become cluster specs; starting clusters is covered by the ITs. */
class TestClusterExtensionTest {

  @SuppressWarnings("unused")
  static class Fixture {
    @EsCluster static TestCluster local;

    @EsCluster(name = "local", settings = "node.attr.zone=z1")
    static ElasticsearchClient localClient;

    @EsCluster(version = "8.19.21")
    TestCluster remoteOld;
  }

  @SuppressWarnings("unused")
  static class WrongType {
    @EsCluster static String local;
  }

  @SuppressWarnings("unused")
  static class Conflict {
    @EsCluster(name = "a", version = "8.19.21")
    static TestCluster one;

    @EsCluster(name = "a", version = "8.19.20")
    static TestCluster two;
  }

  @SuppressWarnings("unused")
  static class Secured {
    @EsCluster(name = "a", security = Security.AUTHENTICATION)
    static TestCluster auth;

    @EsCluster(name = "a")
    static ElasticsearchClient plainView;

    @EsCluster(name = "b", remoteClusterServer = true)
    static TestCluster server;
  }

  private static Map<String, ClusterSpec> specs(Class<?> type) {
    return TestClusterExtension.specsOf(
        org.junit.platform.commons.support.AnnotationSupport.findAnnotatedFields(
            type, EsCluster.class));
  }

  @Test
  void fieldsNamingOneClusterShareIt() {
    assertThat(specs(Fixture.class).values())
        .containsExactlyInAnyOrderElementsOf(
            List.of(
                ClusterSpec.of("local", EsCluster.LATEST).withSetting("node.attr.zone", "z1"),
                ClusterSpec.of("remoteold", "8.19.21")));
  }

  @Test
  void theHighestSecurityAmongFieldsWinsAndARemoteClusterServerMeansTls() {
    Map<String, ClusterSpec> specs = specs(Secured.class);
    assertThat(specs.get("a").security()).isEqualTo(Security.AUTHENTICATION);
    assertThat(specs.get("a").remoteClusterServer()).isFalse();
    assertThat(specs.get("b").security()).isEqualTo(Security.TLS);
    assertThat(specs.get("b").remoteClusterServer()).isTrue();
  }

  @Test
  void aFieldOfAnotherTypeIsRefused() {
    assertThatThrownBy(() -> specs(WrongType.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "WrongType.local is annotated @EsCluster but has type java.lang.String");
  }

  @Test
  void twoVersionsForOneClusterAreRefused() {
    assertThatThrownBy(() -> specs(Conflict.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("cluster [a] is declared with versions");
  }
}
