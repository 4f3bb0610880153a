package io.github.remoteclusters.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.apikey.ApiKeyCheck;
import io.github.remoteclusters.security.apikey.ApiKeyCredentials;
import io.github.remoteclusters.security.apikey.CrossClusterApiKeys;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.Pem;
import java.util.List;
import io.github.remoteclusters.testing.Gen;
import io.github.remoteclusters.testing.SeededCases;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;

/** No input makes the parsers throw anything but {@link SecurityInputException}. */
class ParserPropertiesTest {

  static final CertificateAuthority CA = Certificates.createCa(CaRequest.of("prop CA"));
  static final String CERT_PEM = Pem.writeCertificates(List.of(CA.certificate()));
  static final String KEY_PEM = Pem.writePrivateKey(CA.privateKey());
  static final List<String> WORDS = List.of("name", "access", "search", "replication", "names", "query",
      "field_security", "grant", "except", "allow_restricted_indices", "privileges", "metadata", "expiration",
      "certificate_identity", "_x", "*", "", " k", "30d", "x");
  static final List<EsVersion> VERSIONS = List.of(EsVersion.of(8, 9), EsVersion.of(8, 13), EsVersion.of(8, 14),
      EsVersion.of(8, 15), EsVersion.of(9, 3));

  /** Only the documented exception, or a result. */
  static void onlyDocumentedException(Runnable action) {
    try {
      action.run();
    } catch (SecurityInputException e) {
      assertThat(e.getCause()).isNull();
      assertThat(e.getMessage()).startsWith("[" + e.field() + "] is invalid: ");
    }
  }

  @ParameterizedTest
  @SeededCases(300)
  void anyTextGivesACheckOrTheDocumentedException(Gen gen) {
    String text = gen.anyString();
    EsVersion version = gen.oneOf(VERSIONS);
    onlyDocumentedException(() -> CrossClusterApiKeys.check(text, version));
    onlyDocumentedException(() -> CrossClusterApiKeys.parseAccess(text, version));
  }

  @ParameterizedTest
  @SeededCases(1000)
  void anyJsonDocumentGivesACheck(Gen gen) {
    String json = randomJson(gen.random(), 0);
    EsVersion version = gen.oneOf(VERSIONS);
    ApiKeyCheck check = CrossClusterApiKeys.check(json, version);
    assertThat(check.valid()).isEqualTo(check.parsed().isPresent());
    onlyDocumentedException(() -> CrossClusterApiKeys.parse(json, version));
    check.parsed().ifPresent(request -> assertThat(CrossClusterApiKeys.parse(request.toJson(), version))
        .isEqualTo(request));
  }

  @ParameterizedTest
  @SeededCases(300)
  void anyTextGivesPemOrTheDocumentedException(Gen gen) {
    String text = gen.anyString();
    onlyDocumentedException(() -> Pem.readCertificates("ca.crt", text));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", text));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", text, "pw".toCharArray()));
  }

  @ParameterizedTest
  @SeededCases(500)
  void mutatedPemGivesPemOrTheDocumentedException(Gen gen) {
    String pem = mutatedPem(gen);
    onlyDocumentedException(() -> Pem.readCertificates("ca.crt", pem));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", pem));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", pem, "pw".toCharArray()));
  }

  @ParameterizedTest
  @SeededCases(300)
  void credentialsNeverEchoTheirInput(Gen gen) {
    String encoded = gen.anyString();
    try {
      ApiKeyCredentials credentials = ApiKeyCredentials.fromEncoded(encoded);
      assertThat(credentials.toString()).doesNotContain(credentials.revealEncoded());
      // a one-character secret can equal a character of the id by chance (seen: both U+FFFD)
      if (credentials.revealApiKey().length() > 3) {
        assertThat(credentials.toString()).doesNotContain(credentials.revealApiKey());
      }
    } catch (SecurityInputException e) {
      if (encoded.strip().length() > 3) {
        assertThat(e.getMessage()).doesNotContain(encoded.strip());
      }
    }
  }

  /** A PEM document with 1 to 4 characters replaced by any character. */
  static String mutatedPem(Gen gen) {
    String pem = gen.oneOf(List.of(CERT_PEM, KEY_PEM, CERT_PEM + KEY_PEM));
    StringBuilder out = new StringBuilder(pem);
    int changes = gen.intBetween(1, 4);
    for (int i = 0; i < changes; i++) {
      out.setCharAt(gen.random().nextInt(pem.length()), gen.anyChar());
    }
    return out.toString();
  }

  static String randomJson(Random random, int depth) {
    int kind = depth > 4 ? random.nextInt(4) : random.nextInt(7);
    switch (kind) {
      case 0:
        return "null";
      case 1:
        return random.nextBoolean() ? "true" : "false";
      case 2:
        return String.valueOf(random.nextInt(100) - 50);
      case 3:
        return quote(WORDS.get(random.nextInt(WORDS.size())));
      case 4: {
        StringBuilder out = new StringBuilder("[");
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          out.append(i > 0 ? "," : "").append(randomJson(random, depth + 1));
        }
        return out.append(']').toString();
      }
      default: {
        StringBuilder out = new StringBuilder("{");
        int n = random.nextInt(4);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
          String key = WORDS.get(random.nextInt(WORDS.size()));
          if (used.add(key)) {
            out.append(used.size() > 1 ? "," : "").append(quote(key)).append(':').append(randomJson(random, depth + 1));
          }
        }
        return out.append('}').toString();
      }
    }
  }

  static String quote(String s) {
    return '"' + s + '"';
  }
}
