package io.github.remoteclusters.elasticsearch.internal.apply;

import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The switch of a security-model migration on one local cluster: the keystore reload (which
 * rebuilds the aliases' connections with the credentials as they now are) and the settings write
 * to the new addresses.
 *
 * <p>Elasticsearch answers a reload only once the connections it rebuilt have been tried, and the
 * rebuild is tried against the old address with the new credentials, which fails: a write sent
 * after the reload's answer leaves searches failing for the rest of the reload and the whole
 * write. The write is therefore sent as soon as the local cluster shows the aliases disconnected,
 * which happens only after it has taken up the new credentials (Elasticsearch updates the
 * credentials, then closes the old connections). Either order converges: the reload rebuilds a
 * connection from the cluster's settings as they are when it rebuilds, and a settings write
 * rebuilds with the credentials as they are when it writes. A reload that fails before anything
 * dropped stops the switch before the write, as a sequential switch would.
 */
final class Switchover {

  /** How often {@code _remote/info} is read while the reload runs. */
  static final Duration POLL = Duration.ofMillis(20);

  private final String cluster;
  private final EsSession session;

  Switchover(String cluster, EsSession session) {
    this.cluster = cluster;
    this.session = session;
  }

  /**
   * Reloads the keystore for the aliases and runs the write once their old connections dropped
   * (or the reload answered, whichever comes first).
   *
   * @param aliases the migrating aliases
   * @param before the cluster's {@code _remote/info} as the apply read it before any of its
   *     writes: the aliases connected then are the ones whose drop is waited for
   * @param write the settings write
   * @throws ApplyException when the reload or the write fails
   */
  void run(List<String> aliases, Map<String, RemoteInfo> before, Runnable write) {
    String what = String.join(",", aliases);
    Set<String> connected = new TreeSet<>();
    for (String alias : aliases) {
      RemoteInfo i = before.get(alias);
      if (i != null && i.connected()) {
        connected.add(alias);
      }
    }
    FutureTask<Void> reload = new FutureTask<>(() -> {
      session.reloadSecureSettings(what);
      return null;
    });
    Thread t = new Thread(reload, "remote-clusters-reload-" + cluster);
    t.setDaemon(true);
    t.start();
    try {
      awaitDrop(reload, connected);
      if (reload.isDone()) {
        reload.get(); // a reload that failed before the switch: nothing is written
      }
      try {
        write.run();
      } finally {
        awaitQuietly(reload); // no request of this switch outlives it, even when the write failed
      }
      reload.get();
    } catch (ExecutionException e) {
      throw unwrap(e, what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApplyException(cluster, what, ApplyStep.RELOAD_SECURE_SETTINGS, 0,
          "interrupted during the switch of the security model", e);
    }
  }

  /** Waits until the reload ends or none of the aliases is connected any more. */
  private void awaitDrop(FutureTask<Void> reload, Set<String> connected)
      throws InterruptedException {
    if (connected.isEmpty()) {
      awaitQuietly(reload);
      return;
    }
    while (!reload.isDone()) {
      try {
        reload.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        // still reloading: look again
      } catch (ExecutionException e) {
        return; // the caller reads the failure
      }
      Map<String, RemoteInfo> info;
      try {
        info = session.remoteInfo();
      } catch (ApplyException e) {
        awaitQuietly(reload);
        return;
      }
      if (connected.stream().noneMatch(a -> info.get(a) != null && info.get(a).connected())) {
        return;
      }
    }
  }

  private static void awaitQuietly(FutureTask<Void> reload) throws InterruptedException {
    try {
      reload.get();
    } catch (ExecutionException e) {
      // the caller reads the failure
    }
  }

  private RuntimeException unwrap(ExecutionException e, String what) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new ApplyException(cluster, what, ApplyStep.RELOAD_SECURE_SETTINGS, 0,
        String.valueOf(cause), cause);
  }
}
