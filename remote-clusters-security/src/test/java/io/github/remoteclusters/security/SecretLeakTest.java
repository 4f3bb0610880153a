package io.github.remoteclusters.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.apikey.ApiKeyCredentials;
import io.github.remoteclusters.security.apikey.CrossClusterApiKeys;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.IssuedCertificate;
import io.github.remoteclusters.security.certs.KeyAlgorithm;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import io.github.remoteclusters.security.certs.Pem;
import io.github.remoteclusters.security.certs.Pkcs12;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import io.github.remoteclusters.testing.Gen;
import io.github.remoteclusters.testing.SeededCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Scans every string this module produces for the secrets it handles. */
class SecretLeakTest {

  /** Everything a user could see: toString, JSON, exception messages. */
  static List<String> visible(Object... objects) throws Exception {
    List<String> out = new ArrayList<>();
    for (Object object : objects) {
      out.add(String.valueOf(object));
      if (object instanceof ApiKeyCredentials) {
        out.add(new ObjectMapper().writeValueAsString(object));
      }
    }
    return out;
  }

  static String message(Runnable action) {
    try {
      action.run();
      return "";
    } catch (RuntimeException e) {
      return e.toString();
    }
  }

  static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @ParameterizedTest
  @SeededCases(200)
  void apiKeySecretsNeverShow(Gen gen) throws Exception {
    String secret = gen.string(ALPHANUMERIC, 8, 30);
    ApiKeyCredentials credentials = ApiKeyCredentials.of("key-id", secret);
    String encoded = credentials.revealEncoded();
    List<String> seen = visible(credentials, ApiKeyCredentials.fromEncoded(encoded), List.of(credentials));
    seen.add(message(() -> ApiKeyCredentials.fromEncoded(encoded.substring(1))));
    seen.add(message(() -> ApiKeyCredentials.fromEncoded(Base64.getEncoder().encodeToString(secret.getBytes()))));
    seen.add(message(() -> CrossClusterApiKeys.check("{\"name\":\"k\",\"" + secret + "x\":1,\"api_key\":\"" + secret
        + "\",\"access\":{\"search\":[{\"names\":\"a\"}]}}", EsVersion.of(9, 0)).problems().forEach(p -> {
          throw new IllegalStateException(p.message());
        })));
    seen.add(message(() -> CrossClusterApiKeys.check("{\"name\":\"" + secret, EsVersion.of(9, 0))));
    for (String text : seen) {
      assertThat(text).doesNotContain(encoded).doesNotContain(":" + secret).doesNotContain("\"" + secret + "\"");
    }
  }

  @Test
  void privateKeysNeverShow() throws Exception {
    CertificateAuthority ca = Certificates.createCa(CaRequest.of("leak CA"));
    IssuedCertificate node = Certificates.issue(ca, NodeCertificateRequest.forDnsNames("n"));
    String keyBody = Pem.writePrivateKey(node.privateKey()).split("\n")[1];
    String corrupted = Pem.writePrivateKey(node.privateKey()).replace(keyBody.substring(0, 8), "!!!!!!!!");
    List<String> seen = visible(ca, node);
    seen.add(message(() -> Pem.readPrivateKey("tls.key", corrupted)));
    seen.add(message(() -> Pem.readCertificates("ca.crt", Pem.writePrivateKey(node.privateKey()))));
    seen.add(message(() -> Pem.readPrivateKey("tls.key", Pem.writePrivateKey(node.privateKey(), "pw".toCharArray()), "x".toCharArray())));
    seen.add(message(() -> Pkcs12.read("p12", Pkcs12.write(node, "pw".toCharArray()), "bad".toCharArray())));
    for (String text : seen) {
      assertThat(text).doesNotContain(keyBody.substring(8, 40)).doesNotContain("pw\"");
    }
  }

  @Test
  void passwordsAndRejectedSecretsNeverShow() throws Exception {
    String password = "Pa55-w0rd-xyzzy";
    String wrong = "Wr0ng-pass-plugh";
    CertificateAuthority ca = Certificates.createCa(CaRequest.of("leak CA").withKeyAlgorithm(KeyAlgorithm.RSA_2048));
    IssuedCertificate node = Certificates.issue(ca, NodeCertificateRequest.forDnsNames("n"));
    String encrypted = Pem.writePrivateKey(node.privateKey(), password.toCharArray());
    byte[] p12 = Pkcs12.write(node, password.toCharArray());
    String rsaBody = Pem.writePrivateKey(ca.privateKey()).split("\n")[1];
    List<String> seen = visible(ca, node, encrypted);
    seen.add(message(() -> Pem.readPrivateKey("tls.key", encrypted, wrong.toCharArray())));
    seen.add(message(() -> Pem.readPrivateKey("tls.key", encrypted)));
    seen.add(message(() -> Pkcs12.read("p12", p12, wrong.toCharArray())));
    seen.add(message(() -> Pkcs12.read("p12", java.util.Arrays.copyOf(p12, p12.length / 2), password.toCharArray())));
    // a secret passed where an id belongs, or an empty secret, is refused without echoing it
    seen.add(message(() -> ApiKeyCredentials.of("id:" + password, "secret-value")));
    seen.add(message(() -> ApiKeyCredentials.of("id", "")));
    for (String text : seen) {
      assertThat(text).doesNotContain(password).doesNotContain(wrong).doesNotContain(rsaBody.substring(8, 40));
    }
  }
}
