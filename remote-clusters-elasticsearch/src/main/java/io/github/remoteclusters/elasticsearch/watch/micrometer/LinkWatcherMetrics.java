package io.github.remoteclusters.elasticsearch.watch.micrometer;

import io.github.remoteclusters.elasticsearch.watch.CertificateExpiry;
import io.github.remoteclusters.elasticsearch.watch.LinkEvent;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.ProbeResult;
import io.github.remoteclusters.elasticsearch.watch.WatchListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binds the metrics of a {@link LinkWatcher} to a Micrometer registry. In Prometheus form (labels
 * {@code local}: the local cluster's name, {@code alias}):
 *
 * <ul>
 *   <li>{@code remote_clusters_link_up{local,alias}}: 1 connected, 0 not;
 *   <li>{@code remote_clusters_link_diagnosis{local,alias,code}}: 1 for the current diagnosis code
 *       (absent when there is none);
 *   <li>{@code remote_clusters_api_key_expiry_timestamp_seconds{local,alias}}: when the link's
 *       cross-cluster API key expires (only for expiring keys);
 *   <li>{@code remote_clusters_certificate_expiry_timestamp_seconds{local,alias,subject}}: when a
 *       certificate the remote presents (leaf and CA) or a CA file of the link expires;
 *   <li>{@code remote_clusters_link_supported{local,alias}}: 1 when the versions found live are
 *       supported for the link's uses, 0 when not (absent while unknown);
 *   <li>{@code remote_clusters_probe_duration_seconds{cluster}}: a timer of the probes of each
 *       cluster;
 *   <li>{@code remote_clusters_probe_errors_total{cluster}}: the probes that failed.
 * </ul>
 *
 * <pre>{@code
 * new LinkWatcherMetrics(watcher).bindTo(registry);
 * }</pre>
 *
 * <p>The gauges are set again after every round; rows of links or certificates that are gone
 * are removed.
 *
 * @since 0.1.0
 */
public final class LinkWatcherMetrics implements MeterBinder {

  /** The prefix of every metric name. */
  public static final String PREFIX = "remote_clusters_";

  private final LinkWatcher watcher;

  /**
   * Metrics of a watcher.
   *
   * @param watcher the watcher
   */
  public LinkWatcherMetrics(LinkWatcher watcher) {
    this.watcher = Objects.requireNonNull(watcher, "watcher");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauges gauges = new Gauges(registry);
    watcher.addListener(new WatchListener() {
      @Override
      public void onChange(LinkEvent event) {
        // the gauges are set once per round, from every link's view
      }

      @Override
      public void onProbe(ProbeResult result) {
        Timer.builder(PREFIX + "probe_duration")
            .description("How long a probe of a cluster took")
            .tag("cluster", result.cluster())
            .register(registry)
            .record(result.duration());
        Counter errors = Counter.builder(PREFIX + "probe_errors")
            .description("Probes of a cluster that failed")
            .tag("cluster", result.cluster())
            .register(registry);
        if (result.failed()) {
          errors.increment();
        }
      }

      @Override
      public void onRound(List<LinkView> links) {
        gauges.set(links);
      }
    });
    gauges.set(watcher.links()); // the links seen before binding
  }

  /** The gauges, one row per link (and per diagnosis code, per certificate subject). */
  private static final class Gauges {
    final MultiGauge up;
    final MultiGauge diagnosis;
    final MultiGauge keyExpiry;
    final MultiGauge certificateExpiry;
    final MultiGauge supported;

    Gauges(MeterRegistry registry) {
      up = MultiGauge.builder(PREFIX + "link_up")
          .description("1 when the remote-cluster link is connected, 0 when not")
          .register(registry);
      diagnosis = MultiGauge.builder(PREFIX + "link_diagnosis")
          .description("1 for the current diagnosis code of the link")
          .register(registry);
      keyExpiry = MultiGauge.builder(PREFIX + "api_key_expiry_timestamp_seconds")
          .description("When the link's cross-cluster API key expires, in seconds since the epoch")
          .register(registry);
      certificateExpiry = MultiGauge.builder(PREFIX + "certificate_expiry_timestamp_seconds")
          .description("When a certificate the link relies on expires, in seconds since the epoch")
          .register(registry);
      supported = MultiGauge.builder(PREFIX + "link_supported")
          .description("1 when the versions found live are supported for the link's uses")
          .register(registry);
    }

    synchronized void set(List<LinkView> links) {
      List<MultiGauge.Row<?>> upRows = new ArrayList<>();
      List<MultiGauge.Row<?>> diagnosisRows = new ArrayList<>();
      List<MultiGauge.Row<?>> keyRows = new ArrayList<>();
      List<MultiGauge.Row<?>> certificateRows = new ArrayList<>();
      List<MultiGauge.Row<?>> supportedRows = new ArrayList<>();
      for (LinkView v : links) {
        Tags tags = Tags.of("local", v.local(), "alias", v.alias());
        upRows.add(MultiGauge.Row.of(tags, v.connected() ? 1 : 0));
        if (v.diagnosis() != null) {
          diagnosisRows.add(MultiGauge.Row.of(tags.and("code", v.diagnosis().code().id()), 1));
        }
        if (v.keyExpiry() != null) {
          keyRows.add(MultiGauge.Row.of(tags, v.keyExpiry().getEpochSecond()));
        }
        for (CertificateExpiry c : v.certificates()) {
          certificateRows.add(MultiGauge.Row.of(tags.and("subject", c.subject()),
              c.notAfter().getEpochSecond()));
        }
        if (v.supported() != null) {
          supportedRows.add(MultiGauge.Row.of(tags, v.supported() ? 1 : 0));
        }
      }
      up.register(upRows, true);
      diagnosis.register(diagnosisRows, true);
      keyExpiry.register(keyRows, true);
      certificateExpiry.register(certificateRows, true);
      supported.register(supportedRows, true);
    }
  }
}
