package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.Redaction;
import io.github.remoteclusters.core.settings.RemoteAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The rules a topology's names and addresses follow, in one place: the topology reader reports a
 * broken rule as a problem with its path, and the model's constructors ({@code Cluster}, {@code
 * Link}) throw {@link IllegalArgumentException} with the same message, so that a topology built in
 * Java is held to the same rules as a file. Each method returns the message, or null when the
 * value is valid. Messages never repeat credentials. Not API.
 */
public final class ModelRules {

  private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** One RFC 1123 label; {@code _} is allowed as Kibana's remote-cluster form allows it. */
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

  private ModelRules() {}

  /**
   * The cluster name rule.
   *
   * @param name the name
   * @return the message, or null
   */
  public static String clusterNameError(String name) {
    if (CLUSTER_NAME.matcher(name).matches()) {
      return null;
    }
    return "cluster name [" + name + "] is invalid: only letters, digits, '.', '_' and '-' are"
        + " allowed, starting with a letter or digit";
  }

  /**
   * Elasticsearch's alias rule: the {@code <alias>} of {@code cluster.remote.<alias>.*} is one
   * affix key part, {@code [-\w]+}.
   *
   * @param alias the alias
   * @return the message, or null
   */
  public static String aliasError(String alias) {
    if (SettingValues.isValidAlias(alias)) {
      return null;
    }
    return "alias [" + alias + "] is invalid: only letters, digits, '_' and '-' are allowed";
  }

  /**
   * A host as Kibana's remote-cluster form and RFC 1123 accept it: dot-separated labels of
   * letters, digits, {@code -} and {@code _} (an IPv4 address is such a host), at most 253
   * characters; or an IPv6 address in brackets.
   *
   * @param host the host
   * @return the reason, or null
   */
  public static String hostError(String host) {
    if (host.isEmpty()) {
      return "the host is missing";
    }
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        return "an IPv6 address must be in brackets, such as [::1]";
      }
      String literal = host.substring(1, host.length() - 1);
      if (!literal.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?") || !literal.contains(":")) {
        return "[" + literal + "] is not an IPv6 address";
      }
      try {
        // a literal with ':' is parsed, never looked up
        if (!(InetAddress.getByName(literal) instanceof Inet6Address)) {
          return "[" + literal + "] is not an IPv6 address";
        }
      } catch (UnknownHostException e) {
        return "[" + literal + "] is not an IPv6 address";
      }
      return null;
    }
    if (host.contains(":")) {
      return "an IPv6 address must be in brackets, such as [::1]";
    }
    if (host.length() > 253) {
      return "a host name has at most 253 characters";
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return "host [" + host + "] is not a host name: dot-separated labels of letters, digits,"
            + " '-' and '_', each 1 to 63 characters, not starting or ending with '-'";
      }
    }
    return null;
  }

  /**
   * A {@code host:port} address ({@code transportAddress}, {@code remoteClusterAddress}):
   * Elasticsearch's parsing (split at the last colon, port an integer above 0), a port of at most
   * 65535 and a {@linkplain #hostError valid host}.
   *
   * @param key the field, for the message
   * @param value the address
   * @return the message, or null
   */
  public static String addressError(String key, String value) {
    RemoteAddress a;
    try {
      a = RemoteAddress.parse(value);
    } catch (IllegalArgumentException e) {
      return key + " [" + value + "] is invalid: " + e.getMessage();
    }
    if (!a.portInRange()) {
      return key + " [" + value + "] is invalid: port out of range:" + a.port();
    }
    String host = hostError(a.host());
    return host == null ? null : key + " [" + value + "] is invalid: " + host;
  }

  /**
   * A cluster's REST {@code url}: absolute {@code http} or {@code https} with a valid host, a port
   * from 1 to 65535 if any, no query and no fragment. Credentials are allowed (they become basic
   * authentication) but never printed.
   *
   * @param url the URL
   * @return the message, or null
   */
  public static String urlError(String url) {
    String shown = Redaction.url(url);
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      // the reason only: the exception's message repeats the input, password and all
      return "url [" + shown + "] is invalid: " + e.getReason()
          + (e.getIndex() < 0 ? "" : " at index " + e.getIndex());
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
      return "url [" + shown + "] must start with http:// or https://";
    }
    if (u.getRawPath() != null && u.getRawPath().contains("@")) {
      return "url [" + shown + "] is invalid: '@' after the host; a password holding '/', '@',"
          + " '?', '#' or a space must be percent-encoded (%2F, %40, %3F, %23, %20)";
    }
    if (u.getQuery() != null || u.getFragment() != null) {
      return "url [" + shown + "] is invalid: a cluster URL has no query (?) or fragment (#)";
    }
    if (u.getHost() == null) {
      return "url [" + shown + "] is invalid: expected http://HOST:PORT or https://HOST:PORT"
          + " with a port from 1 to 65535";
    }
    if (u.getPort() == 0 || u.getPort() > 65535) {
      return "url [" + shown + "] is invalid: port out of range:" + u.getPort();
    }
    String host = hostError(u.getHost());
    return host == null ? null : "url [" + shown + "] is invalid: " + host;
  }
}
