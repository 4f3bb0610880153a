package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The result of a trust check: trusted unless a finding has severity {@link Severity#ERROR}.
 *
 * @param findings everything found, errors and warnings, in check order
 * @since 0.1.0
 */
public record TrustVerdict(List<TrustFinding> findings) {

  /** Copies the findings. */
  public TrustVerdict {
    findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
  }

  /**
   * Whether the chain would be accepted.
   *
   * @return {@code true} when no finding is an error
   */
  public boolean trusted() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * Whether a finding with the given code exists.
   *
   * @param code the code
   * @return {@code true} if found
   */
  public boolean has(TrustFindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
