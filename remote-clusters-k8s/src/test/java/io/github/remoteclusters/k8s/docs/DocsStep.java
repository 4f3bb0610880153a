package io.github.remoteclusters.k8s.docs;

import java.util.List;
import java.util.Objects;

/**
 * One step of an Elastic docs page, as data: which cluster it acts on, what the docs say, and how
 * our plan carries it out.
 *
 * @param section the docs page's heading for the step
 * @param side {@code local} or {@code remote}: the cluster the step changes
 * @param docs what the docs page says to do, in short
 * @param action the plan step action ({@code StepAction} name) that does it, or null for any
 * @param mentions words the plan step (its JSON in {@code plan --json}) must contain, ignoring case;
 *     one starting with {@code !} must not be there
 * @param ordered whether the step must come after the page's earlier ordered steps in our plan
 * @param absent true for what the page says is not needed: no plan step of that action on that
 *     side (with those mentions) may exist
 */
public record DocsStep(
    String section,
    String side,
    String docs,
    String action,
    List<String> mentions,
    boolean ordered,
    boolean absent) {

  /** Checks the components. */
  public DocsStep {
    Objects.requireNonNull(section, "section");
    if (!side.equals("local") && !side.equals("remote")) {
      throw new IllegalArgumentException("side must be local or remote: " + side);
    }
    Objects.requireNonNull(docs, "docs");
    mentions = List.copyOf(mentions);
  }

  /** A step our plan must carry out in the docs' order. */
  static DocsStep step(String section, String side, String docs, String action, String... mentions) {
    return new DocsStep(section, side, docs, action, List.of(mentions), true, false);
  }

  /** A step whose place in the page does not bind the plan's order (verification, roles). */
  static DocsStep anywhere(String section, String side, String docs, String action, String... mentions) {
    return new DocsStep(section, side, docs, action, List.of(mentions), false, false);
  }

  /** What the page says is not needed here: the plan must not have it. */
  static DocsStep never(String section, String side, String docs, String action, String... mentions) {
    return new DocsStep(section, side, docs, action, List.of(mentions), false, true);
  }

  /**
   * The certificate model's roles: the remote authorizes by role name, so roles with the same
   * names on the remote and, for the users, on the local cluster.
   */
  static List<DocsStep> certificateRoles() {
    return List.of(
        anywhere("Configure roles and users", "remote", "roles with the same names", null,
            "same name"),
        anywhere("Configure roles and users", "local", "the users' roles", null, "role",
            "same name"));
  }
}
