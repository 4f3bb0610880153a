package io.github.remoteclusters.security.internal;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringTokenizer;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import org.bouncycastle.util.IPAddress;

/** DNS name and IP literal rules, and server name matching as the JDK's TLS hostname check does it. */
public final class Names {

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final Pattern WILDCARD_LABEL = Pattern.compile("[A-Za-z0-9_-]*\\*[A-Za-z0-9_-]*");

  private Names() {}

  /**
   * Checks a DNS subject alternative name: labels of letters, digits, '_' and '-', and a wildcard
   * only in the left-most label.
   */
  public static void requireDnsName(String dns) {
    String[] labels = String.valueOf(dns).split("\\.", -1);
    boolean ok = dns != null && !dns.isEmpty() && dns.length() <= 253;
    for (int i = 0; ok && i < labels.length; i++) {
      ok = LABEL.matcher(labels[i]).matches()
          || (i == 0 && labels.length > 2 && WILDCARD_LABEL.matcher(labels[i]).matches()
              && labels[i].indexOf('*') == labels[i].lastIndexOf('*'));
    }
    if (!ok) {
      throw new IllegalArgumentException("DNS name [" + dns + "] is invalid: expected labels of letters,"
          + " digits, '_' and '-' separated by '.', with a wildcard only in the left-most label");
    }
  }

  /** Checks an IPv4 or IPv6 literal without any DNS lookup. */
  public static void requireIpLiteral(String ip) {
    if (ip == null || !IPAddress.isValid(ip)) {
      throw new IllegalArgumentException(
          "IP address [" + ip + "] is invalid: expected an IPv4 or IPv6 literal");
    }
  }

  /** Whether the text is an IPv4 or IPv6 literal. */
  public static boolean isIpLiteral(String text) {
    return text != null && IPAddress.isValid(text.startsWith("[") && text.endsWith("]")
        ? text.substring(1, text.length() - 1) : text);
  }

  /** The address bytes of an IP literal (no DNS lookup happens for literals). */
  public static byte[] ipBytes(String ip) {
    String literal = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    requireIpLiteral(literal);
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("IP address [" + ip + "] is invalid: expected an IPv4 or IPv6 literal");
    }
  }

  /**
   * Whether a server name matches a certificate's identifiers the way the JDK's TLS hostname check
   * ({@code HostnameChecker}, type TLS, which Elasticsearch uses for full verification) does: an IP
   * literal matches IP SANs only; a DNS name must be a valid SNI host name and matches the DNS SANs,
   * or the most specific common name when there is no DNS SAN; case-insensitive after IDN
   * normalisation; {@code *} matches within one label, in any label, also as part of a label
   * ({@code f*.example.com}); {@code *} and {@code *.} alone and a wildcard with no dot after it
   * never match.
   */
  public static boolean matches(String serverName, List<String> dnsSans, List<String> ipSans, String commonName) {
    if (isIpLiteral(serverName)) {
      byte[] wanted = ipBytes(serverName);
      for (String ip : ipSans) {
        if (isIpLiteral(ip) && Arrays.equals(wanted, ipBytes(ip))) {
          return true;
        }
      }
      return false;
    }
    try {
      new SNIHostName(serverName);
    } catch (IllegalArgumentException e) {
      return false;
    }
    List<String> candidates = !dnsSans.isEmpty() ? dnsSans : commonName == null ? List.of() : List.of(commonName);
    for (String candidate : candidates) {
      if (isMatched(serverName, candidate)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why the JDK would refuse this server name before looking at any certificate, or {@code null}
   * when it is an IP literal or a valid SNI host name.
   */
  public static String invalidServerName(String serverName) {
    if (isIpLiteral(serverName)) {
      return null;
    }
    try {
      new SNIHostName(serverName);
      return null;
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
  }

  private static boolean isMatched(String name, String template) {
    try {
      name = IDN.toUnicode(IDN.toASCII(name));
      template = IDN.toUnicode(IDN.toASCII(template));
    } catch (RuntimeException e) {
      return false;
    }
    if (template.equals("*") || template.equals("*.")) {
      return false;
    }
    int lastWildcard = template.lastIndexOf('*');
    if (lastWildcard >= 0 && template.indexOf('.', lastWildcard) < 0) {
      return false;
    }
    try {
      new SNIHostName(template.replace('*', 'x'));
    } catch (IllegalArgumentException e) {
      return false;
    }
    StringTokenizer names = new StringTokenizer(name.toLowerCase(Locale.ENGLISH), ".");
    StringTokenizer templates = new StringTokenizer(template.toLowerCase(Locale.ENGLISH), ".");
    if (names.countTokens() != templates.countTokens()) {
      return false;
    }
    while (names.hasMoreTokens()) {
      if (!matchWildcards(names.nextToken(), templates.nextToken())) {
        return false;
      }
    }
    return true;
  }

  /** One label against a template label whose stars match any run of characters. */
  private static boolean matchWildcards(String name, String template) {
    int wildcard = template.indexOf('*');
    if (wildcard == -1) {
      return name.equals(template);
    }
    boolean beginning = true;
    String after = template;
    while (wildcard != -1) {
      String before = after.substring(0, wildcard);
      after = after.substring(wildcard + 1);
      int start = name.indexOf(before);
      if (start == -1 || (beginning && start != 0)) {
        return false;
      }
      beginning = false;
      name = name.substring(start + before.length());
      wildcard = after.indexOf('*');
    }
    return name.endsWith(after);
  }
}
