package io.github.remoteclusters.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.security.apikey.ApiKeyCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustModelTest {

  static int port(TrustModel model) {
    if (model instanceof TrustModel.CertificateTrust) {
      return ((TrustModel.CertificateTrust) model).defaultRemotePort();
    } else if (model instanceof TrustModel.ApiKeyTrust) {
      return ((TrustModel.ApiKeyTrust) model).defaultRemotePort();
    }
    throw new IllegalStateException("unhandled trust model " + model);
  }

  @Test
  void everyModelIsHandledAndApiKeysStayRedacted() {
    TrustModel.ApiKeyTrust apiKey = new TrustModel.ApiKeyTrust(ApiKeyCredentials.of("id1", "topsecretvalue"), List.of());
    assertThat(port(new TrustModel.CertificateTrust(List.of()))).isEqualTo(9300);
    assertThat(port(apiKey)).isEqualTo(9443);
    assertThat(TrustModel.class.getPermittedSubclasses()).hasSize(2);
    assertThat(apiKey.toString()).doesNotContain("topsecretvalue").contains("::es_redacted::");
  }
}
