package io.github.remoteclusters.security.certs;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ordered, de-duplicated set of CA certificates written as one {@code ca.crt}, built the way
 * ECK builds a cluster's remote CA bundle: the CAs of each source (one per peer cluster) are
 * concatenated in source-name order, and a certificate seen before is dropped.
 *
 * @param certificates the CAs, in bundle order, without duplicates
 * @since 0.1.0
 */
public record CaBundle(List<X509Certificate> certificates) {

  /** Copies the list and drops duplicates (same DER encoding), keeping the first occurrence. */
  public CaBundle {
    certificates = deduplicate(Objects.requireNonNull(certificates, "certificates"));
  }

  /**
   * Merges CAs from named sources: sources sorted by name (ECK sorts the per-peer CA secrets by
   * name), certificates of a source in their order, duplicates dropped.
   *
   * @param bySource the CAs of each source, for example per peer {@code <local>-<ns>-<peer>-es-remote-ca}
   * @return the bundle
   */
  public static CaBundle merge(Map<String, List<X509Certificate>> bySource) {
    List<X509Certificate> all = new ArrayList<>();
    new TreeMap<>(Objects.requireNonNull(bySource, "bySource")).values().forEach(all::addAll);
    return new CaBundle(all);
  }

  /**
   * Like {@link #merge(Map)}, but when no source has a CA the bundle holds {@code ownCa}, as ECK
   * writes the cluster's own transport CA to avoid an empty PEM file.
   *
   * @param bySource the CAs of each source
   * @param ownCa the cluster's own CA
   * @return the bundle, never empty
   */
  public static CaBundle mergeOrOwn(Map<String, List<X509Certificate>> bySource, X509Certificate ownCa) {
    CaBundle merged = merge(bySource);
    return merged.certificates().isEmpty() ? new CaBundle(List.of(Objects.requireNonNull(ownCa, "ownCa"))) : merged;
  }

  /**
   * This bundle followed by the certificates of another, duplicates dropped.
   *
   * @param other the bundle to append
   * @return the combined bundle
   */
  public CaBundle plus(CaBundle other) {
    List<X509Certificate> all = new ArrayList<>(certificates);
    all.addAll(Objects.requireNonNull(other, "other").certificates());
    return new CaBundle(all);
  }

  /**
   * The bundle as PEM, the content of a {@code ca.crt} file.
   *
   * @return concatenated {@code CERTIFICATE} blocks
   */
  public String toPem() {
    return Pem.writeCertificates(certificates);
  }

  private static List<X509Certificate> deduplicate(List<X509Certificate> certificates) {
    Set<String> seen = new LinkedHashSet<>();
    List<X509Certificate> unique = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      try {
        if (seen.add(Base64.getEncoder().encodeToString(
            Objects.requireNonNull(certificate, "certificate").getEncoded()))) {
          unique.add(certificate);
        }
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate [" + certificate.getSubjectX500Principal()
            + "] is invalid: it cannot be DER-encoded", e);
      }
    }
    return List.copyOf(unique);
  }
}
