package io.github.remoteclusters.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.security.certs.KeyAlgorithm;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Server name matching against the JDK's {@code sun.security.util.HostnameChecker} (type TLS), the
 * checker Elasticsearch relies on for {@code verification_mode: full}: for each case our verdict
 * must equal the JDK's on the same certificate.
 */
class HostnameMatchingTest {

  private static final KeyPair KEY = CertificateMaker.generateKeyPair(KeyAlgorithm.EC_P256);

  @ParameterizedTest(name = "{0} vs CN={1} DNS={2} IP={3} -> {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      es.example.com        | node    | es.example.com          | -           | true
      ES.Example.COM        | node    | es.example.com          | -           | true
      es.example.com        | node    | *.example.com           | -           | true
      a.b.example.com       | node    | *.example.com           | -           | false
      example.com           | node    | *.example.com           | -           | false
      foo.example.com       | node    | f*o.example.com         | -           | true
      foo.example.com       | node    | f*.example.com          | -           | true
      bar.example.com       | node    | f*.example.com          | -           | false
      foo.bar.example.com   | node    | foo.*.example.com       | -           | true
      es.example.com        | node    | *                       | -           | false
      es.example.com        | node    | *.EXAMPLE.com           | -           | true
      a-b.example.com       | node    | *-*.example.com         | -           | true
      x.example.com         | node    | *.*.com                 | -           | true
      es.example.com        | node    | *.                      | -           | false
      es.com                | node    | *com                    | -           | false
      es.example.com.       | node    | es.example.com          | -           | false
      es_1.example.com      | node    | es_1.example.com        | -           | false
      es.example.com        | es.example.com | -                | -           | true
      es.example.com        | es.example.com | -                | 10.0.0.1    | true
      es.example.com        | es.example.com | other.example.com | -          | false
      10.0.0.1              | 10.0.0.1 | -                      | -           | false
      10.0.0.1              | node    | 10.0.0.1                | -           | false
      10.0.0.1              | node    | -                       | 10.0.0.1    | true
      ::1                   | node    | -                       | 0:0:0:0:0:0:0:1 | true
      bücher.example        | node    | xn--bcher-kva.example   | -           | true
      xn--bcher-kva.example | node    | bücher.example          | -           | false
      """)
  void sameVerdictAsTheJdk(String serverName, String cn, String dns, String ip, boolean expected) throws Exception {
    X509Certificate certificate = certificate(cn, dns, ip);
    // the names as the certificate carries them, read the way TrustChecker reads them
    List<String> dnsSans = new ArrayList<>();
    List<String> ipSans = new ArrayList<>();
    if (certificate.getSubjectAlternativeNames() != null) {
      for (List<?> san : certificate.getSubjectAlternativeNames()) {
        (Integer.valueOf(2).equals(san.get(0)) ? dnsSans : ipSans).add(String.valueOf(san.get(1)));
      }
    }
    assertThat(jdkMatches(serverName, certificate)).as("JDK").isEqualTo(expected);
    assertThat(Names.matches(serverName, dnsSans, ipSans, cn)).as("ours").isEqualTo(expected);
  }

  private static boolean jdkMatches(String serverName, X509Certificate certificate) throws Exception {
    Class<?> checker = Class.forName("sun.security.util.HostnameChecker");
    Object tls = checker.getMethod("getInstance", byte.class).invoke(null, (byte) 1);
    Method match = checker.getMethod("match", String.class, X509Certificate.class);
    try {
      match.invoke(tls, serverName, certificate);
      return true;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof CertificateException) {
        return false;
      }
      throw e;
    }
  }

  private static X509Certificate certificate(String cn, String dns, String ip) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + cn), BigInteger.ONE,
        Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn), KEY.getPublic());
    List<GeneralName> names = new ArrayList<>();
    if (dns != null) {
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    if (ip != null) {
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    if (!names.isEmpty()) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(KEY.getPrivate())));
  }
}
