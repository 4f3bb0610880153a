package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.Severity;
import java.util.Objects;

/**
 * One problem found by a trust check.
 *
 * @param code the stable code
 * @param subject the subject of the certificate the finding is about
 * @param message what is wrong, naming the certificate, the value and the rule
 * @since 0.1.0
 */
public record TrustFinding(TrustFindingCode code, String subject, String message) {

  /** Checks the components. */
  public TrustFinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The severity of this finding's code.
   *
   * @return error or warning
   */
  public Severity severity() {
    return code.severity();
  }
}
