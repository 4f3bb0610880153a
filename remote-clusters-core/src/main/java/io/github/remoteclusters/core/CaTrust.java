package io.github.remoteclusters.core;

import io.github.remoteclusters.security.SecurityInputException;
import io.github.remoteclusters.security.certs.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How a cluster's TLS endpoint is trusted by its peers: a publicly trusted CA (nothing to copy),
 * or the private CA certificates of a PEM file.
 *
 * <p>In a topology file, {@code remoteClusterCa} and {@code transportCa} of a cluster take the
 * word {@code public} or the path of a PEM file, relative to the topology file. The Elastic docs:
 * "If the remote cluster uses a publicly trusted certificate, don't include the {@code
 * certificate_authorities} setting"; behind a TLS-terminating load balancer or Ingress, "use the
 * CA of that component, or omit the CA entirely" when it is public.
 *
 * @since 0.1.0
 */
public sealed interface CaTrust permits CaTrust.Public, CaTrust.PemFile {

  /** The single value for a publicly trusted CA. */
  CaTrust PUBLIC = new Public();

  /** {@return true for a publicly trusted CA: peers need no CA file} */
  default boolean isPublic() {
    return this instanceof Public;
  }

  /**
   * A publicly trusted CA: the JDK's and Elasticsearch's default trust store accept it.
   *
   * @since 0.1.0
   */
  record Public() implements CaTrust {
    /** {@return {@code public}} */
    @Override
    public String toString() {
      return "public";
    }
  }

  /**
   * Private CA certificates read from a PEM file.
   *
   * @param path the file as resolved (relative paths against the topology file's folder)
   * @param certificates the certificates in file order, at least one
   * @since 0.1.0
   */
  record PemFile(Path path, List<X509Certificate> certificates) implements CaTrust {
    /** Checks the components and copies the list. */
    public PemFile {
      Objects.requireNonNull(path, "path");
      certificates = List.copyOf(certificates);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("a CA file needs at least one certificate: " + path);
      }
    }

    /** The largest CA file read: a CA bundle is a few KB; more is not a PEM CA file. */
    private static final long MAX_BYTES = 1L << 20;

    /**
     * Reads a PEM file of CA certificates, as the topology reader and the applier do.
     *
     * @param file the file
     * @return the file and its certificates, at least one
     * @throws IllegalArgumentException naming the file when it is missing, a directory, larger than
     *     1 MiB, unreadable or holds no PEM certificate
     */
    public static PemFile read(Path file) {
      Objects.requireNonNull(file, "file");
      String pem;
      try {
        if (Files.isDirectory(file)) {
          throw new IllegalArgumentException("CA file [" + file + "] is a directory, not a PEM file");
        }
        String special = TextInput.notRegular(file);
        if (special != null) {
          throw new IllegalArgumentException("CA file [" + file + "] is " + special);
        }
        if (Files.size(file) > MAX_BYTES) {
          throw new IllegalArgumentException(
              "CA file [" + file + "] is larger than " + MAX_BYTES + " bytes: not a PEM CA file");
        }
        pem = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("CA file [" + file + "] does not exist", e);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "CA file [" + file + "] cannot be read: " + e.getMessage(), e);
      }
      try {
        return new PemFile(file, Pem.readCertificates(file.toString(), pem));
      } catch (SecurityInputException e) {
        throw new IllegalArgumentException(
            "CA file [" + file + "] is not a PEM certificate file: " + e.getMessage(), e);
      }
    }

    /** {@return the certificates as PEM text, as a ConfigMap or Elasticsearch reads them} */
    public String pem() {
      return Pem.writeCertificates(certificates);
    }

    /** {@return the path and the number of certificates} */
    @Override
    public String toString() {
      return "PemFile[" + path + ", " + certificates.size() + " certificate(s)]";
    }
  }
}
