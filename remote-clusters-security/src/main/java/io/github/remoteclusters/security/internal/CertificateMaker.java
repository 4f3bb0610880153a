package io.github.remoteclusters.security.internal;

import io.github.remoteclusters.security.certs.KeyAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pair generation and certificate signing with BouncyCastle's builders and the JDK's crypto. */
public final class CertificateMaker {

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateMaker() {}

  /** Generates a key pair of the given type. */
  public static KeyPair generateKeyPair(KeyAlgorithm algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
      if (algorithm == KeyAlgorithm.EC_P256) {
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      } else {
        generator.initialize(algorithm.bits(), RANDOM);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys: " + e.getMessage(), e);
    }
  }

  /** Creates a self-signed CA certificate. */
  public static X509Certificate selfSignedCa(
      String commonName, Instant notBefore, Duration validity, KeyPair keyPair, KeyAlgorithm algorithm) {
    X500Principal subject = subject(commonName);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = builder(subject, subject, notBefore, validity, keyPair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          utils.createSubjectKeyIdentifier(keyPair.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(keyPair.getPublic()));
      return sign(builder, keyPair.getPrivate(), algorithm);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("could not build CA certificate: " + e.getMessage(), e);
    }
  }

  /** Creates a node certificate for TLS server and client authentication signed by the CA. */
  public static X509Certificate node(
      X509Certificate ca, PrivateKey caKey, String commonName, List<String> dnsNames,
      List<String> ipAddresses, Instant notBefore, Duration validity, PublicKey publicKey,
      KeyAlgorithm leafAlgorithm) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(ca.getSubjectX500Principal(), subject(commonName), notBefore, validity, publicKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      int usage = KeyUsage.digitalSignature
          | (leafAlgorithm == KeyAlgorithm.EC_P256 ? 0 : KeyUsage.keyEncipherment);
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      List<GeneralName> names = new ArrayList<>();
      for (String dns : dnsNames) {
        names.add(new GeneralName(GeneralName.dNSName, dns));
      }
      for (String ip : ipAddresses) {
        names.add(new GeneralName(GeneralName.iPAddress, ip));
      }
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(names.toArray(new GeneralName[0])));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
      return sign(builder, caKey, signerAlgorithm(caKey));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("could not build node certificate: " + e.getMessage(), e);
    }
  }

  private static KeyAlgorithm signerAlgorithm(PrivateKey key) {
    return key.getAlgorithm().startsWith("EC") ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048;
  }

  private static X500Principal subject(String commonName) {
    try {
      return new X500Principal("CN=" + escape(commonName));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "commonName [" + commonName + "] is invalid: not usable in an X.500 name");
    }
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (",+\"\\<>;=#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static X509v3CertificateBuilder builder(
      X500Principal issuer, X500Principal subject, Instant notBefore, Duration validity, PublicKey key) {
    BigInteger serial = new BigInteger(159, RANDOM).add(BigInteger.ONE);
    return new JcaX509v3CertificateBuilder(
        issuer, serial, Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey signer, KeyAlgorithm algorithm)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).build(signer)));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("could not sign certificate: " + e.getMessage(), e);
    }
  }
}
