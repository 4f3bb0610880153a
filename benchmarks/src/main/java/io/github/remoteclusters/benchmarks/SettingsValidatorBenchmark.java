package io.github.remoteclusters.benchmarks;

import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Validating one {@code PUT _cluster/settings} body from text, through the public API. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SettingsValidatorBenchmark {

  private static final String BODY =
      "{\"persistent\":{\"cluster\":{\"remote\":{\"logs\":{\"mode\":\"proxy\","
          + "\"proxy_address\":\"logs.example.com:9443\",\"server_name\":\"logs.example.com\","
          + "\"skip_unavailable\":true,\"transport.compress\":\"indexing_data\","
          + "\"seeds\":null,\"node_connections\":null}}}},"
          + "\"transient\":{\"cluster.remote.old.seeds\":[\"a:9300\",\"b:9300\"]}}";

  /**
   * Parses and validates the text.
   *
   * @return whether valid
   */
  @Benchmark
  public boolean textBody() {
    return RemoteClusterSettingsValidator.validate(BODY).valid();
  }
}
