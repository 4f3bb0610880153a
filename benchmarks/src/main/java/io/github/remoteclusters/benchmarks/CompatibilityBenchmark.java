package io.github.remoteclusters.benchmarks;

import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
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

/** Cost of one cross-cluster search support check, with parsed versions and with strings. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompatibilityBenchmark {

  /** Pairs: a documented cell, and one inferred beyond the table. */
  @Param({"9.0.2>8.19.5", "9.4.1>9.3.0"})
  public String pair;

  private String localText;
  private String remoteText;
  private EsVersion local;
  private EsVersion remote;

  /** Parses the pair once. */
  @Setup
  public void setUp() {
    String[] parts = pair.split(">");
    localText = parts[0];
    remoteText = parts[1];
    local = EsVersion.parse(localText);
    remote = EsVersion.parse(remoteText);
  }

  /**
   * A support check on parsed versions.
   *
   * @return whether supported (returned so the JIT keeps the work)
   */
  @Benchmark
  public boolean searchParsed() {
    return Compatibility.search(local, remote).supported();
  }

  /**
   * A support check that parses both strings first.
   *
   * @return whether supported
   */
  @Benchmark
  public boolean searchFromStrings() {
    return Compatibility.search(EsVersion.parse(localText), EsVersion.parse(remoteText)).supported();
  }

  /**
   * The whole verdict with its reason text, as the CLI shows it.
   *
   * @return the verdict's reason
   */
  @Benchmark
  public String searchWithReason() {
    CompatibilityVerdict v = Compatibility.search(local, remote);
    return v.reason();
  }
}
