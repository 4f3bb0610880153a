package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.SecurityInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes certificate directories with the file names of Kubernetes TLS secrets: {@code
 * ca.crt}, {@code tls.crt} (leaf first, then its issuers) and {@code tls.key}, plus {@code ca.key}
 * for a CA. Key files are created owner-readable only ({@code rw-------}) on POSIX file systems.
 *
 * @since 0.1.0
 */
public final class TlsFiles {

  /** The CA certificate file name. */
  public static final String CA_CRT = "ca.crt";
  /** The CA private key file name. */
  public static final String CA_KEY = "ca.key";
  /** The node certificate chain file name. */
  public static final String TLS_CRT = "tls.crt";
  /** The node private key file name. */
  public static final String TLS_KEY = "tls.key";

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private TlsFiles() {}

  /**
   * Writes {@code ca.crt} and {@code ca.key} into a directory, creating it if needed.
   *
   * @param directory the target directory
   * @param ca the CA
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeCa(Path directory, CertificateAuthority ca) {
    Objects.requireNonNull(ca, "ca");
    createDirectories(directory);
    writePublic(directory.resolve(CA_CRT), Pem.writeCertificates(List.of(ca.certificate())));
    writeSecret(directory.resolve(CA_KEY), Pem.writePrivateKey(ca.privateKey()));
  }

  /**
   * Writes {@code tls.crt}, {@code tls.key} and {@code ca.crt} (the last certificate of the chain)
   * into a directory, creating it if needed.
   *
   * @param directory the target directory
   * @param certificate the chain and key
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeNode(Path directory, IssuedCertificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    createDirectories(directory);
    List<X509Certificate> chain = certificate.chain();
    writePublic(directory.resolve(TLS_CRT), Pem.writeCertificates(chain));
    writeSecret(directory.resolve(TLS_KEY), Pem.writePrivateKey(certificate.privateKey()));
    if (chain.size() > 1) {
      writePublic(directory.resolve(CA_CRT), Pem.writeCertificates(List.of(chain.get(chain.size() - 1))));
    }
  }

  /**
   * Reads a CA written by {@link #writeCa(Path, CertificateAuthority)}.
   *
   * @param directory the directory holding {@code ca.crt} and {@code ca.key}
   * @return the CA
   * @throws SecurityInputException if a file is missing or unreadable
   */
  public static CertificateAuthority readCa(Path directory) {
    List<X509Certificate> certificates = Pem.readCertificates(CA_CRT, read(directory.resolve(CA_CRT)));
    PrivateKey key = Pem.readPrivateKey(CA_KEY, read(directory.resolve(CA_KEY)));
    return new CertificateAuthority(certificates.get(0), key);
  }

  /**
   * Reads a text file, turning a missing or unreadable file into a {@link SecurityInputException}.
   *
   * @param file the file
   * @return its content as UTF-8
   */
  public static String read(Path file) {
    Objects.requireNonNull(file, "file");
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // a FIFO would block the read until a writer comes
      throw new SecurityInputException(file.toString(), "the file cannot be read: "
          + (Files.isDirectory(file) ? "it is a directory" : "not a regular file (a FIFO, device or socket)"));
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new SecurityInputException(file.toString(), "the file cannot be read: " + reason(file, e));
    }
  }

  private static String reason(Path file, Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "not UTF-8 text";
    }
    return Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(Objects.requireNonNull(directory, "directory"));
    } catch (IOException e) {
      throw new UncheckedIOException("directory [" + directory + "] cannot be created", e);
    }
  }

  private static void writePublic(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("file [" + file + "] cannot be written", e);
    }
  }

  private static void writeSecret(Path file, String content) {
    try {
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
        boolean ok = file.toFile().setReadable(false, false) && file.toFile().setReadable(true, true)
            && file.toFile().setWritable(false, false) && file.toFile().setWritable(true, true);
        if (!ok) {
          throw new IOException("permissions of [" + file + "] cannot be restricted to the owner");
        }
      }
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new UncheckedIOException("file [" + file + "] was created concurrently", e);
    } catch (IOException e) {
      throw new UncheckedIOException("file [" + file + "] cannot be written", e);
    }
  }
}
