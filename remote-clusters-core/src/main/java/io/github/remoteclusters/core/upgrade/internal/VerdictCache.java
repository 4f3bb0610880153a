package io.github.remoteclusters.core.upgrade.internal;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the compat module once per pair of versions and use: a link is kept alive when the pair is
 * supported for the use, the nodes are wire compatible, and both verdicts rest on an accepted
 * basis.
 */
final class VerdictCache {

  private final Basis allow;
  private final Map<EsVersion, Integer> ids = new HashMap<>();
  private final List<EsVersion> versions = new ArrayList<>();
  private final Map<Long, Boolean> ok = new HashMap<>();

  VerdictCache(Basis allow) {
    this.allow = allow;
  }

  int id(EsVersion v) {
    Integer id = ids.get(v);
    if (id == null) {
      id = versions.size();
      ids.put(v, id);
      versions.add(v);
    }
    return id;
  }

  /** Whether a link of the given uses (bit 1 search, bit 2 replication) is kept alive. */
  boolean ok(int uses, int local, int remote) {
    long key = ((long) uses << 42) | ((long) local << 21) | remote;
    Boolean cached = ok.get(key);
    if (cached == null) {
      cached = compute(uses, versions.get(local), versions.get(remote));
      ok.put(key, cached);
    }
    return cached;
  }

  private boolean compute(int uses, EsVersion local, EsVersion remote) {
    if ((uses & Engine.SEARCH) != 0 && !accepted(Compatibility.search(local, remote))) {
      return false;
    }
    return (uses & Engine.REPLICATION) == 0
        || accepted(Compatibility.replication(local, remote));
  }

  boolean accepted(CompatibilityVerdict v) {
    return v.supported() && v.wire().compatible() && accepted(v.basis()) && accepted(v.wire().basis());
  }

  private boolean accepted(Basis b) {
    return b == Basis.DOCUMENTED || (b == Basis.INFERRED && allow == Basis.INFERRED);
  }
}
