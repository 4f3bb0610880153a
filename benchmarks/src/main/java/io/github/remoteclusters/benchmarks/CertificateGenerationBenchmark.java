package io.github.remoteclusters.benchmarks;

import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.IssuedCertificate;
import io.github.remoteclusters.security.certs.KeyAlgorithm;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of creating a CA plus one node certificate (key generation included), and of issuing one
 * more node certificate from an existing CA, for EC P-256 and RSA 2048.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificateGenerationBenchmark {

  /** The key type of both the CA and the node certificate. */
  @Param({"EC_P256", "RSA_2048"})
  public KeyAlgorithm algorithm;

  private CertificateAuthority ca;

  /** Creates the CA used by {@link #issueNodeCertificate()}. */
  @Setup
  public void setUp() {
    ca = Certificates.createCa(CaRequest.of("bench CA").withKeyAlgorithm(algorithm));
  }

  /**
   * A new CA and one node certificate signed by it.
   *
   * @return the node certificate
   */
  @Benchmark
  public IssuedCertificate caAndNodeCertificate() {
    CertificateAuthority fresh = Certificates.createCa(CaRequest.of("bench CA").withKeyAlgorithm(algorithm));
    return Certificates.issue(fresh, request());
  }

  /**
   * One node certificate from the existing CA.
   *
   * @return the node certificate
   */
  @Benchmark
  public IssuedCertificate issueNodeCertificate() {
    return Certificates.issue(ca, request());
  }

  private NodeCertificateRequest request() {
    return NodeCertificateRequest.forDnsNames("es-0.es.default.svc", "es-es-remote-cluster.default.svc")
        .withIpAddresses(List.of("10.0.0.1"))
        .withKeyAlgorithm(algorithm);
  }
}
