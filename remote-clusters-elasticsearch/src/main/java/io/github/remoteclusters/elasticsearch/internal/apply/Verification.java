package io.github.remoteclusters.elasticsearch.internal.apply;

import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for aliases to connect: the one polling loop of the reconciler, used by the verification
 * of an apply (every written cluster at once) and by a key rotation (one alias, before the old
 * keys are invalidated). Polls {@code GET _remote/info} on a bounded pool, asks the node to connect
 * ({@code _resolve/cluster}) when an alias stays disconnected, and stops at one deadline. Not API.
 */
final class Verification implements AutoCloseable {

  /** The most threads that poll {@code _remote/info} at once while verifying. */
  private static final int VERIFY_THREADS = 8;

  /** How long an alias may stay unconnected before verification asks the node to connect. */
  private static final Duration NUDGE_AFTER = Duration.ofSeconds(2);

  private final ReconcilerConfig config;
  private final long nudgeAfterNanos;
  private ExecutorService verifier;

  /**
   * The verification of a reconciler.
   *
   * @param config its timeouts and poll interval
   */
  Verification(ReconcilerConfig config) {
    this(config, NUDGE_AFTER);
  }

  /**
   * A verification that asks the node to connect after another delay (tests).
   *
   * @param config its timeouts and poll interval
   * @param nudgeAfter how long an alias may stay unconnected before the node is asked to connect
   */
  Verification(ReconcilerConfig config, Duration nudgeAfter) {
    this.config = Objects.requireNonNull(config, "config");
    this.nudgeAfterNanos = nudgeAfter.toNanos();
  }

  /**
   * One cluster to wait for: its session, the aliases that must connect, and what the wait found.
   */
  static final class Wait {
    final EsSession session;
    final Set<String> aliases;

    /** What {@code _resolve/cluster} last reported of an alias that did not connect. */
    final Map<String, String> reported;

    /** The last {@code _remote/info} read, or null when no poll answered. */
    Map<String, RemoteInfo> latest;

    /** Why the last {@code _remote/info} poll failed, or null. */
    Exception pollError;

    /** When verification next asks the node to connect (see {@code nudge}), 0 before the first. */
    long nudgeAt;

    /** The request asking the node to connect, while in flight. */
    Future<?> nudged;

    /**
     * A wait.
     *
     * @param session the session to the local cluster
     * @param aliases the aliases that must connect
     * @param reported where what the node reports of an alias that does not connect goes (written
     *     from the pool)
     */
    Wait(EsSession session, Set<String> aliases, Map<String, String> reported) {
      this.session = session;
      this.aliases = aliases;
      this.reported = reported;
    }
  }

  private synchronized ExecutorService verifier() {
    if (verifier == null) {
      AtomicInteger n = new AtomicInteger();
      verifier = Executors.newFixedThreadPool(VERIFY_THREADS, r -> {
        Thread t = new Thread(r, "remote-clusters-verify-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return verifier;
  }

  /**
   * Waits until the aliases of one cluster are connected, or until {@code verifyTimeout} from now.
   *
   * @param session the session to the local cluster
   * @param aliases the aliases
   * @return the wait, with the last {@code _remote/info} read and the last poll error
   */
  Wait awaitConnected(EsSession session, Set<String> aliases) {
    Wait wait = new Wait(session, aliases, new java.util.concurrent.ConcurrentHashMap<>());
    awaitAll(List.of(wait));
    return wait;
  }

  /**
   * Waits until the aliases of every wait are connected, or until one deadline for them all
   * ({@code verifyTimeout} from now): every round polls {@code GET _remote/info} of all clusters
   * still waiting at once, on a bounded pool; a poll may take at most {@code requestTimeout} past
   * the deadline. Each wait keeps its last read and its last poll error.
   *
   * @param waits the clusters to wait for
   */
  void awaitAll(Collection<Wait> waits) {
    List<Wait> pending = new ArrayList<>(waits);
    long deadline = System.nanoTime() + config.verifyTimeout().toNanos();
    long last = deadline + config.requestTimeout().toNanos();
    while (!pending.isEmpty()) {
      Map<Wait, Future<Map<String, RemoteInfo>>> polls = new LinkedHashMap<>();
      for (Wait run : pending) {
        EsSession session = run.session;
        polls.put(run, verifier().submit(session::remoteInfo));
      }
      for (Map.Entry<Wait, Future<Map<String, RemoteInfo>>> e : polls.entrySet()) {
        Wait run = e.getKey();
        try {
          Map<String, RemoteInfo> info =
              e.getValue().get(Math.max(0, last - System.nanoTime()), TimeUnit.NANOSECONDS);
          run.latest = info;
          run.pollError = null;
          if (connected(info, run.aliases)) {
            pending.remove(run);
          }
        } catch (ExecutionException ex) {
          run.pollError = ex.getCause() instanceof Exception c ? c : ex;
        } catch (TimeoutException ex) {
          e.getValue().cancel(true);
          run.pollError = ex;
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          polls.values().forEach(f -> f.cancel(true));
          return;
        }
      }
      long left = deadline - System.nanoTime();
      if (pending.isEmpty() || left <= 0) {
        break;
      }
      nudge(pending, deadline);
      try {
        Thread.sleep(Math.max(1, Math.min(config.pollInterval().toMillis(), left / 1_000_000)));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Asks the local cluster to connect to the aliases still not connected ({@code GET
   * _resolve/cluster/<alias>:*}, a read; where the version has it): {@code _remote/info} only
   * reports the last attempt, so a link to a remote that restarted would otherwise stay
   * disconnected for the whole window. At most one request per cluster in flight, every
   * {@link #NUDGE_AFTER}; what the node reports is kept as the cause of a failure. Runs on
   * the verification pool, so that a slow cluster delays no other.
   */
  private void nudge(List<Wait> pending, long deadline) {
    long now = System.nanoTime();
    for (Wait run : pending) {
      if (run.session == null || !run.session.hasResolveCluster()
          || (run.nudged != null && !run.nudged.isDone())) {
        continue;
      }
      if (run.nudgeAt == 0) {
        run.nudgeAt = now + nudgeAfterNanos;
      }
      if (now < run.nudgeAt) {
        continue;
      }
      run.nudgeAt = now + nudgeAfterNanos;
      Map<String, RemoteInfo> info = run.latest == null ? Map.of() : run.latest;
      Set<String> down = new java.util.TreeSet<>();
      for (String a : run.aliases) {
        RemoteInfo ri = info.get(a);
        if (ri == null || !ri.connected()) {
          down.add(a);
        }
      }
      long wait = Math.max(1, Math.min(config.requestTimeout().toNanos(), deadline - now));
      run.nudged = verifier().submit(() -> {
        try {
          run.session.resolveClusters(down, java.time.Duration.ofNanos(wait)).forEach((a, r) -> {
            if (r.error() != null) {
              run.reported.put(a, r.error());
            } else {
              run.reported.remove(a);
            }
          });
        } catch (RuntimeException e) {
          // a read that only helps: the _remote/info poll reports what matters
        }
        return null;
      });
    }
  }

  private static boolean connected(Map<String, RemoteInfo> info, Set<String> aliases) {
    for (String a : aliases) {
      RemoteInfo ri = info.get(a);
      if (ri == null || !ri.connected()) {
        return false;
      }
    }
    return true;
  }

  /** Ends the polling threads. */
  @Override
  public synchronized void close() {
    if (verifier != null) {
      verifier.shutdownNow();
      verifier = null;
    }
  }
}
