package io.github.remoteclusters.security.internal;

import io.github.remoteclusters.security.certs.TrustFinding;
import io.github.remoteclusters.security.certs.TrustFindingCode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The trust check: JDK PKIX validation plus per-certificate checks, collected as findings. */
public final class TrustChecker {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_EKU = "2.5.29.37.0";
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_CERT_SIGN = 5;

  private TrustChecker() {}

  /** Runs every check and returns the findings, de-duplicated by code and subject. */
  public static List<TrustFinding> check(List<X509Certificate> chain, List<X509Certificate> trusted,
      String serverName, Instant at, boolean requireClientAuth, int warningDays) {
    Findings findings = new Findings();
    List<X509Certificate> path = pathWithoutSelfSigned(chain);
    X509Certificate anchor = findAnchor(chain, path, trusted);
    List<X509Certificate> dated = new ArrayList<>(chain);
    if (anchor != null && !containsEncoded(dated, anchor)) {
      dated.add(anchor);
    }
    for (X509Certificate certificate : dated) {
      checkDates(findings, certificate, at, warningDays);
      checkKeyStrength(findings, certificate);
    }
    checkLeafUsage(findings, chain.get(0), requireClientAuth);
    for (int i = 1; i < chain.size(); i++) {
      checkIssuer(findings, chain.get(i), chain.get(i - 1));
    }
    checkPath(findings, chain, path, trusted);
    if (serverName != null) {
      checkName(findings, chain.get(0), serverName);
    }
    return findings.list();
  }

  private static void checkDates(Findings findings, X509Certificate certificate, Instant at, int warningDays) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    String subject = subject(certificate);
    if (at.isAfter(notAfter)) {
      findings.add(TrustFindingCode.EXPIRED, subject, "certificate [" + subject + "] expired at "
          + notAfter + ", before the checked instant " + at);
    } else if (at.isBefore(notBefore)) {
      findings.add(TrustFindingCode.NOT_YET_VALID, subject, "certificate [" + subject
          + "] is not valid before " + notBefore + ", after the checked instant " + at);
    } else if (!notAfter.isAfter(at.plus(Duration.ofDays(warningDays)))) {
      findings.add(TrustFindingCode.EXPIRES_SOON, subject, "certificate [" + subject + "] expires at "
          + notAfter + ", within " + warningDays + " days of " + at);
    }
  }

  private static void checkKeyStrength(Findings findings, X509Certificate certificate) {
    PublicKey key = certificate.getPublicKey();
    String subject = subject(certificate);
    if (key instanceof RSAPublicKey) {
      int bits = ((RSAPublicKey) key).getModulus().bitLength();
      if (bits < 2048) {
        findings.add(TrustFindingCode.WEAK_KEY, subject, "certificate [" + subject + "] has an RSA key of "
            + bits + " bits; at least 2048 bits are recommended");
      }
    } else if (key instanceof ECPublicKey) {
      int bits = ((ECPublicKey) key).getParams().getOrder().bitLength();
      if (bits < 256) {
        findings.add(TrustFindingCode.WEAK_KEY, subject, "certificate [" + subject + "] has an EC key of "
            + bits + " bits; at least 256 bits are recommended");
      }
    }
  }

  private static void checkLeafUsage(Findings findings, X509Certificate leaf, boolean requireClientAuth) {
    String subject = subject(leaf);
    boolean[] usage = leaf.getKeyUsage();
    if (usage != null) {
      boolean rsa = leaf.getPublicKey() instanceof RSAPublicKey;
      boolean ok = bit(usage, DIGITAL_SIGNATURE) || (rsa && bit(usage, KEY_ENCIPHERMENT));
      if (!ok) {
        findings.add(TrustFindingCode.BAD_KEY_USAGE, subject, "certificate [" + subject
            + "] has a key usage without digitalSignature" + (rsa ? " or keyEncipherment" : "")
            + ", so it cannot authenticate a TLS connection");
      }
    }
    List<String> extended;
    try {
      extended = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      findings.add(TrustFindingCode.BAD_KEY_USAGE, subject,
          "certificate [" + subject + "] has an unreadable extended key usage extension");
      return;
    }
    if (extended != null && !extended.contains(ANY_EKU)) {
      if (!extended.contains(SERVER_AUTH)) {
        findings.add(TrustFindingCode.BAD_KEY_USAGE, subject, "certificate [" + subject
            + "] has an extended key usage without serverAuth, so it cannot be a TLS server certificate");
      }
      if (requireClientAuth && !extended.contains(CLIENT_AUTH)) {
        findings.add(TrustFindingCode.BAD_KEY_USAGE, subject, "certificate [" + subject
            + "] has an extended key usage without clientAuth, but transport TLS is mutual and needs it");
      }
    }
  }

  private static void checkIssuer(Findings findings, X509Certificate issuer, X509Certificate issued) {
    if (!issuer.getSubjectX500Principal().equals(issued.getIssuerX500Principal())) {
      return;
    }
    String subject = subject(issuer);
    if (issuer.getBasicConstraints() < 0) {
      findings.add(TrustFindingCode.NOT_A_CA, subject, "certificate [" + subject + "] issued ["
          + subject(issued) + "] but is not a CA: basicConstraints CA is not true");
    }
    boolean[] usage = issuer.getKeyUsage();
    if (usage != null && !bit(usage, KEY_CERT_SIGN)) {
      findings.add(TrustFindingCode.BAD_KEY_USAGE, subject, "certificate [" + subject + "] issued ["
          + subject(issued) + "] but its key usage lacks keyCertSign");
    }
  }

  private static void checkPath(Findings findings, List<X509Certificate> chain,
      List<X509Certificate> path, List<X509Certificate> trusted) {
    X509Certificate last = chain.get(chain.size() - 1);
    if (trusted.isEmpty()) {
      findings.add(TrustFindingCode.UNTRUSTED_ISSUER, subject(chain.get(0)),
          "no CA is trusted, so [" + subject(chain.get(0)) + "] cannot be trusted");
      return;
    }
    if (path.isEmpty()) {
      if (!containsEncoded(trusted, last)) {
        findings.add(TrustFindingCode.UNTRUSTED_ISSUER, subject(last), "certificate [" + subject(last)
            + "] is self-signed and is not one of the trusted CAs " + subjects(trusted));
      }
      return;
    }
    try {
      Set<TrustAnchor> anchors = new HashSet<>();
      for (X509Certificate ca : trusted) {
        anchors.add(new TrustAnchor(ca, null));
      }
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(validationInstant(path)));
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    } catch (CertPathValidatorException e) {
      int index = e.getIndex();
      X509Certificate culprit = index >= 0 && index < path.size() ? path.get(index) : path.get(path.size() - 1);
      String subject = subject(culprit);
      if (e.getReason() == PKIXReason.NOT_CA_CERT || e.getReason() == PKIXReason.PATH_TOO_LONG) {
        findings.add(TrustFindingCode.NOT_A_CA, subject, "certificate [" + subject
            + "] is used as an issuer but may not issue certificates (" + e.getReason() + ")");
      } else if (e.getReason() == PKIXReason.INVALID_KEY_USAGE) {
        findings.add(TrustFindingCode.BAD_KEY_USAGE, subject, "certificate [" + subject
            + "] has a key usage that PKIX path validation rejects");
      } else {
        X509Certificate top = path.get(path.size() - 1);
        findings.add(TrustFindingCode.UNTRUSTED_ISSUER, subject(top), "no trusted CA issued ["
            + subject(top) + "] (its issuer is [" + issuer(top) + "]); trusted CAs: " + subjects(trusted)
            + " (PKIX: " + e.getReason() + ")");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's PKIX validator is unavailable: " + e.getMessage(), e);
    }
  }

  /** An instant inside every certificate's validity if there is one, so dates don't hide trust. */
  private static Instant validationInstant(List<X509Certificate> path) {
    Instant latestStart = Instant.MIN;
    Instant earliestEnd = Instant.MAX;
    for (X509Certificate certificate : path) {
      Instant start = certificate.getNotBefore().toInstant();
      Instant end = certificate.getNotAfter().toInstant();
      latestStart = start.isAfter(latestStart) ? start : latestStart;
      earliestEnd = end.isBefore(earliestEnd) ? end : earliestEnd;
    }
    return latestStart.isAfter(earliestEnd) ? earliestEnd : latestStart;
  }

  private static void checkName(Findings findings, X509Certificate leaf, String serverName) {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    try {
      Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          Object type = san.get(0);
          if (Integer.valueOf(2).equals(type)) {
            dns.add(String.valueOf(san.get(1)));
          } else if (Integer.valueOf(7).equals(type)) {
            ips.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // an unreadable SAN extension matches nothing; reported as a mismatch below
    }
    String commonName = commonName(leaf);
    if (!Names.matches(serverName, dns, ips, commonName)) {
      List<String> names = new ArrayList<>();
      dns.forEach(d -> names.add("DNS:" + d));
      ips.forEach(i -> names.add("IP:" + i));
      if (names.isEmpty() && commonName != null) {
        names.add("CN:" + commonName);
      }
      String subject = subject(leaf);
      findings.add(TrustFindingCode.NAME_MISMATCH, subject, "server name [" + serverName
          + "] matches none of the names of certificate [" + subject + "] " + names
          + " (RFC 6125: exact match, or a wildcard in the left-most label only)");
    }
  }

  private static List<X509Certificate> pathWithoutSelfSigned(List<X509Certificate> chain) {
    List<X509Certificate> path = new ArrayList<>(chain);
    while (!path.isEmpty() && isSelfSigned(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    return path;
  }

  private static X509Certificate findAnchor(List<X509Certificate> chain, List<X509Certificate> path,
      List<X509Certificate> trusted) {
    X509Certificate top = path.isEmpty() ? chain.get(chain.size() - 1) : path.get(path.size() - 1);
    for (X509Certificate ca : trusted) {
      if (ca.getSubjectX500Principal().equals(top.getIssuerX500Principal()) && verifies(top, ca.getPublicKey())) {
        return ca;
      }
    }
    return null;
  }

  /** Whether a certificate is issued by itself and its signature verifies with its own key. */
  public static boolean isSelfSigned(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
        && verifies(certificate, certificate.getPublicKey());
  }

  private static boolean verifies(X509Certificate certificate, PublicKey key) {
    try {
      certificate.verify(key);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean containsEncoded(List<X509Certificate> certificates, X509Certificate wanted) {
    try {
      byte[] encoded = wanted.getEncoded();
      for (X509Certificate certificate : certificates) {
        if (Arrays.equals(encoded, certificate.getEncoded())) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean bit(boolean[] bits, int index) {
    return bits.length > index && bits[index];
  }

  /** The RFC 2253 subject name of a certificate. */
  public static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  private static String issuer(X509Certificate certificate) {
    return certificate.getIssuerX500Principal().getName();
  }

  private static List<String> subjects(List<X509Certificate> certificates) {
    List<String> subjects = new ArrayList<>();
    certificates.forEach(c -> subjects.add(subject(c)));
    return subjects;
  }

  private static String commonName(X509Certificate certificate) {
    try {
      RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
      return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[rdns.length - 1].getFirst().getValue());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Findings, keeping the first of each code and subject. */
  private static final class Findings {
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<TrustFinding> list = new ArrayList<>();

    void add(TrustFindingCode code, String subject, String message) {
      if (seen.add(code + "|" + subject)) {
        list.add(new TrustFinding(code, subject, message));
      }
    }

    List<TrustFinding> list() {
      return list;
    }
  }
}
