package io.github.remoteclusters.security.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.security.SecurityInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificatesTest {

  static final CertificateAuthority CA = Certificates.createCa(CaRequest.of("test CA"));

  @Test
  void caIsAnEcP256CertificateAuthority() {
    X509Certificate ca = CA.certificate();
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=test CA");
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void nodeCertificatesHaveSansUsagesAndTheRequestedKey(KeyAlgorithm algorithm) throws Exception {
    IssuedCertificate node = Certificates.issue(CA,
        NodeCertificateRequest.forDnsNames("es.example.com", "*.nodes.example.com")
            .withIpAddresses(List.of("10.0.0.1", "::1"))
            .withKeyAlgorithm(algorithm));
    X509Certificate leaf = node.leaf();
    assertThat(node.chain()).containsExactly(leaf, CA.certificate());
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
    List<String> names = new ArrayList<>();
    Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
    sans.forEach(san -> names.add(san.get(0) + ":" + san.get(1)));
    assertThat(names).contains("2:es.example.com", "2:*.nodes.example.com", "7:10.0.0.1");
    if (algorithm == KeyAlgorithm.EC_P256) {
      assertThat(leaf.getPublicKey()).isInstanceOf(ECPublicKey.class);
    } else {
      assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(algorithm.bits());
    }
    leaf.verify(CA.certificate().getPublicKey());
  }

  @Test
  void requestsRejectBadNames() {
    assertThatThrownBy(() -> NodeCertificateRequest.forDnsNames("a..b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DNS name [a..b] is invalid");
    assertThatThrownBy(() -> NodeCertificateRequest.forDnsNames("a.*.example.com"))
        .hasMessageContaining("left-most label");
    assertThatThrownBy(() -> NodeCertificateRequest.forDnsNames("x.example.com").withIpAddresses(List.of("example.com")))
        .hasMessageContaining("IP address [example.com] is invalid");
    assertThat(KeyAlgorithm.parse("rsa4096")).isEqualTo(KeyAlgorithm.RSA_4096);
    assertThatThrownBy(() -> KeyAlgorithm.parse("dsa")).hasMessageContaining("[dsa]");
  }

  @Test
  void pemRoundTripsCertificatesAndKeys() {
    IssuedCertificate node = Certificates.issue(CA, NodeCertificateRequest.forDnsNames("n1"));
    String chainPem = Pem.writeCertificates(node.chain());
    assertThat(chainPem).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(Pem.readCertificates("tls.crt", chainPem)).isEqualTo(node.chain());
    String keyPem = Pem.writePrivateKey(node.privateKey());
    assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Pem.readPrivateKey("tls.key", keyPem)).isEqualTo(node.privateKey());
    char[] password = "s3cret-pass".toCharArray();
    String encrypted = Pem.writePrivateKey(node.privateKey(), password);
    assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(Pem.readPrivateKey("tls.key", encrypted, password)).isEqualTo(node.privateKey());
    assertThatThrownBy(() -> Pem.readPrivateKey("tls.key", encrypted, "wrong".toCharArray()))
        .isInstanceOf(SecurityInputException.class)
        .hasMessage("[tls.key] is invalid: the encrypted private key cannot be decrypted: wrong password or unsupported encryption");
    assertThatThrownBy(() -> Pem.readPrivateKey("tls.key", encrypted))
        .hasMessageContaining("no password was given");
  }

  @Test
  void pemReadersThrowOnlyTheDocumentedException() {
    assertThatThrownBy(() -> Pem.readCertificates("ca.crt", "hello"))
        .isInstanceOf(SecurityInputException.class).hasMessage("[ca.crt] is invalid: expected PEM text but found no PEM block");
    assertThatThrownBy(() -> Pem.readCertificates("ca.crt", "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n"))
        .isInstanceOf(SecurityInputException.class).hasMessageStartingWith("[ca.crt] is invalid: the text is not well-formed PEM");
    assertThatThrownBy(() -> Pem.readCertificates("ca.crt", Pem.writePrivateKey(CA.privateKey())))
        .isInstanceOf(SecurityInputException.class).hasMessageContaining("found a private key");
    assertThatThrownBy(() -> Pem.readPrivateKey("tls.key", Pem.writeCertificates(List.of(CA.certificate()))))
        .isInstanceOf(SecurityInputException.class).hasMessageContaining("exactly one PEM private key block but found 0");
  }

  @Test
  void pkcs12RoundTrips() {
    IssuedCertificate node = Certificates.issue(CA, NodeCertificateRequest.forDnsNames("n1"));
    byte[] store = Pkcs12.write(node, "changeit".toCharArray());
    IssuedCertificate read = Pkcs12.read("node.p12", store, "changeit".toCharArray());
    assertThat(read.chain()).isEqualTo(node.chain());
    assertThat(read.privateKey()).isEqualTo(node.privateKey());
    assertThatThrownBy(() -> Pkcs12.read("node.p12", store, "nope".toCharArray()))
        .isInstanceOf(SecurityInputException.class).hasMessageContaining("[node.p12]");
    assertThatThrownBy(() -> Pkcs12.read("node.p12", new byte[] {1, 2, 3}, "x".toCharArray()))
        .isInstanceOf(SecurityInputException.class);
  }

  @Test
  void tlsFilesUseKubernetesNamesAndOwnerOnlyKeys(@TempDir Path dir) throws Exception {
    TlsFiles.writeCa(dir.resolve("ca"), CA);
    CertificateAuthority read = TlsFiles.readCa(dir.resolve("ca"));
    assertThat(read.certificate()).isEqualTo(CA.certificate());
    IssuedCertificate node = Certificates.issue(read, NodeCertificateRequest.forDnsNames("n1"));
    TlsFiles.writeNode(dir.resolve("node"), node);
    assertThat(dir.resolve("node")).isDirectoryContaining("glob:**/tls.crt").isDirectoryContaining("glob:**/tls.key")
        .isDirectoryContaining("glob:**/ca.crt");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node/tls.key")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/ca.key")))).isEqualTo("rw-------");
    assertThat(Pem.readCertificates("tls.crt", Files.readString(dir.resolve("node/tls.crt")))).isEqualTo(node.chain());
    assertThatThrownBy(() -> TlsFiles.readCa(dir.resolve("missing")))
        .isInstanceOf(SecurityInputException.class).hasMessageContaining("cannot be read");
  }

  @Test
  void toStringNeverShowsKeys() {
    IssuedCertificate node = Certificates.issue(CA, NodeCertificateRequest.forDnsNames("n1"));
    assertThat(CA.toString()).contains("<redacted>").doesNotContain(Pem.writePrivateKey(CA.privateKey()).substring(28, 60));
    assertThat(node.toString()).contains("CN=n1").contains("<redacted>");
  }
}
