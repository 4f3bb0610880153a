package io.github.remoteclusters.core.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code host:port} address as Elasticsearch parses seeds, {@code proxy_address} and the sniff
 * {@code proxy}: split at the last colon, the port must parse as an {@code int} greater than 0, and
 * the host is not checked (Elasticsearch resolves it only when it connects).
 *
 * <p>Consequences kept on purpose: bracketed IPv6 works ({@code [::1]:9300}), unbracketed IPv6 is
 * split at its last colon, port ranges fail, {@code +9300} is accepted, ports above 65535 pass (and
 * fail only at connect time), and an empty host is accepted.
 *
 * @param host everything before the last colon, unchecked
 * @param port the port, greater than 0
 * @since 0.1.0
 */
public record RemoteAddress(String host, int port) {

  /** Checks that the host is not null and the port is positive. */
  public RemoteAddress {
    Objects.requireNonNull(host, "host");
    if (port <= 0) {
      throw new IllegalArgumentException(portMessage(port));
    }
  }

  /**
   * Parses like Elasticsearch.
   *
   * @param value the address text
   * @return the address
   * @throws IllegalArgumentException with Elasticsearch's message when the text is not an address
   */
  public static RemoteAddress parse(String value) {
    Objects.requireNonNull(value, "value");
    int sep = value.lastIndexOf(':');
    if (sep < 0) {
      throw new IllegalArgumentException(
          "remote hosts need to be configured as [host:port], found [" + value + "] instead");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(sep + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("failed to parse port", e);
    }
    if (port <= 0) {
      throw new IllegalArgumentException(portMessage(port));
    }
    return new RemoteAddress(value.substring(0, sep), port);
  }

  /**
   * Elasticsearch's message for the value, or empty when it parses.
   *
   * @param value the address text
   * @return the error message, or empty
   */
  public static Optional<String> check(String value) {
    try {
      parse(value);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String portMessage(int port) {
    return "port number must be > 0 but was: [" + port + "]";
  }

  /**
   * Whether the port is one a socket can use (at most 65535). Elasticsearch does not check this
   * when settings are updated; the connection attempt fails later with {@code port out of range}.
   *
   * @return true when the port is at most 65535
   */
  public boolean portInRange() {
    return port <= 65535;
  }

  /** {@return {@code host:port}} */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
