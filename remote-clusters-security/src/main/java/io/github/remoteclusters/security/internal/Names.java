package io.github.remoteclusters.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/** DNS name and IP literal rules, and RFC 6125 server name matching. */
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
   * Whether a server name matches a certificate's identifiers under RFC 6125: IP literals match IP
   * SANs exactly; DNS names match DNS SANs case-insensitively, a wildcard only in the left-most
   * label and matching exactly one label; the common name counts only when there are no DNS SANs.
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
    String host = normalise(serverName);
    List<String> candidates = dnsSans.isEmpty() && ipSans.isEmpty() && commonName != null
        ? List.of(commonName) : dnsSans;
    for (String candidate : candidates) {
      if (dnsMatches(host, normalise(candidate))) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static boolean dnsMatches(String host, String pattern) {
    if (!pattern.contains("*")) {
      return host.equals(pattern);
    }
    String[] hostLabels = host.split("\\.", -1);
    String[] patternLabels = pattern.split("\\.", -1);
    if (hostLabels.length != patternLabels.length || patternLabels.length < 3) {
      return false;
    }
    for (int i = 1; i < patternLabels.length; i++) {
      if (patternLabels[i].contains("*") || !patternLabels[i].equals(hostLabels[i])) {
        return false;
      }
    }
    String wildcard = patternLabels[0];
    int star = wildcard.indexOf('*');
    if (star != wildcard.lastIndexOf('*') || hostLabels[0].isEmpty()) {
      return false;
    }
    String prefix = wildcard.substring(0, star);
    String suffix = wildcard.substring(star + 1);
    String label = hostLabels[0];
    return label.length() >= prefix.length() + suffix.length()
        && label.startsWith(prefix) && label.endsWith(suffix);
  }
}
