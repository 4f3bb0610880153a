package io.github.remoteclusters.elasticsearch.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 item 8: a CA file whose certificate expired, or is not valid yet, is warned of with the date. */
class TrustFileValidityTest {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path dir;

  Path write(CertificateAuthority... cas) throws IOException {
    Path file = dir.resolve("ca.crt");
    Files.writeString(file, Pem.writeCertificates(
        java.util.Arrays.stream(cas).map(CertificateAuthority::certificate).toList()));
    return file;
  }

  static CertificateAuthority ca(String name, Instant notBefore, Duration validity) {
    return Certificates.createCa(CaRequest.of(name).withNotBefore(notBefore).withValidity(validity));
  }

  @Test
  void anExpiredCaIsWarnedOfWithItsDate() throws IOException {
    CertificateAuthority expired = ca("old CA", Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(30));
    Path file = write(expired);
    List<String> w = PemCaFiles.validityWarnings(file, PemCaFiles.read(file), NOW);
    assertThat(w).singleElement().asString()
        .isEqualTo("CA file [" + file + "]: the CA certificate [CN=old CA] expired on "
            + expired.certificate().getNotAfter().toInstant() + "; TLS that relies on it fails as"
            + " not trusted: replace it with the CA that signs the cluster's certificates now");
    assertThat(expired.certificate().getNotAfter().toInstant()).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
  }

  @Test
  void aCaNotValidYetIsWarnedOfWithItsDate() throws IOException {
    Instant start = Instant.parse("2027-01-01T00:00:00Z");
    Path file = write(ca("future CA", start, Duration.ofDays(365)));
    assertThat(PemCaFiles.validityWarnings(file, PemCaFiles.read(file), NOW)).singleElement()
        .asString().contains("[CN=future CA] is not valid before 2027-01-01T00:00:00Z")
        .contains("check the clock of this machine");
  }

  @Test
  void aValidCaGivesNoWarningAndABundleIsJudgedCertificateByCertificate() throws IOException {
    CertificateAuthority valid = ca("good CA", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
    CertificateAuthority expired = ca("old CA", Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(30));
    Path one = write(valid);
    assertThat(PemCaFiles.validityWarnings(one, PemCaFiles.read(one), NOW)).isEmpty();
    Path both = write(valid, expired);
    assertThat(PemCaFiles.validityWarnings(both, PemCaFiles.read(both), NOW)).singleElement()
        .asString().contains("[CN=old CA] expired on 2024-01-31T00:00:00Z");
  }

  @Test
  void clusterAccessWarnsOfTheCaFileOfACluster() throws IOException {
    Path file = write(ca("old CA", Instant.parse("2020-01-01T00:00:00Z"), Duration.ofDays(30)));
    Cluster c = Cluster.of("a", EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED).withCaFile(file);
    assertThat(ClusterAccess.caFileWarnings(c)).singleElement().asString()
        .contains("expired on 2020-01-31T00:00:00Z");
    assertThat(ClusterAccess.caFileWarnings(
        Cluster.of("b", EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED))).isEmpty();
  }
}
