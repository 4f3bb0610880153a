package io.github.remoteclusters.core.settings;

import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.internal.ModelRules;
import io.github.remoteclusters.core.internal.SettingsCheck;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates the {@code cluster.remote.*} part of a {@code PUT _cluster/settings} body the way
 * Elasticsearch does, with its messages.
 *
 * <p>Rules, in Elasticsearch's order: key grammar ({@code cluster.remote.<alias>.<suffix>}, alias
 * {@code [-A-Za-z0-9_]+}, and anything after a known suffix and a dot is that suffix's setting under
 * its own key); node-level and secure keys are "not dynamically updateable", other keys "not
 * recognized"; each scope (persistent, transient) is checked on its own against its own {@code
 * mode}; each value is parsed (mode, strict booleans, ints &ge; 1, time values, compression enums,
 * {@code host:port} addresses); {@code proxy} needs {@code seeds} in the same scope; mode-specific
 * keys must match the mode; {@code skip_unavailable} and {@code transport.*} need the alias to be
 * enabled (seeds in sniff mode, a proxy address in proxy mode) in the same scope. Null values
 * reset a key and are only checked for being known and dynamic; null for a key ending in {@code *}
 * or starting with {@code archived.} is always accepted. Of the keys outside {@code
 * cluster.remote.*} only the removed {@code search.remote.*} and non-null {@code archived.*} keys
 * are checked ("not recognized"). Every rule was checked against 9.5.3 and 8.19.21 nodes.
 *
 * <p>Unlike Elasticsearch, which stops at the first problem, every problem is reported.
 *
 * @since 0.1.0
 */
public final class RemoteClusterSettingsValidator {

  private RemoteClusterSettingsValidator() {}

  /**
   * Validates a body given as JSON text.
   *
   * <p>Problems come in Elasticsearch's order: first the key and value checks of {@code transient},
   * then those of {@code persistent}, then the checks between keys (mode, enabled, required
   * {@code seeds}) of {@code transient}, then those of {@code persistent}. Elasticsearch reports
   * the first stage that fails, so the first problem here is the one it gives (within one stage
   * it iterates keys in hash order; this validator uses key order). Top-level fields other than
   * {@code persistent} and {@code transient} are ignored, as Elasticsearch ignores them.
   *
   * @param json the body
   * @return the report; a body that is not JSON gives a {@link ProblemCode#SYNTAX} problem, and a
   *     field given twice in one object (which Elasticsearch rejects) a {@link
   *     ProblemCode#SETTINGS_BODY_INVALID} problem with Elasticsearch's {@code [line:column]
   *     Duplicate field 'name'} message
   */
  public static SettingsReport validate(String json) {
    return SettingsCheck.validate(json);
  }

  /**
   * Elasticsearch's rule for the {@code <alias>} of {@code cluster.remote.<alias>.*}: one affix
   * key part, {@code [-\w]+}.
   *
   * @param alias the alias
   * @return the message naming the alias and the rule, or empty when it is valid
   */
  public static Optional<String> aliasError(String alias) {
    return Optional.ofNullable(ModelRules.aliasError(Objects.requireNonNull(alias, "alias")));
  }
}
