package io.github.remoteclusters.core.internal;

/** The one home of the name of the local role a link's plan creates. Not API. */
public final class LocalRoleNames {

  private LocalRoleNames() {}

  /**
   * The local role that grants access through an alias.
   *
   * @param alias the alias
   * @return {@code remote-<alias>}
   */
  public static String of(String alias) {
    return "remote-" + alias;
  }
}
