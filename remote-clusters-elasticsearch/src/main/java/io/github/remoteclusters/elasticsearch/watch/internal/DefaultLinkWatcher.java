package io.github.remoteclusters.elasticsearch.watch.internal;

import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.CaTrust;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.apply.DefaultReconciler;
import io.github.remoteclusters.elasticsearch.internal.apply.Diagnoser;
import io.github.remoteclusters.elasticsearch.internal.apply.TlsProbe;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.watch.CertificateExpiry;
import io.github.remoteclusters.elasticsearch.watch.LinkEvent;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.ProbeResult;
import io.github.remoteclusters.elasticsearch.watch.Rotation;
import io.github.remoteclusters.elasticsearch.watch.WatchListener;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link LinkWatcher}: one scheduler thread starts the rounds, a probe thread per cluster (at
 * most one probe of a cluster at a time) does the requests, one rotation thread rotates keys.
 * What it keeps is bounded by the topology: the last view of each link, one session and at most
 * one running probe per cluster, at most one rotation per link. Not API.
 */
public final class DefaultLinkWatcher implements LinkWatcher {

  /** The prefix of the names of the cross-cluster API keys this tool creates. */
  static final String KEY_PREFIX = EckNames.OWN_API_KEY_PREFIX;

  /** The longest TLS handshake a certificate read may take. */
  private static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(5);

  /**
   * The watcher's settings.
   *
   * @param interval the pause between the starts of two rounds
   * @param rotateBefore the rotate-before window, or null for none
   * @param certificateInterval how often certificates are read again
   * @param clock the clock
   */
  public record Settings(
      Duration interval, Duration rotateBefore, Duration certificateInterval, Clock clock) {
    /** Checks the required components. */
    public Settings {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(certificateInterval, "certificateInterval");
      Objects.requireNonNull(clock, "clock");
    }
  }

  /** A present link and what the plan says of its key. */
  private record Watched(Link link, String key, String keyName, boolean apiKey) {}

  /** What one probe of one cluster saw. */
  private static final class Seen {
    final String cluster;
    EsVersion version;
    Map<String, RemoteInfo> info;
    Map<String, EsSession.Resolved> resolved = Map.of();
    final Map<String, Diagnosis> diagnoses = new TreeMap<>();
    final Map<String, List<CertificateExpiry>> certificates = new TreeMap<>();
    Map<String, Instant> keys;
    String error;
    int requests;
    Duration duration = Duration.ZERO;

    Seen(String cluster) {
      this.cluster = cluster;
    }
  }

  private final Topology topology;
  private final ReconcilerConfig config;
  private final EsConnector connector;
  private final Settings settings;
  private final Map<String, Cluster> byName;
  private final List<Watched> watched = new ArrayList<>();
  private final Set<String> locals = new LinkedHashSet<>();
  private final Set<String> keyRemotes = new LinkedHashSet<>();
  private final Diagnoser diagnoser;
  private final List<WatchListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, EsSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Future<Seen>> inFlight = new ConcurrentHashMap<>();
  private final Map<String, LinkView> current = new ConcurrentHashMap<>();
  private final Map<String, List<CertificateExpiry>> certificates = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> rotating = new ConcurrentHashMap<>();
  private final Object events = new Object();
  private final Object rounds = new Object();
  private final ExecutorService probes;
  private final ExecutorService rotations;
  private final ScheduledExecutorService scheduler;
  private Reconciler reconciler;
  private long certificatesReadAt;
  private boolean certificatesRead;
  private boolean started;
  private volatile boolean closed;

  /**
   * Creates the watcher.
   *
   * @param topology the topology
   * @param config the reconciler configuration
   * @param connector how to open transports
   * @param settings the watcher's settings
   * @param listeners the first listeners
   */
  public DefaultLinkWatcher(Topology topology, ReconcilerConfig config, EsConnector connector,
      Settings settings, List<WatchListener> listeners) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.config = Objects.requireNonNull(config, "config");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listeners.addAll(listeners);
    this.byName = topology.clustersByName();
    this.diagnoser = new Diagnoser(topology);
    Map<String, StepPayload.CreateCrossClusterApiKey> keysByLink = new TreeMap<>();
    TopologyPlan plan = config.planner().plan(topology);
    for (PlanResult r : plan.links()) {
      if (r instanceof PlanResult.Planned p) {
        for (PlanStep step : p.plan().steps()) {
          if (step.payload() instanceof StepPayload.CreateCrossClusterApiKey k) {
            keysByLink.put(key(p.plan().local(), p.plan().alias()), k);
          }
        }
      }
    }
    for (Link l : topology.links()) {
      if (l.state() != LinkState.PRESENT) {
        continue;
      }
      String key = key(l.local(), l.alias());
      StepPayload.CreateCrossClusterApiKey k = keysByLink.get(key);
      watched.add(new Watched(l, key, k == null ? null : k.keyName(), k != null));
      locals.add(l.local());
      Cluster remote = byName.get(l.remote());
      if (k != null && remote != null && remote.url() != null) {
        keyRemotes.add(l.remote());
      }
    }
    this.probes = Executors.newCachedThreadPool(daemon("remote-clusters-probe"));
    this.rotations = Executors.newSingleThreadExecutor(daemon("remote-clusters-rotation"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("remote-clusters-watch"));
  }

  private static String key(String local, String alias) {
    return local + "/" + alias;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        round();
      } catch (RuntimeException e) {
        // a broken round must not end the schedule: the next one starts afresh
      }
    }, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public List<LinkView> probeOnce() {
    List<Future<?>> started = round();
    for (Future<?> f : started) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        // reported by the rotation's own event
      }
    }
    return links();
  }

  @Override
  public List<LinkView> links() {
    List<LinkView> out = new ArrayList<>();
    for (Watched w : watched) {
      LinkView v = current.get(w.key());
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  @Override
  public void addListener(WatchListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** One round; returns the rotations it started. */
  private List<Future<?>> round() {
    synchronized (rounds) {
      if (closed) {
        return List.of();
      }
      long now = System.nanoTime();
      boolean readCertificates = !certificatesRead
          || now - certificatesReadAt >= settings.certificateInterval().toNanos();
      if (readCertificates) {
        certificatesRead = true;
        certificatesReadAt = now;
      }
      Set<String> clusters = new LinkedHashSet<>(locals);
      clusters.addAll(keyRemotes);
      long deadline = now + config.requestTimeout().toNanos();
      Map<String, Future<Seen>> futures = new LinkedHashMap<>();
      Map<String, Seen> seen = new TreeMap<>();
      for (String c : clusters) {
        Future<Seen> running = inFlight.get(c);
        if (running != null && !running.isDone()) {
          Seen s = new Seen(c);
          s.error = "[" + c + "]: the previous probe has not ended after "
              + config.requestTimeout().toSeconds() + "s";
          s.duration = config.requestTimeout();
          seen.put(c, s);
          continue;
        }
        Future<Seen> f = probes.submit(() -> probe(c, readCertificates));
        inFlight.put(c, f);
        futures.put(c, f);
      }
      for (Map.Entry<String, Future<Seen>> e : futures.entrySet()) {
        String c = e.getKey();
        long left = deadline - System.nanoTime();
        try {
          seen.put(c, e.getValue().get(Math.max(0, left), TimeUnit.NANOSECONDS));
        } catch (TimeoutException ex) {
          e.getValue().cancel(true);
          Seen s = new Seen(c);
          s.error = "[" + c + "] did not answer within the request timeout of "
              + config.requestTimeout().toMillis() + "ms";
          s.duration = config.requestTimeout();
          seen.put(c, s);
        } catch (ExecutionException ex) {
          Seen s = new Seen(c);
          s.error = "[" + c + "]: " + ex.getCause();
          seen.put(c, s);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          futures.values().forEach(f -> f.cancel(true));
          return List.of();
        } catch (java.util.concurrent.CancellationException ex) {
          return List.of(); // closed meanwhile
        }
      }
      for (String c : clusters) {
        Seen s = seen.get(c);
        ProbeResult p = new ProbeResult(c, s.duration, s.requests, s.error);
        deliver(l -> l.onProbe(p));
      }
      Instant time = settings.clock().instant();
      List<Future<?>> started = new ArrayList<>();
      for (Watched w : watched) {
        LinkView view = view(w, seen);
        update(w, view, time, null);
        Future<?> r = maybeRotate(w, view);
        if (r != null) {
          started.add(r);
        }
      }
      List<LinkView> all = links();
      deliver(l -> l.onRound(all));
      return started;
    }
  }

  /** Probes one cluster: what it says as a local cluster, and the keys it holds as a remote. */
  private Seen probe(String name, boolean readCertificates) {
    Seen s = new Seen(name);
    long start = System.nanoTime();
    EsSession session = null;
    int before = 0;
    try {
      session = session(name);
      before = count(session);
      s.version = session.version();
      if (locals.contains(name)) {
        local(s, session, readCertificates);
      }
      if (keyRemotes.contains(name)) {
        s.keys = session.apiKeyExpiries(KEY_PREFIX + "*");
      }
    } catch (ApplyException | IllegalArgumentException e) {
      s.error = e.getMessage();
    } finally {
      if (session == null) {
        EsSession opened = sessions.get(name);
        s.requests = opened == null ? 0 : count(opened);
      } else {
        s.requests = count(session) - before;
      }
      s.duration = Duration.ofNanos(System.nanoTime() - start);
    }
    return s;
  }

  private static int count(EsSession s) {
    return s.counter().reads() + s.counter().writes();
  }

  private void local(Seen s, EsSession session, boolean readCertificates) {
    Cluster local = byName.get(s.cluster);
    s.info = session.remoteInfo();
    List<String> aliases = new ArrayList<>();
    for (Watched w : watched) {
      if (w.link().local().equals(s.cluster) && s.info.containsKey(w.link().alias())) {
        aliases.add(w.link().alias());
      }
    }
    try {
      s.resolved = session.resolveClusters(aliases, config.requestTimeout().dividedBy(2));
    } catch (ApplyException e) {
      s.resolved = Map.of(); // _remote/info is enough to tell connected; the error is reported
      s.error = e.getMessage();
    }
    for (Watched w : watched) {
      Link l = w.link();
      if (!l.local().equals(s.cluster)) {
        continue;
      }
      RemoteInfo ri = s.info.get(l.alias());
      Cluster remote = byName.get(l.remote());
      if (readCertificates) {
        s.certificates.put(l.alias(), certificates(w, ri, local, remote));
      }
      if (ri == null || connected(ri, s.resolved.get(l.alias()))) {
        continue;
      }
      EsSession.Resolved r = s.resolved.get(l.alias());
      s.diagnoses.put(l.alias(), diagnoser.diagnose(local, s.version, l.alias(), ri, remote,
          version(r), l.security(), session, r == null ? null : r.error()));
    }
  }

  private static boolean connected(RemoteInfo info, EsSession.Resolved resolved) {
    return resolved == null ? info.connected() : resolved.connected();
  }

  private static EsVersion version(EsSession.Resolved r) {
    if (r == null || r.version() == null) {
      return null;
    }
    try {
      return EsVersion.parse(r.version());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The certificates a link relies on: those the remote presents at the alias's address, and
   * the CA files the topology names for the link's security model.
   */
  private List<CertificateExpiry> certificates(
      Watched w, RemoteInfo info, Cluster local, Cluster remote) {
    List<CertificateExpiry> out = new ArrayList<>();
    if (info != null && !info.addresses().isEmpty()) {
      String address = info.addresses().get(0);
      int millis = (int) Math.min(HANDSHAKE_LIMIT.toMillis(), config.requestTimeout().toMillis());
      TlsProbe.Result r = TlsProbe.handshake(address, millis);
      if (r != null) {
        for (int i = 0; i < r.chain().size(); i++) {
          out.add(expiry(r.chain().get(i), i == 0 ? CertificateExpiry.Source.REMOTE_LEAF
              : CertificateExpiry.Source.REMOTE_CA, address));
        }
      }
    }
    if (remote != null) {
      caFile(out, w.apiKey() ? remote.remoteClusterCa() : remote.transportCa());
    }
    if (!w.apiKey() && local != null) {
      caFile(out, local.transportCa());
    }
    // one entry per subject: the earliest expiry
    Map<String, CertificateExpiry> bySubject = new TreeMap<>();
    for (CertificateExpiry c : out) {
      bySubject.merge(c.subject(), c,
          (a, b) -> b.notAfter().isBefore(a.notAfter()) ? b : a);
    }
    List<CertificateExpiry> sorted = new ArrayList<>(bySubject.values());
    sorted.sort(Comparator.comparing(CertificateExpiry::notAfter)
        .thenComparing(CertificateExpiry::subject));
    return sorted;
  }

  private static void caFile(List<CertificateExpiry> out, CaTrust trust) {
    if (trust instanceof CaTrust.PemFile pf) {
      for (X509Certificate c : pf.certificates()) {
        out.add(expiry(c, CertificateExpiry.Source.CA_FILE, pf.path().toString()));
      }
    }
  }

  private static CertificateExpiry expiry(
      X509Certificate c, CertificateExpiry.Source source, String where) {
    return new CertificateExpiry(c.getSubjectX500Principal().getName(),
        c.getNotAfter().toInstant(), source, where);
  }

  /** The view of one link from what the round saw. */
  private LinkView view(Watched w, Map<String, Seen> seen) {
    Link l = w.link();
    Seen s = seen.get(l.local());
    LinkView before = current.get(w.key());
    List<CertificateExpiry> certs = s != null && s.certificates.containsKey(l.alias())
        ? s.certificates.get(l.alias())
        : certificates.getOrDefault(w.key(), List.of());
    certificates.put(w.key(), certs);
    Instant keyExpiry = before == null ? null : before.keyExpiry();
    Seen r = seen.get(l.remote());
    if (w.apiKey() && r != null && r.keys != null) {
      Instant e = r.keys.get(w.keyName());
      keyExpiry = e == null || e.equals(Instant.MAX) ? null : e;
    }
    if (s == null || s.info == null) {
      String why = s == null || s.error == null ? "[" + l.local() + "] was not probed" : s.error;
      return new LinkView(l.local(), l.alias(), l.remote(), LinkStatus.State.UNKNOWN,
          new Diagnosis(Diagnosis.Code.UNREACHABLE, "the status of [" + l.alias() + "] on ["
              + l.local() + "] is unknown: " + why),
          null, keyExpiry, certs);
    }
    RemoteInfo ri = s.info.get(l.alias());
    if (ri == null) {
      return new LinkView(l.local(), l.alias(), l.remote(), LinkStatus.State.NOT_CONFIGURED,
          new Diagnosis(Diagnosis.Code.NOT_CONFIGURED,
              "[" + l.alias() + "] is not configured on [" + l.local() + "]"),
          null, keyExpiry, certs);
    }
    EsSession.Resolved resolved = s.resolved.get(l.alias());
    EsVersion remoteVersion = version(resolved);
    if (remoteVersion == null && r != null) {
      remoteVersion = r.version;
    }
    CompatibilityVerdict unsupported = null;
    Boolean supported = null;
    if (s.version != null && remoteVersion != null) {
      supported = true;
      for (Use use : Use.values()) { // in a stable order: the first broken use is reported
        if (!l.effectiveUses().contains(use)) {
          continue;
        }
        CompatibilityVerdict v = Compatibility.check(use, s.version, remoteVersion);
        if (!v.supported()) {
          supported = false;
          unsupported = unsupported == null ? v : unsupported;
        }
      }
    }
    if (connected(ri, resolved)) {
      Diagnosis d = unsupported == null ? null : new Diagnosis(Diagnosis.Code.INCOMPATIBLE_VERSIONS,
          "[" + l.alias() + "] on [" + l.local() + "] is connected, but the versions found live ("
              + s.version + " and " + remoteVersion + ") are not supported for "
              + unsupported.use().name().toLowerCase(java.util.Locale.ROOT) + ": "
              + unsupported.reason());
      return new LinkView(l.local(), l.alias(), l.remote(), LinkStatus.State.CONNECTED, d,
          supported, keyExpiry, certs);
    }
    Diagnosis d = s.diagnoses.get(l.alias());
    if (d == null) {
      d = new Diagnosis(Diagnosis.Code.UNKNOWN,
          "[" + l.alias() + "] on [" + l.local() + "] is not connected");
    }
    return new LinkView(l.local(), l.alias(), l.remote(), LinkStatus.State.DISCONNECTED, d,
        supported, keyExpiry, certs);
  }

  /** Records a view; sends an event when it differs from the last one (or carries a rotation). */
  private void update(Watched w, LinkView view, Instant time, Rotation rotation) {
    synchronized (events) {
      if (closed) {
        return;
      }
      LinkView before = current.put(w.key(), view);
      if (rotation == null && before != null && same(before, view)) {
        return;
      }
      LinkEvent event = new LinkEvent(time, view, before, rotation);
      for (WatchListener l : listeners) {
        try {
          l.onChange(event);
        } catch (RuntimeException e) {
          // a failing listener does not stop the others
        }
      }
    }
  }

  /** Whether two views are the same for a listener: the diagnosis text may differ. */
  static boolean same(LinkView a, LinkView b) {
    return a.state() == b.state()
        && Objects.equals(a.diagnosis() == null ? null : a.diagnosis().code(),
            b.diagnosis() == null ? null : b.diagnosis().code())
        && Objects.equals(a.supported(), b.supported())
        && Objects.equals(a.keyExpiry(), b.keyExpiry())
        && a.certificates().equals(b.certificates());
  }

  private void deliver(java.util.function.Consumer<WatchListener> call) {
    synchronized (events) {
      for (WatchListener l : listeners) {
        try {
          call.accept(l);
        } catch (RuntimeException e) {
          // a failing listener does not stop the others
        }
      }
    }
  }

  /** Starts a rotation of a key inside the rotate-before window, unless one is running. */
  private Future<?> maybeRotate(Watched w, LinkView view) {
    Duration window = settings.rotateBefore();
    Instant expiry = view.keyExpiry();
    if (window == null || expiry == null || !w.apiKey()) {
      return null;
    }
    Instant now = settings.clock().instant();
    if (expiry.minus(window).isAfter(now)) {
      return null;
    }
    Future<?> running = rotating.get(w.key());
    if (running != null && !running.isDone()) {
      return null;
    }
    Future<?> f = rotations.submit(() -> rotate(w, expiry));
    rotating.put(w.key(), f);
    return f;
  }

  private void rotate(Watched w, Instant expiry) {
    Link l = w.link();
    String what = "the key of [" + l.alias() + "] on [" + l.local() + "] expiring at " + expiry;
    Rotation rotation;
    try {
      ClusterOutcome o = reconciler().rotateApiKey(topology, l.local(), l.alias());
      boolean invalidated = o.requests().stream().anyMatch(
          r -> r.method().equals("DELETE") && r.path().equals("/_security/api_key"));
      if (o instanceof ClusterOutcome.Failed f) {
        rotation = new Rotation(false, false, expiry,
            what + " was not rotated: " + f.cause().getMessage());
      } else {
        rotation = new Rotation(true, invalidated, expiry, what + " was rotated: a new key is"
            + " stored and connected" + (invalidated ? ", the old one invalidated" : ""));
      }
    } catch (RuntimeException e) {
      rotation = new Rotation(false, false, expiry, what + " was not rotated: " + e.getMessage());
    }
    LinkView view = current.get(w.key());
    if (view != null) {
      // the new key's expiry is read by the next round, which reports it as a change
      update(w, view, settings.clock().instant(), rotation);
    }
  }

  private synchronized Reconciler reconciler() {
    if (reconciler == null) {
      reconciler = new DefaultReconciler(config, connector);
    }
    return reconciler;
  }

  private EsSession session(String name) {
    EsSession s = sessions.get(name);
    if (s == null) {
      Cluster c = byName.get(name);
      s = EsSession.connect(c, config.access(), connector, config.requestTimeout());
      sessions.put(name, s);
    }
    return s;
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    probes.shutdownNow();
    rotations.shutdownNow();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
      rotations.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (reconciler != null) {
        reconciler.close();
      }
    }
    sessions.values().forEach(EsSession::close);
    sessions.clear();
  }
}
