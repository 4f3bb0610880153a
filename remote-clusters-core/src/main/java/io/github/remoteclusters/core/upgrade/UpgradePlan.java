package io.github.remoteclusters.core.upgrade;

import java.util.List;
import java.util.Objects;

/**
 * The result of planning a fleet upgrade: the waves when a safe order exists, otherwise the links
 * that block and the ways out.
 *
 * @param possible whether a safe order exists (or, for large fleets, was found)
 * @param waves the waves in order; empty when not possible or nothing to upgrade
 * @param blocking the links no order keeps supported; empty when possible
 * @param waysOut changes that make the upgrade possible, each checked by planning; empty when
 *     possible
 * @param minimal whether the number of waves is proven minimal
 * @param lowerBound no plan can have fewer waves than this
 * @param notes remarks for people, such as links paused by procedure
 * @since 0.2.0
 */
public record UpgradePlan(
    boolean possible,
    List<Wave> waves,
    List<BlockingLink> blocking,
    List<WayOut> waysOut,
    boolean minimal,
    int lowerBound,
    List<String> notes) {

  /** Copies the lists. */
  public UpgradePlan {
    waves = List.copyOf(Objects.requireNonNull(waves, "waves"));
    blocking = List.copyOf(Objects.requireNonNull(blocking, "blocking"));
    waysOut = List.copyOf(Objects.requireNonNull(waysOut, "waysOut"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }
}
