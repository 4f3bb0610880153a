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
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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

  @Property(tries = 300)
  void anyTextGivesACheckOrTheDocumentedException(@ForAll String text, @ForAll @IntRange(min = 0, max = 4) int version) {
    onlyDocumentedException(() -> CrossClusterApiKeys.check(text, VERSIONS.get(version)));
    onlyDocumentedException(() -> CrossClusterApiKeys.parseAccess(text, VERSIONS.get(version)));
  }

  @Property(tries = 1000)
  void anyJsonDocumentGivesACheck(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int version) {
    String json = randomJson(new Random(seed), 0);
    ApiKeyCheck check = CrossClusterApiKeys.check(json, VERSIONS.get(version));
    assertThat(check.valid()).isEqualTo(check.parsed().isPresent());
    onlyDocumentedException(() -> CrossClusterApiKeys.parse(json, VERSIONS.get(version)));
    check.parsed().ifPresent(request -> assertThat(CrossClusterApiKeys.parse(request.toJson(), VERSIONS.get(version)))
        .isEqualTo(request));
  }

  @Property(tries = 300)
  void anyTextGivesPemOrTheDocumentedException(@ForAll String text) {
    onlyDocumentedException(() -> Pem.readCertificates("ca.crt", text));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", text));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", text, "pw".toCharArray()));
  }

  @Property(tries = 500)
  void mutatedPemGivesPemOrTheDocumentedException(@ForAll("mutatedPem") String pem) {
    onlyDocumentedException(() -> Pem.readCertificates("ca.crt", pem));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", pem));
    onlyDocumentedException(() -> Pem.readPrivateKey("tls.key", pem, "pw".toCharArray()));
  }

  @Property(tries = 300)
  void credentialsNeverEchoTheirInput(@ForAll String encoded) {
    try {
      ApiKeyCredentials credentials = ApiKeyCredentials.fromEncoded(encoded);
      assertThat(credentials.toString()).doesNotContain(credentials.revealApiKey());
    } catch (SecurityInputException e) {
      if (encoded.strip().length() > 3) {
        assertThat(e.getMessage()).doesNotContain(encoded.strip());
      }
    }
  }

  @Provide
  Arbitrary<String> mutatedPem() {
    Arbitrary<String> base = Arbitraries.of(CERT_PEM, KEY_PEM, CERT_PEM + KEY_PEM);
    return base.flatMap(pem -> Arbitraries.integers().between(0, pem.length() - 1).list().ofMinSize(1).ofMaxSize(4)
        .flatMap(positions -> Arbitraries.chars().list().ofSize(positions.size()).map(chars -> {
          StringBuilder out = new StringBuilder(pem);
          for (int i = 0; i < positions.size(); i++) {
            out.setCharAt(positions.get(i), chars.get(i));
          }
          return out.toString();
        })));
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
