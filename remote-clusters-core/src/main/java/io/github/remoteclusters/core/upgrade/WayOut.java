package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A way to make an impossible upgrade possible, checked by planning it: stop some clusters at an
 * intermediate version, take links out of use for the upgrade, or accept inferred verdicts.
 *
 * @param kind what changes
 * @param summary the change in one sentence
 * @param targets for {@link Kind#INTERMEDIATE_VERSION}, the clusters whose target changes
 * @param before steps before the first wave (pausing links)
 * @param after steps after the last wave (resuming links)
 * @param waves how many waves the plan then takes
 * @since 0.2.0
 */
public record WayOut(
    Kind kind,
    String summary,
    Map<String, EsVersion> targets,
    List<UpgradeStep> before,
    List<UpgradeStep> after,
    int waves) {

  /** What a way out changes. */
  public enum Kind {
    /** Some clusters stop at an intermediate version for now. */
    INTERMEDIATE_VERSION,
    /** Some links are paused for the whole upgrade and resumed after it. */
    PAUSE_LINKS,
    /** Verdicts inferred from documented rules are accepted ({@code --allow inferred}). */
    ALLOW_INFERRED;

    /**
     * The lower-case name used in JSON.
     *
     * @return for example {@code pause-links}
     */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Checks and copies the components. */
  public WayOut {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    targets = Map.copyOf(Objects.requireNonNull(targets, "targets"));
    before = List.copyOf(Objects.requireNonNull(before, "before"));
    after = List.copyOf(Objects.requireNonNull(after, "after"));
  }
}
