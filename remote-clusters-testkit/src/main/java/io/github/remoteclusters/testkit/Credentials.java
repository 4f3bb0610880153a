package io.github.remoteclusters.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password for a secured test cluster; {@link #toString()} hides the password.
 *
 * @param username the user name
 * @param password the password; a secret
 * @since 0.1.0
 */
public record Credentials(String username, String password) {

  /**
   * Checks the parts.
   *
   * @since 0.1.0
   */
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /**
   * The value of an HTTP {@code Authorization} header for these credentials.
   *
   * @return {@code Basic <base64(username:password)>}; a secret
   * @since 0.1.0
   */
  public String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@return the user name, with the password redacted} */
  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=::redacted::]";
  }
}
