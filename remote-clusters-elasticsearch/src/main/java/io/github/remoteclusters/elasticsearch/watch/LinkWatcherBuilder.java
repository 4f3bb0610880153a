package io.github.remoteclusters.elasticsearch.watch;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.watch.internal.DefaultLinkWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link LinkWatcher}; every setting but the topology and configuration has a default.
 *
 * @since 0.1.0
 */
public final class LinkWatcherBuilder {

  /** The interval when none is set: 30 seconds. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** How often certificates are read again when not set: every hour. */
  public static final Duration DEFAULT_CERTIFICATE_INTERVAL = Duration.ofHours(1);

  private final Topology topology;
  private final ReconcilerConfig config;
  private Duration interval = DEFAULT_INTERVAL;
  private Duration rotateBefore;
  private Duration certificateInterval = DEFAULT_CERTIFICATE_INTERVAL;
  private Clock clock = Clock.systemUTC();
  private final List<WatchListener> listeners = new ArrayList<>();

  LinkWatcherBuilder(Topology topology, ReconcilerConfig config) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The pause between the start of two rounds; default {@link #DEFAULT_INTERVAL}.
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException when it is zero or negative
   */
  public LinkWatcherBuilder interval(Duration value) {
    this.interval = positive(value, "interval");
    return this;
  }

  /**
   * Rotate a link's key when it expires within this window (through the reconciler's rotation:
   * new key created, stored, reloaded and connected before the old one is invalidated); default
   * none (keys are reported, never rotated). Rotation needs an automatic credential writer.
   *
   * @param value a positive duration, or null for none
   * @return this builder
   * @throws IllegalArgumentException when it is zero or negative
   */
  public LinkWatcherBuilder rotateBefore(Duration value) {
    this.rotateBefore = value == null ? null : positive(value, "rotateBefore");
    return this;
  }

  /**
   * How often the certificates the remotes present (a TLS handshake each) and the CA files are
   * read again; the first round reads them. Default {@link #DEFAULT_CERTIFICATE_INTERVAL}.
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException when it is zero or negative
   */
  public LinkWatcherBuilder certificateInterval(Duration value) {
    this.certificateInterval = positive(value, "certificateInterval");
    return this;
  }

  /**
   * The clock events are stamped with and expiries compared against; default UTC system clock.
   *
   * @param value the clock
   * @return this builder
   */
  public LinkWatcherBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Adds a listener.
   *
   * @param value the listener
   * @return this builder
   */
  public LinkWatcherBuilder listener(WatchListener value) {
    listeners.add(Objects.requireNonNull(value, "listener"));
    return this;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " [" + value + "] must be positive");
    }
    return value;
  }

  /**
   * Builds the watcher, talking to Elasticsearch through the official client; call {@link
   * LinkWatcher#start()} to start its rounds.
   *
   * @return the watcher
   */
  public LinkWatcher build() {
    return new DefaultLinkWatcher(topology, config,
        EsConnector.rest5(config.connectTimeout(), config.requestTimeout()),
        new DefaultLinkWatcher.Settings(interval, rotateBefore, certificateInterval, clock),
        listeners);
  }
}
