package io.github.remoteclusters.k8s;

import java.util.Objects;

/**
 * A secret value, such as the {@code encoded} form of a cross-cluster API key; never printed.
 *
 * <p>Experimental API.
 *
 * @param value the secret text
 * @since 0.1.0
 */
public record Credential(String value) {

  /** Checks that the value is present and not empty. */
  public Credential {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a credential must not be empty");
    }
  }

  /** {@return {@code Credential[::redacted::]}: the value never appears in text} */
  @Override
  public String toString() {
    return "Credential[::redacted::]";
  }
}
