package io.github.remoteclusters.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of plans, messages and {@code toString}.
 *
 * @since 0.1.0
 */
public final class Redaction {

  /** What a secret is replaced with. */
  public static final String REDACTED = "::redacted::";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private Redaction() {}

  /**
   * A URL reduced to its scheme, host and port, for messages: {@code
   * https://user:pw@es.example.com:9200/x} prints as {@code https://::redacted::@es.example.com:9200}.
   *
   * <p>It cannot be bypassed by a malformed URL: everything up to the <em>last</em> {@code @} is
   * treated as credentials (a password may hold {@code /}, {@code @}, {@code ?}, {@code #},
   * spaces or an unclosed {@code [}), the host is printed only when it is a host name, an IPv4
   * address or a bracketed IPv6 address, and the port only when it is digits; anything else is
   * replaced by {@link #REDACTED}. Path, query and fragment are never printed. A URL with an
   * {@code @} in its path therefore prints a wrong host: such a URL is not an Elasticsearch
   * endpoint, and a wrong host is better than a leaked password.
   *
   * @param url the URL, possibly malformed; null prints as {@code null}
   * @return scheme, host and port, with a {@link #REDACTED} marker where credentials were
   */
  public static String url(String url) {
    if (url == null) {
      return "null";
    }
    String scheme = "";
    String rest = url.strip();
    int sep = rest.indexOf("://");
    if (sep > 0 && SCHEME.matcher(rest.substring(0, sep)).matches()) {
      scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT) + "://";
      rest = rest.substring(sep + 3);
    }
    int at = rest.lastIndexOf('@');
    String marker = "";
    if (at >= 0) {
      marker = REDACTED + "@";
      rest = rest.substring(at + 1);
    }
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\' || Character.isWhitespace(c)) {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    String host = authority;
    String port = null;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && colon > authority.lastIndexOf(']')) {
      host = authority.substring(0, colon);
      port = authority.substring(colon + 1);
    }
    StringBuilder out = new StringBuilder(scheme).append(marker);
    out.append(HOST.matcher(host).matches() ? host : REDACTED);
    if (port != null) {
      out.append(':').append(PORT.matcher(port).matches() ? port : REDACTED);
    }
    return out.toString();
  }
}
