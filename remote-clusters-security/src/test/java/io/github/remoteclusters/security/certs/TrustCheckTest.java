package io.github.remoteclusters.security.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.security.internal.CertificateMaker;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustCheckTest {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final CertificateAuthority CA =
      Certificates.createCa(CaRequest.of("trust CA").withNotBefore(NOW.minus(Duration.ofDays(10))));
  static final CertificateAuthority OTHER_CA =
      Certificates.createCa(CaRequest.of("other CA").withNotBefore(NOW.minus(Duration.ofDays(10))));

  static IssuedCertificate node(CertificateAuthority ca, Instant notBefore, Duration validity, String... dns) {
    return Certificates.issue(ca, NodeCertificateRequest.forDnsNames(dns[0], java.util.Arrays.copyOfRange(dns, 1, dns.length))
        .withNotBefore(notBefore).withValidity(validity));
  }

  static TrustVerdict check(List<X509Certificate> chain, CertificateAuthority trusted, String serverName, Instant at) {
    TrustCheck.Request request = TrustCheck.Request.of(chain, List.of(trusted.certificate()), at);
    return TrustCheck.check(serverName == null ? request : request.withServerName(serverName));
  }

  @Test
  void validChainIsTrustedWithoutFindings() {
    IssuedCertificate node = node(CA, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365), "es.example.com");
    TrustVerdict verdict = check(node.chain(), CA, "es.example.com", NOW);
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.trusted()).isTrue();
    assertThat(check(List.of(node.leaf()), CA, "ES.EXAMPLE.COM.", NOW).trusted()).isTrue();
  }

  @Test
  void untrustedIssuer() {
    IssuedCertificate node = node(OTHER_CA, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365), "es");
    TrustVerdict verdict = check(node.chain(), CA, null, NOW);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.findings()).extracting(TrustFinding::code).containsExactly(TrustFindingCode.UNTRUSTED_ISSUER);
    assertThat(verdict.findings().get(0).message()).contains("CN=other CA").contains("CN=trust CA");
  }

  @Test
  void expiredAndNotYetValidAndExpiresSoon() {
    IssuedCertificate expired = node(CA, NOW.minus(Duration.ofDays(5)), Duration.ofDays(2), "es");
    assertThat(check(expired.chain(), CA, null, NOW).findings()).extracting(TrustFinding::code)
        .containsExactly(TrustFindingCode.EXPIRED);
    IssuedCertificate future = node(CA, NOW.plus(Duration.ofDays(5)), Duration.ofDays(200), "es");
    assertThat(check(future.chain(), CA, null, NOW).findings()).extracting(TrustFinding::code)
        .containsExactly(TrustFindingCode.NOT_YET_VALID);
    IssuedCertificate soon = node(CA, NOW.minus(Duration.ofDays(5)), Duration.ofDays(20), "es");
    TrustVerdict verdict = check(soon.chain(), CA, null, NOW);
    assertThat(verdict.findings()).extracting(TrustFinding::code).containsExactly(TrustFindingCode.EXPIRES_SOON);
    assertThat(verdict.trusted()).as("EXPIRES_SOON is a warning").isTrue();
  }

  @Test
  void expiredAndUntrustedAreBothReported() {
    IssuedCertificate node = node(OTHER_CA, NOW.minus(Duration.ofDays(5)), Duration.ofDays(2), "es");
    assertThat(check(node.chain(), CA, null, NOW).findings()).extracting(TrustFinding::code)
        .containsExactlyInAnyOrder(TrustFindingCode.EXPIRED, TrustFindingCode.UNTRUSTED_ISSUER);
  }

  @Test
  void nameMismatchFollowsRfc6125() {
    IssuedCertificate node = node(CA, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365), "*.example.com", "es.local");
    assertThat(check(node.chain(), CA, "a.example.com", NOW).trusted()).isTrue();
    assertThat(check(node.chain(), CA, "a.b.example.com", NOW).has(TrustFindingCode.NAME_MISMATCH)).isTrue();
    assertThat(check(node.chain(), CA, "example.com", NOW).has(TrustFindingCode.NAME_MISMATCH)).isTrue();
    TrustVerdict verdict = check(node.chain(), CA, "other.org", NOW);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.findings().get(0).message())
        .startsWith("server name [other.org] matches none of the names of certificate [CN=*.example.com] [DNS:*.example.com, DNS:es.local]");
  }

  @Test
  void ipServerNamesMatchIpSans() {
    IssuedCertificate node = Certificates.issue(CA, NodeCertificateRequest.forDnsNames("es")
        .withIpAddresses(List.of("10.1.2.3", "2001:db8::1")).withNotBefore(NOW.minusSeconds(60)));
    assertThat(check(node.chain(), CA, "10.1.2.3", NOW).trusted()).isTrue();
    assertThat(check(node.chain(), CA, "2001:db8:0:0:0:0:0:1", NOW).trusted()).isTrue();
    assertThat(check(node.chain(), CA, "10.1.2.4", NOW).has(TrustFindingCode.NAME_MISMATCH)).isTrue();
  }

  @Test
  void issuerThatIsNotACa() throws Exception {
    IssuedCertificate intermediate = node(CA, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365), "not-a-ca");
    KeyPair pair = CertificateMaker.generateKeyPair(KeyAlgorithm.EC_P256);
    X509Certificate leaf = CertificateMaker.node(intermediate.leaf(), intermediate.privateKey(), "leaf",
        List.of("leaf"), List.of(), NOW.minus(Duration.ofDays(1)), Duration.ofDays(100), pair.getPublic(),
        KeyAlgorithm.EC_P256);
    TrustVerdict verdict = check(List.of(leaf, intermediate.leaf(), CA.certificate()), CA, null, NOW);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.findings()).extracting(TrustFinding::code).contains(TrustFindingCode.NOT_A_CA);
    assertThat(verdict.findings()).filteredOn(f -> f.code() == TrustFindingCode.NOT_A_CA)
        .first().extracting(TrustFinding::subject).isEqualTo("CN=not-a-ca");
  }

  @Test
  void weakRsaKeyIsAWarning() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair weak = generator.generateKeyPair();
    X509Certificate leaf = CertificateMaker.node(CA.certificate(), CA.privateKey(), "weak", List.of("weak"),
        List.of(), NOW.minus(Duration.ofDays(1)), Duration.ofDays(100), weak.getPublic(), KeyAlgorithm.RSA_2048);
    TrustVerdict verdict = check(List.of(leaf), CA, null, NOW);
    assertThat(verdict.findings()).extracting(TrustFinding::code).containsExactly(TrustFindingCode.WEAK_KEY);
    assertThat(verdict.trusted()).isTrue();
  }

  @Test
  void expiredTrustedCaIsReportedWithItsSubject() {
    CertificateAuthority shortCa = Certificates.createCa(CaRequest.of("short CA")
        .withNotBefore(NOW.minus(Duration.ofDays(100))).withValidity(Duration.ofDays(50)));
    IssuedCertificate node = node(shortCa, NOW.minus(Duration.ofDays(90)), Duration.ofDays(365), "es");
    TrustVerdict verdict = check(List.of(node.leaf()), shortCa, null, NOW);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.findings()).extracting(TrustFinding::code, TrustFinding::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TrustFindingCode.EXPIRED, "CN=short CA"));
  }

  @Test
  void selfSignedLeafThatIsNotTrusted() {
    TrustVerdict verdict = check(List.of(OTHER_CA.certificate()), CA, null, NOW);
    assertThat(verdict.findings()).extracting(TrustFinding::code).containsExactly(TrustFindingCode.UNTRUSTED_ISSUER);
    assertThat(check(List.of(CA.certificate()), CA, null, NOW).trusted()).isTrue();
  }

  @Test
  void mutualTrustSaysWhichSideLacksWhat() {
    IssuedCertificate local = node(CA, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365), "local.svc");
    IssuedCertificate remote = node(OTHER_CA, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365), "remote.svc");
    ClusterCertificates a = new ClusterCertificates("local", local.chain(), List.of(CA.certificate()), null);
    ClusterCertificates b = new ClusterCertificates("remote", remote.chain(),
        List.of(OTHER_CA.certificate(), CA.certificate()), null);
    MutualTrust.Verdict verdict = MutualTrust.check(a, b, NOW);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.directions().get(0).verdict().trusted()).isFalse();
    assertThat(verdict.directions().get(1).verdict().trusted()).isTrue();
    assertThat(verdict.findings()).singleElement().satisfies(f -> {
      assertThat(f.truster()).isEqualTo("local");
      assertThat(f.message()).startsWith("[local] checking [remote]: [local] lacks the CA that issued [remote]'s certificate");
    });
    ClusterCertificates fixedA = new ClusterCertificates("local", local.chain(),
        CaBundle.merge(java.util.Map.of("b", List.of(OTHER_CA.certificate()), "a", List.of(CA.certificate()))).certificates(), null);
    assertThat(MutualTrust.check(fixedA, b, NOW).trusted()).isTrue();
  }

  @Test
  void caBundleMergesDeduplicatesAndOrdersBySource() {
    CaBundle bundle = CaBundle.merge(java.util.Map.of(
        "z-peer", List.of(CA.certificate()),
        "a-peer", List.of(OTHER_CA.certificate(), CA.certificate())));
    assertThat(bundle.certificates()).containsExactly(OTHER_CA.certificate(), CA.certificate());
    assertThat(CaBundle.mergeOrOwn(java.util.Map.of(), CA.certificate()).certificates()).containsExactly(CA.certificate());
    assertThat(Pem.readCertificates("ca.crt", bundle.toPem())).containsExactly(OTHER_CA.certificate(), CA.certificate());
    assertThat(new CaBundle(List.of(CA.certificate())).plus(bundle).certificates())
        .containsExactly(CA.certificate(), OTHER_CA.certificate());
  }
}
