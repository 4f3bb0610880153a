package io.github.remoteclusters.security.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Interoperability with the {@code openssl} command line, in both directions. */
class OpensslInteropIT {

  @TempDir Path dir;

  record Result(int exit, String output) {}

  Result openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  Result opensslOk(String... args) throws IOException, InterruptedException {
    Result result = openssl(args);
    assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.output()).isZero();
    return result;
  }

  List<X509Certificate> certs(String file) throws IOException {
    return Pem.readCertificates(file, Files.readString(dir.resolve(file)));
  }

  // ---- our certificates, judged by openssl ----

  @ParameterizedTest
  @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048"})
  void opensslVerifiesOurCertificatesForServerAndClientUse(KeyAlgorithm algorithm) throws Exception {
    CertificateAuthority ca = Certificates.createCa(CaRequest.of("interop CA").withKeyAlgorithm(algorithm));
    IssuedCertificate node = Certificates.issue(ca, NodeCertificateRequest.forDnsNames("es.example.com", "*.svc.example.com")
        .withIpAddresses(List.of("10.0.0.7")).withKeyAlgorithm(algorithm));
    TlsFiles.writeCa(dir.resolve("ca"), ca);
    TlsFiles.writeNode(dir.resolve("node"), node);
    Files.writeString(dir.resolve("leaf.crt"), Pem.writeCertificates(List.of(node.leaf())));
    for (String purpose : List.of("sslserver", "sslclient")) {
      Result result = opensslOk("verify", "-CAfile", "ca/ca.crt", "-purpose", purpose,
          "-verify_hostname", "es.example.com", "leaf.crt");
      assertThat(result.output()).contains("leaf.crt: OK");
    }
    opensslOk("verify", "-CAfile", "ca/ca.crt", "-purpose", "sslserver", "-verify_hostname", "a.svc.example.com", "leaf.crt");
    opensslOk("verify", "-CAfile", "ca/ca.crt", "-purpose", "sslserver", "-verify_ip", "10.0.0.7", "leaf.crt");
    assertThat(openssl("verify", "-CAfile", "ca/ca.crt", "-purpose", "sslserver", "-verify_hostname", "other.org", "leaf.crt").exit())
        .isNotZero();
    assertThat(openssl("verify", "-CAfile", "leaf.crt", "-purpose", "sslserver", "ca/ca.crt").exit()).isNotZero();
    // the key matches the certificate
    String fromKey = opensslOk("pkey", "-in", "node/tls.key", "-pubout").output();
    String fromCert = opensslOk("x509", "-in", "leaf.crt", "-noout", "-pubkey").output();
    assertThat(fromKey).isEqualTo(fromCert);
  }

  @Test
  void opensslReadsOurEncryptedKeysAndPkcs12() throws Exception {
    CertificateAuthority ca = Certificates.createCa(CaRequest.of("interop CA"));
    IssuedCertificate node = Certificates.issue(ca, NodeCertificateRequest.forDnsNames("es"));
    Files.writeString(dir.resolve("enc.key"), Pem.writePrivateKey(node.privateKey(), "pa55word".toCharArray()));
    opensslOk("pkey", "-in", "enc.key", "-passin", "pass:pa55word", "-noout");
    assertThat(openssl("pkey", "-in", "enc.key", "-passin", "pass:wrong", "-noout").exit()).isNotZero();
    Files.write(dir.resolve("node.p12"), Pkcs12.write(node, "storepass".toCharArray()));
    String dump = opensslOk("pkcs12", "-in", "node.p12", "-passin", "pass:storepass", "-nokeys").output();
    assertThat(dump).contains("subject=CN = es").contains("subject=CN = interop CA");
  }

  // ---- openssl's certificates, judged by the trust check ----

  void opensslCa(String name) throws Exception {
    opensslOk("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", name + ".key", "-out", name + ".crt", "-days", "3650", "-subj", "/CN=" + name,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  void opensslLeaf(String ca, String name, int days, String extensions, String... keyArgs) throws Exception {
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    List<String> req = new ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name));
    req.addAll(keyArgs.length == 0 ? List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256") : List.of(keyArgs));
    opensslOk(req.toArray(String[]::new));
    opensslOk("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial",
        "-out", name + ".crt", "-days", String.valueOf(days), "-extfile", name + ".ext");
  }

  static final String SERVER_EXT = "subjectAltName=DNS:es.example.com,IP:192.168.1.5\n"
      + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n";

  TrustVerdict judge(String leaf, String ca, String serverName, Instant at) throws Exception {
    TrustCheck.Request request = TrustCheck.Request.of(certs(leaf + ".crt"), certs(ca + ".crt"), at);
    return TrustCheck.check(serverName == null ? request : request.withServerName(serverName));
  }

  @Test
  void trustCheckJudgesOpensslCertificates() throws Exception {
    opensslCa("osslca");
    opensslCa("otherca");
    opensslLeaf("osslca", "good", 10, SERVER_EXT);
    Instant now = Instant.now();
    assertThat(judge("good", "osslca", "es.example.com", now.plus(Duration.ofDays(1))).findings())
        .extracting(TrustFinding::code).containsExactly(TrustFindingCode.EXPIRES_SOON);
    assertThat(judge("good", "osslca", "192.168.1.5", now).trusted()).isTrue();
    assertThat(judge("good", "osslca", "wrong.example.com", now).findings())
        .extracting(TrustFinding::code).contains(TrustFindingCode.NAME_MISMATCH);
    assertThat(judge("good", "osslca", null, now.plus(Duration.ofDays(20))).findings())
        .extracting(TrustFinding::code).containsExactly(TrustFindingCode.EXPIRED);
    assertThat(judge("good", "osslca", null, now.minus(Duration.ofDays(2))).findings())
        .extracting(TrustFinding::code).contains(TrustFindingCode.NOT_YET_VALID);
    assertThat(judge("good", "otherca", "es.example.com", now).findings())
        .extracting(TrustFinding::code).contains(TrustFindingCode.UNTRUSTED_ISSUER);
  }

  @Test
  void trustCheckFlagsOpensslUsageAndKeyProblems() throws Exception {
    opensslCa("osslca");
    opensslLeaf("osslca", "clientonly", 400, "subjectAltName=DNS:es\nextendedKeyUsage=clientAuth\n");
    assertThat(judge("clientonly", "osslca", "es", Instant.now()).findings())
        .extracting(TrustFinding::code).containsExactly(TrustFindingCode.BAD_KEY_USAGE);
    opensslLeaf("osslca", "weak", 400, "subjectAltName=DNS:es\n", "-newkey", "rsa:1024");
    TrustVerdict weak = judge("weak", "osslca", "es", Instant.now());
    assertThat(weak.findings()).extracting(TrustFinding::code).containsExactly(TrustFindingCode.WEAK_KEY);
    // a leaf used as an issuer
    opensslLeaf("osslca", "notca", 400, "subjectAltName=DNS:notca\nbasicConstraints=CA:FALSE\n");
    opensslLeaf("notca", "under", 400, "subjectAltName=DNS:under\n");
    List<X509Certificate> chain = new ArrayList<>(certs("under.crt"));
    chain.addAll(certs("notca.crt"));
    TrustVerdict verdict = TrustCheck.check(TrustCheck.Request.of(chain, certs("osslca.crt"), Instant.now()));
    assertThat(verdict.findings()).extracting(TrustFinding::code).contains(TrustFindingCode.NOT_A_CA);
    assertThat(verdict.trusted()).isFalse();
  }

  @Test
  void opensslKeysAndKeystoresAreReadable() throws Exception {
    opensslOk("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p8.key");
    assertThat(Pem.readPrivateKey("p8.key", Files.readString(dir.resolve("p8.key"))).getAlgorithm()).isEqualTo("EC");
    opensslOk("pkcs8", "-topk8", "-in", "p8.key", "-out", "enc.key", "-v2", "aes-256-cbc", "-passout", "pass:pw");
    assertThat(Pem.readPrivateKey("enc.key", Files.readString(dir.resolve("enc.key")), "pw".toCharArray())).isNotNull();
    opensslOk("genrsa", "-traditional", "-out", "rsa.key", "2048");
    assertThat(Files.readString(dir.resolve("rsa.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Pem.readPrivateKey("rsa.key", Files.readString(dir.resolve("rsa.key"))).getAlgorithm()).isEqualTo("RSA");
    opensslCa("osslca");
    opensslLeaf("osslca", "leaf", 30, SERVER_EXT);
    opensslOk("pkcs12", "-export", "-in", "leaf.crt", "-inkey", "leaf.key", "-certfile", "osslca.crt",
        "-out", "leaf.p12", "-passout", "pass:pw");
    IssuedCertificate read = Pkcs12.read("leaf.p12", Files.readAllBytes(dir.resolve("leaf.p12")), "pw".toCharArray());
    assertThat(read.leaf()).isEqualTo(certs("leaf.crt").get(0));
  }
}
