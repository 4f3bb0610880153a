package io.github.remoteclusters.security.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.security.SecurityInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyCredentialsTest {

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
}
