package io.github.remoteclusters.elasticsearch.internal.apply;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The claim of a new alias on the local cluster itself, taken before this tool creates anything
 * of it, so that two writers (two processes, two machines, two topologies or ownership files)
 * can never both act on it. Not API.
 *
 * <p>A claim is a document with the alias as its id in the hidden index {@value #INDEX} of the
 * local cluster: {@code {"alias","owner","topology","host","pid","run","lease_until"}}. It is
 * created with {@code op_type=create} (Elasticsearch creates a document of a given id at most
 * once: of two concurrent creates exactly one succeeds, the other gets a 409) and changed only
 * with {@code if_seq_no}/{@code if_primary_term} (compare-and-set). The {@code owner} is the
 * ownership store's id: a claim of another owner fails the run naming that owner. The lease
 * ({@code run}, {@code lease_until}) serializes runs of the same owner: a live lease of another
 * run fails this one; a lease past its time, or held by a process of this host that has ended (a
 * run killed with -9), is taken over. The lease is released when the run ends (one conditional
 * write); the claim is deleted once the alias is removed. Nothing else of the cluster is read or written: no user
 * index, setting or key.
 */
final class ClusterClaims {

  /** The hidden index that holds the claims. */
  static final String INDEX = "remote-clusters-claims";

  private static final String HOST = host();
  private static final long PID = ProcessHandle.current().pid();

  private final String owner;
  private final String topology;
  private final String run = UUID.randomUUID().toString();
  private final Duration lease;
  /** Claims held by this run, by cluster and alias. */
  private final Map<String, Set<String>> held = new LinkedHashMap<>();
  /** The sequence number and primary term of each claim this run wrote last, by "cluster/alias". */
  private final Map<String, long[]> versions = new java.util.HashMap<>();
  private final Map<String, Integer> writes = new java.util.HashMap<>();

  ClusterClaims(String owner, String topology, Duration lease) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.topology = topology == null ? "" : topology;
    this.lease = lease;
  }

  /** {@return the writes the claims made on a cluster, which are not writes of the plan} */
  int writes(String cluster) {
    return writes.getOrDefault(cluster, 0);
  }

  private void wrote(EsSession session) {
    writes.merge(session.name(), 1, Integer::sum);
  }

  /**
   * Claims an alias on a cluster for this run, once per run.
   *
   * @throws ApplyException naming the owner or the run that holds it
   */
  @SuppressWarnings("rawtypes")
  void claim(EsSession session, String alias) {
    Set<String> mine = held.computeIfAbsent(session.name(), c -> new TreeSet<>());
    if (mine.contains(alias)) {
      return;
    }
    if (create(session, alias)) { // the common case: a new alias nobody claimed, one request
      mine.add(alias);
      return;
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      GetResponse<Map> current = get(session, alias);
      if (current == null || !current.found()) {
        if (create(session, alias)) {
          mine.add(alias);
          return;
        }
        continue; // another writer created it first: read what it wrote
      }
      Map<?, ?> doc = current.source();
      String theirs = String.valueOf(doc.get("owner"));
      if (!owner.equals(theirs)) {
        throw new ApplyException(session.name(), alias, ApplyStep.OWNERSHIP, 0, "alias [" + alias
            + "] of [" + session.name() + "] is claimed by another owner [" + theirs + "]"
            + " (topology [" + doc.get("topology") + "], host [" + doc.get("host") + "]): only"
            + " one topology and ownership file may manage an alias; nothing of it was changed",
            null);
      }
      if (leaseHeldByOther(doc)) {
        throw new ApplyException(session.name(), alias, ApplyStep.OWNERSHIP, 0, "alias [" + alias
            + "] of [" + session.name() + "] is being applied by another run of owner [" + owner
            + "] (host [" + doc.get("host") + "], pid " + doc.get("pid") + ", lease until "
            + Instant.ofEpochMilli(number(doc.get("lease_until"))) + "): wait for it to end, then"
            + " run again; nothing of [" + alias + "] was changed", null);
      }
      if (update(session, alias, current, true)) {
        mine.add(alias);
        return;
      }
    }
    throw new ApplyException(session.name(), alias, ApplyStep.OWNERSHIP, 0, "alias [" + alias
        + "] of [" + session.name() + "]: the claim kept changing under concurrent runs; run"
        + " again", null);
  }

  /**
   * Ends this run's lease on every alias it claimed (the claims stay: the owner still owns): one
   * conditional write per claim, with the version this run wrote, so a claim changed since is
   * left alone.
   */
  void release(java.util.function.Function<String, EsSession> sessions) {
    held.forEach((cluster, aliases) -> {
      for (String alias : aliases) {
        long[] v = versions.get(cluster + "/" + alias);
        EsSession s = sessions.apply(cluster);
        if (v == null || s == null) {
          continue;
        }
        try {
          s.client().index(i -> i.index(INDEX).id(alias).document(document(alias, false))
              .ifSeqNo(v[0]).ifPrimaryTerm(v[1]));
        } catch (IOException | RuntimeException e) {
          // the lease ends by itself at lease_until
        }
      }
    });
    held.clear();
    versions.clear();
  }

  /** Deletes the claim of an alias this run removed completely. */
  @SuppressWarnings("rawtypes")
  void forget(EsSession session, String alias) {
    try {
      GetResponse<Map> current = get(session, alias);
      if (current == null || !current.found() || !owner.equals(current.source().get("owner"))) {
        return;
      }
      session.client().delete(d -> d.index(INDEX).id(alias).ifSeqNo(current.seqNo())
          .ifPrimaryTerm(current.primaryTerm()));
      wrote(session);
      held.getOrDefault(session.name(), new TreeSet<>()).remove(alias);
    } catch (IOException | RuntimeException e) {
      // a claim left behind holds no secret and is this owner's: the next run reuses it
    }
  }

  private boolean leaseHeldByOther(Map<?, ?> doc) {
    Object holder = doc.get("run");
    if (holder == null || run.equals(holder)) {
      return false;
    }
    if (number(doc.get("lease_until")) <= System.currentTimeMillis()) {
      return false; // past its time
    }
    if (HOST.equals(doc.get("host"))) {
      long pid = number(doc.get("pid"));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    return true;
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0L;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static GetResponse<Map> get(EsSession session, String alias) {
    try {
      return session.client().get(g -> g.index(INDEX).id(alias), Map.class);
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return null; // no index yet
      }
      throw failure(session, alias, e);
    } catch (IOException | RuntimeException e) {
      throw failure(session, alias, e);
    }
  }

  private Map<String, Object> document(String alias, boolean leased) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("alias", alias);
    doc.put("owner", owner);
    doc.put("topology", topology);
    doc.put("host", HOST);
    doc.put("pid", PID);
    doc.put("run", leased ? run : null);
    doc.put("lease_until", leased ? System.currentTimeMillis() + lease.toMillis() : 0L);
    doc.put("created", System.currentTimeMillis());
    return doc;
  }

  private boolean create(EsSession session, String alias) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        var r = session.client().create(c -> c.index(INDEX).id(alias).document(document(alias, true)));
        versions.put(session.name() + "/" + alias, new long[] {r.seqNo(), r.primaryTerm()});
        wrote(session);
        return true;
      } catch (ElasticsearchException e) {
        if (e.status() == 409) {
          return false;
        }
        if (e.status() == 404 && attempt == 0) {
          createIndex(session, alias); // automatic index creation may be off
          continue;
        }
        throw failure(session, alias, e);
      } catch (IOException | RuntimeException e) {
        throw failure(session, alias, e);
      }
    }
    return false;
  }

  private void createIndex(EsSession session, String alias) {
    try {
      session.client().indices().create(c -> c.index(INDEX).settings(s -> s.hidden(true)
          .numberOfShards("1").autoExpandReplicas("0-1")));
      wrote(session);
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw failure(session, alias, e);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(session, alias, e);
    }
  }

  @SuppressWarnings("rawtypes")
  private boolean update(EsSession session, String alias, GetResponse<Map> current, boolean leased) {
    try {
      var r = session.client().index(i -> i.index(INDEX).id(alias).document(document(alias, leased))
          .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
      wrote(session);
      versions.put(session.name() + "/" + alias, new long[] {r.seqNo(), r.primaryTerm()});
      return true;
    } catch (ElasticsearchException e) {
      if (e.status() == 409) {
        return false; // changed since it was read: read again
      }
      throw failure(session, alias, e);
    } catch (IOException | RuntimeException e) {
      throw failure(session, alias, e);
    }
  }

  private static ApplyException failure(EsSession session, String alias, Exception e) {
    return new ApplyException(session.name(), alias, ApplyStep.OWNERSHIP, 0,
        "cannot read or write the claim of [" + alias + "] in index [" + INDEX + "] of ["
            + session.name() + "]: " + e.getMessage(), e);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
