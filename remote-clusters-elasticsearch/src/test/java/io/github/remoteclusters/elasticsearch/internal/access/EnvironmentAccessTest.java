package io.github.remoteclusters.elasticsearch.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials from ES_NAME_* variables and HTTPS trust from a cluster's caFile. */
class EnvironmentAccessTest {

  @TempDir Path dir;

  private static Cluster cluster(String name, String url) {
    return new Cluster(name, EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED, null, url,
        null, null, null, null, null);
  }

  @ParameterizedTest
  @CsvSource({"dc1,ES_DC1", "dc-east,ES_DC_EAST", "eu.west_2,ES_EU_WEST_2", "Prod9,ES_PROD9"})
  void variableNamesAreTheUpperCasedNameWithOtherCharactersUnderscored(String name, String prefix) {
    assertThat(ClusterAccess.environmentPrefix(name)).isEqualTo(prefix);
  }

  @Test
  void anApiKeyVariableBecomesApiKeyAuthorization() {
    ClusterEndpoint e = ClusterAccess.fromEnvironment(Map.of("ES_DC_EAST_API_KEY", "c2VjcmV0"))
        .endpoint(cluster("dc-east", "https://es.example:9200"));
    assertThat(e.authorization()).isEqualTo("ApiKey c2VjcmV0");
    assertThat(e.toString()).doesNotContain("c2VjcmV0");
  }

  @Test
  void userAndPasswordBecomeBasicAuthorization() {
    ClusterEndpoint e = ClusterAccess.fromEnvironment(
            Map.of("ES_DC1_USER", "elastic", "ES_DC1_PASSWORD", "p/ss@word"))
        .endpoint(cluster("dc1", "https://es.example:9200"));
    assertThat(e.authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("elastic:p/ss@word".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void withoutVariablesTheUrlCredentialsOrNoneAreUsed() {
    ClusterAccess access = ClusterAccess.fromEnvironment(Map.of("ES_OTHER_API_KEY", "x"));
    assertThat(access.endpoint(cluster("dc1", "http://127.0.0.1:9200")).authorization()).isNull();
    assertThat(access.endpoint(cluster("dc1", "http://u:pw@127.0.0.1:9200")).authorization())
        .startsWith("Basic ");
  }

  @Test
  void ambiguousOrIncompleteVariablesAreErrorsThatNameTheVariablesNotTheValues() {
    Cluster c = cluster("dc1", "https://es.example:9200");
    assertThatThrownBy(() -> ClusterAccess.fromEnvironment(
            Map.of("ES_DC1_API_KEY", "k3y", "ES_DC1_USER", "u", "ES_DC1_PASSWORD", "s3cret"))
        .endpoint(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ES_DC1_API_KEY").hasMessageContaining("ES_DC1_USER")
        .hasMessageNotContaining("k3y").hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> ClusterAccess.fromEnvironment(Map.of("ES_DC1_USER", "u")).endpoint(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cluster [dc1]: ES_DC1_PASSWORD is not set; set both ES_DC1_USER and ES_DC1_PASSWORD");
    assertThatThrownBy(() -> ClusterAccess.fromEnvironment(
            Map.of("ES_DC1_USER", "u", "ES_DC1_PASSWORD", "s3cret"))
        .endpoint(cluster("dc1", "https://a:b@es.example:9200")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keep them out of the url").hasMessageNotContaining("s3cret");
  }

  @Test
  void aCaFileGivesATlsContextThatTrustsIt() throws IOException {
    Path ca = dir.resolve("ca.crt");
    Files.writeString(ca, Pem.writeCertificates(
        List.of(Certificates.createCa(CaRequest.of("test CA")).certificate())));
    ClusterEndpoint e = ClusterAccess.fromEnvironment(Map.of())
        .endpoint(cluster("dc1", "https://es.example:9200").withCaFile(ca));
    assertThat(e.sslContext()).isNotNull();
    assertThat(ClusterAccess.fromTopology()
        .endpoint(cluster("dc1", "https://es.example:9200").withCaFile(ca)).sslContext()).isNotNull();
  }

  @Test
  void unusableCaFilesAreNamedWithTheReason() throws IOException {
    Path notPem = dir.resolve("ca.txt");
    Files.writeString(notPem, "hello");
    assertThatThrownBy(() -> PemCaFiles.read(dir.resolve("missing.crt")))
        .hasMessage("CA file [" + dir.resolve("missing.crt") + "] does not exist");
    assertThatThrownBy(() -> PemCaFiles.read(dir)).hasMessageContaining("is a directory");
    assertThatThrownBy(() -> PemCaFiles.read(notPem))
        .hasMessageStartingWith("CA file [" + notPem + "] is not a PEM certificate file");
  }
}
