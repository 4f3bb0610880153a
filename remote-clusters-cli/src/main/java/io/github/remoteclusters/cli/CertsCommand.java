package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.security.SecurityInputException;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.IssuedCertificate;
import io.github.remoteclusters.security.certs.KeyAlgorithm;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import io.github.remoteclusters.security.certs.Pem;
import io.github.remoteclusters.security.certs.TlsFiles;
import io.github.remoteclusters.security.certs.TrustCheck;
import io.github.remoteclusters.security.certs.TrustFinding;
import io.github.remoteclusters.security.certs.TrustVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code certs}: create a CA, issue node certificates and check certificate trust for the
 * transport-certificate model.
 *
 * <p>Exit codes: 0 done or trusted, 1 not trusted, 2 invalid input. No stack traces are printed.
 *
 * @since 0.1.0
 */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = "Create CAs and node certificates, and check certificate trust.",
    subcommands = {CertsCommand.Ca.class, CertsCommand.Issue.class, CertsCommand.Verify.class})
public final class CertsCommand implements Callable<Integer> {

  /** Exit code for invalid input. */
  static final int INVALID_INPUT = 2;

  @Spec CommandSpec spec;

  /** Creates the command. */
  public CertsCommand() {}

  /**
   * Prints usage; a subcommand is required.
   *
   * @return 2
   */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return INVALID_INPUT;
  }

  /**
   * Refuses to replace an existing file (a private key or a certificate) unless it already holds
   * {@code sameContent}; {@code --force} skips this check.
   */
  static void refuseToOverwrite(Path file, String sameContent) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (sameContent != null && Files.isRegularFile(file)
        && Files.readString(file, StandardCharsets.UTF_8).strip().equals(sameContent.strip())) {
      return;
    }
    throw new IllegalArgumentException("[" + file + "] exists: refusing to overwrite it"
        + (file.getFileName().toString().endsWith(".key") ? " (a private key)" : "")
        + "; use --force to replace it");
  }

  /** {@return "remote-clusters CA", the time to the second and 4 random hex digits} */
  static String defaultCaName() {
    return "remote-clusters CA " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " "
        + String.format("%04x", new SecureRandom().nextInt(0x10000));
  }

  /** Runs an action, turning input errors into exit code 2 with a message on stderr. */
  static int guarded(CommandSpec spec, Callable<Integer> action) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return action.call();
    } catch (SecurityInputException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
    } catch (Exception e) {
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    err.flush();
    return INVALID_INPUT;
  }

  static Duration days(int days) {
    if (days <= 0) {
      throw new IllegalArgumentException("--days [" + days + "] is invalid: must be at least 1");
    }
    return Duration.ofDays(days);
  }

  /** {@code certs ca}. */
  @Command(name = "ca", mixinStandardHelpOptions = true, description = "Create a CA: writes DIR/ca.crt and DIR/ca.key.")
  static final class Ca implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write ca.crt and ca.key to.")
    Path out;

    @Option(names = "--cn", paramLabel = "NAME",
        description = "Subject common name (default: remote-clusters CA, the creation time and a random"
            + " suffix, so that two CAs are told apart in trust messages).")
    String commonName;

    @Option(names = "--force", description = "Replace an existing ca.crt and ca.key.")
    boolean force;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1095", description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--key", paramLabel = "ec|rsa2048|rsa3072|rsa4096", defaultValue = "ec", description = "Key type (default: ${DEFAULT-VALUE}).")
    String key;

    @Override
    public Integer call() {
      return guarded(spec, () -> {
        if (!force) {
          refuseToOverwrite(out.resolve(TlsFiles.CA_CRT), null);
          refuseToOverwrite(out.resolve(TlsFiles.CA_KEY), null);
        }
        String cn = commonName != null ? commonName : defaultCaName();
        CaRequest request = CaRequest.of(cn).withValidity(days(days)).withKeyAlgorithm(KeyAlgorithm.parse(key));
        CertificateAuthority ca = Certificates.createCa(request);
        TlsFiles.writeCa(out, ca);
        PrintWriter err = spec.commandLine().getErr();
        err.println("wrote " + out.resolve(TlsFiles.CA_CRT) + " and " + out.resolve(TlsFiles.CA_KEY) + " (owner-only)");
        err.flush();
        return 0;
      });
    }
  }

  /** {@code certs issue}. */
  @Command(name = "issue", mixinStandardHelpOptions = true,
      description = "Issue a node certificate: writes DIR/tls.crt (leaf, then CA), DIR/tls.key and DIR/ca.crt.")
  static final class Issue implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--ca", required = true, paramLabel = "DIR", description = "Directory holding ca.crt and ca.key.")
    Path caDirectory;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write tls.crt and tls.key to.")
    Path out;

    @Option(names = "--dns", required = true, paramLabel = "NAME", description = "DNS subject alternative name; repeatable.")
    List<String> dns = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IP", description = "IP subject alternative name; repeatable.")
    List<String> ips = new ArrayList<>();

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--key", paramLabel = "ec|rsa2048|rsa3072|rsa4096", defaultValue = "ec", description = "Key type (default: ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--force", description = "Replace an existing tls.crt, tls.key and a different ca.crt.")
    boolean force;

    @Override
    public Integer call() {
      return guarded(spec, () -> {
        CertificateAuthority ca = TlsFiles.readCa(caDirectory);
        if (!force) {
          refuseToOverwrite(out.resolve(TlsFiles.TLS_CRT), null);
          refuseToOverwrite(out.resolve(TlsFiles.TLS_KEY), null);
          // the CA's own directory as --out: the same ca.crt is not an overwrite
          refuseToOverwrite(out.resolve(TlsFiles.CA_CRT), Pem.writeCertificates(List.of(ca.certificate())));
        }
        NodeCertificateRequest request = new NodeCertificateRequest(dns.get(0), dns, ips, Instant.now(),
            days(days), KeyAlgorithm.parse(key));
        IssuedCertificate issued = Certificates.issue(ca, request);
        TlsFiles.writeNode(out, issued);
        PrintWriter err = spec.commandLine().getErr();
        err.println("wrote " + out.resolve(TlsFiles.TLS_CRT) + ", " + out.resolve(TlsFiles.TLS_KEY)
            + " (owner-only) and " + out.resolve(TlsFiles.CA_CRT));
        err.flush();
        return 0;
      });
    }
  }

  /** {@code certs verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check whether a chain is trusted: exit 0 trusted, 1 not trusted, 2 bad input.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--chain", required = true, paramLabel = "FILE", description = "PEM chain the remote presents, leaf first.")
    Path chain;

    @Option(names = "--trust", required = true, paramLabel = "FILE", description = "PEM file of trusted CAs.")
    Path trust;

    @Option(names = "--server-name", paramLabel = "NAME", description = "Expected server name (proxy mode server_name).")
    String serverName;

    @Option(names = "--at", paramLabel = "ISO-8601-INSTANT", description = "Instant to check validity at (default: now).")
    String at;

    @Option(names = "--client-auth", description = "Also require TLS client authentication (certificate model).")
    boolean clientAuth;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
      int code = guarded(spec, this::verify);
      if (code == INVALID_INPUT && json) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("{\"error\":\"invalid input; see stderr\"}");
        out.flush();
      }
      return code;
    }

    private int verify() throws Exception {
      Instant instant;
      try {
        instant = at == null ? Instant.now() : Instant.parse(at);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--at [" + at + "] is invalid: expected an ISO-8601 instant such as 2026-01-31T12:00:00Z");
      }
      List<X509Certificate> presented = Pem.readCertificates(chain.toString(), TlsFiles.read(chain));
      List<X509Certificate> trusted = Pem.readCertificates(trust.toString(), TlsFiles.read(trust));
      TrustCheck.Request request = new TrustCheck.Request(presented, trusted, serverName, instant, clientAuth);
      TrustVerdict verdict = TrustCheck.check(request);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("trusted", verdict.trusted());
        ArrayNode findings = root.putArray("findings");
        for (TrustFinding finding : verdict.findings()) {
          ObjectNode node = findings.addObject();
          node.put("code", finding.code().name());
          node.put("severity", finding.severity().name());
          node.put("subject", finding.subject());
          node.put("message", finding.message());
        }
        out.println(mapper.writeValueAsString(root));
      } else {
        out.println(verdict.trusted() ? "trusted" : "not trusted");
        for (TrustFinding finding : verdict.findings()) {
          out.println(finding.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + finding.code() + ": " + finding.message());
        }
      }
      out.flush();
      return verdict.trusted() ? 0 : 1;
    }
  }
}
