package io.github.remoteclusters.security.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.SecurityInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsAndRotationTest {

  static final String ENCODED = "NTNqdW5Za0IxNTNwUlRHbXlNREY6M3FRcm1UTWNTdFNINlJwb2tEbUUxUQ==";

  @Test
  void encodedIsBase64OfIdColonKey() {
    ApiKeyCredentials credentials = ApiKeyCredentials.fromEncoded(ENCODED);
    assertThat(credentials.id()).isEqualTo("53junYkB153pRTGmyMDF");
    assertThat(credentials.revealApiKey()).isEqualTo("3qQrmTMcStSH6RpokDmE1Q");
    assertThat(credentials.revealEncoded()).isEqualTo(ENCODED);
    assertThat(ApiKeyCredentials.of("53junYkB153pRTGmyMDF", "3qQrmTMcStSH6RpokDmE1Q")).isEqualTo(credentials)
        .hasSameHashCodeAs(credentials);
    assertThat(ApiKeyCredentials.of("53junYkB153pRTGmyMDF", "other")).isNotEqualTo(credentials);
    assertThat(ApiKeyCredentials.keystoreSetting("my-remote")).isEqualTo("cluster.remote.my-remote.credentials");
  }

  @Test
  void secretNeverShows() throws Exception {
    ApiKeyCredentials credentials = ApiKeyCredentials.fromEncoded(ENCODED);
    assertThat(credentials.toString()).isEqualTo("ApiKeyCredentials[id=53junYkB153pRTGmyMDF, encoded=::es_redacted::]");
    String json = new ObjectMapper().writeValueAsString(List.of(credentials));
    assertThat(json).doesNotContain("3qQrmTMcStSH6RpokDmE1Q").doesNotContain(ENCODED).contains("::es_redacted::");
    assertThatThrownBy(() -> ApiKeyCredentials.fromEncoded("not base64 secretvalue!"))
        .isInstanceOf(SecurityInputException.class).message().doesNotContain("secretvalue");
    assertThatThrownBy(() -> ApiKeyCredentials.fromEncoded("c2VjcmV0dmFsdWU="))
        .isInstanceOf(SecurityInputException.class).message().doesNotContain("secretvalue").doesNotContain("c2VjcmV0dmFsdWU=");
  }

  @Test
  void rotationStepsAreOrdered() {
    CreateCrossClusterApiKeyRequest key = CrossClusterApiKeys.parse(
        "{\"name\":\"k2\",\"expiration\":\"90d\",\"access\":{\"search\":[{\"names\":\"logs-*\"}]}}", EsVersion.of(9, 0));
    List<RotationStep> steps = KeyRotation.plan("my-remote", "oldid", key);
    assertThat(steps).extracting(s -> s.getClass().getSimpleName())
        .containsExactly("CreateKey", "StoreCredentials", "ReloadSecureSettings", "ConfirmConnected", "InvalidateKey");
    assertThat(steps.get(1).description()).contains("cluster.remote.my-remote.credentials");
    assertThat(steps.get(4)).isEqualTo(new RotationStep.InvalidateKey("oldid"));
  }

  @Test
  void everyRotationStepTypeHasADescription() {
    List<RotationStep> steps = KeyRotation.plan("a", "b", CrossClusterApiKeys.parse(
        "{\"name\":\"k\",\"access\":{\"replication\":{\"names\":\"x\"}}}", EsVersion.of(9, 0)));
    assertThat(steps.stream().map(Object::getClass).toList())
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(RotationStep.class.getPermittedSubclasses()));
    steps.forEach(s -> assertThat(s.description()).isNotBlank());
  }
}
