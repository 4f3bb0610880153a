package io.github.remoteclusters.elasticsearch.internal.apply;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.WireVerdict;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.Diagnosis.Code;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns "not connected" into something a person can act on. Static checks first (versions, the
 * port for the security model, an address of another cluster, an HTTP address), then a probe of
 * the address from this machine. Not API (public for the watcher).
 */
public final class Diagnoser {

  private static final int PROBE_MILLIS = 1000;

  private final Topology topology;

  /**
   * A diagnoser of the links of a topology.
   *
   * @param topology the topology
   */
  public Diagnoser(Topology topology) {
    this.topology = topology;
  }

  /**
   * The diagnosis of a link whose local cluster this tool could not reach: a certificate that
   * does not name the host of the cluster's URL, or that is not trusted, is said as such rather
   * than "unreachable" (the message of the failure says which names and which CA).
   *
   * @param failure why the connection failed
   * @return the diagnosis
   */
  static Diagnosis clusterNotReached(io.github.remoteclusters.elasticsearch.ApplyException failure) {
    io.github.remoteclusters.elasticsearch.internal.es.TlsFailure.Kind kind =
        io.github.remoteclusters.elasticsearch.internal.es.TlsFailure.kind(failure);
    Code code = kind == io.github.remoteclusters.elasticsearch.internal.es.TlsFailure.Kind.HOST_NAME
        ? Code.SERVER_NAME_MISMATCH
        : kind == io.github.remoteclusters.elasticsearch.internal.es.TlsFailure.Kind.NOT_TRUSTED
            ? Code.UNTRUSTED_CA
            : Code.UNREACHABLE;
    return new Diagnosis(code, String.valueOf(failure.getMessage()));
  }

  /**
   * Diagnoses one disconnected alias.
   *
   * @param local the local cluster
   * @param localVersion its real version, or null to use the topology's
   * @param alias the alias
   * @param info its remote info
   * @param remote the cluster the topology says the alias should reach, or null when unknown
   * @param remoteVersion the remote's real version, or null to use the topology's
   * @param security the link's security model, or null when unknown
   * @return the diagnosis
   */
  Diagnosis diagnose(
      Cluster local,
      EsVersion localVersion,
      String alias,
      RemoteInfo info,
      Cluster remote,
      EsVersion remoteVersion,
      SecurityModel security) {
    return diagnose(local, localVersion, alias, info, remote, remoteVersion, security, null);
  }

  /**
   * Diagnoses one disconnected alias, with what the local cluster reports itself.
   *
   * @param local the local cluster
   * @param localVersion its real version, or null to use the topology's
   * @param alias the alias
   * @param info its remote info
   * @param remote the cluster the topology says the alias should reach, or null when unknown
   * @param remoteVersion the remote's real version, or null to use the topology's
   * @param security the link's security model, or null when unknown
   * @param session the local cluster's session, to ask it for its own error for the alias
   *     ({@code _resolve/cluster}) and the CAs it trusts ({@code _ssl/certificates}), or null
   * @return the diagnosis
   */
  Diagnosis diagnose(
      Cluster local,
      EsVersion localVersion,
      String alias,
      RemoteInfo info,
      Cluster remote,
      EsVersion remoteVersion,
      SecurityModel security,
      EsSession session) {
    return diagnose(local, localVersion, alias, info, remote, remoteVersion, security, session,
        session == null ? null : session.remoteError(alias));
  }

  /**
   * Diagnoses one disconnected alias with the error the local cluster already reported for it
   * (the watcher reads {@code _resolve/cluster} once for all aliases of a cluster).
   *
   * @param local the local cluster
   * @param localVersion its real version, or null to use the topology's
   * @param alias the alias
   * @param info its remote info
   * @param remote the cluster the topology says the alias should reach, or null when unknown
   * @param remoteVersion the remote's real version, or null to use the topology's
   * @param security the link's security model, or null when unknown
   * @param session the local cluster's session (for the CAs it trusts), or null
   * @param reported the {@code error} of {@code _resolve/cluster} for the alias, or null
   * @return the diagnosis
   */
  public Diagnosis diagnose(
      Cluster local,
      EsVersion localVersion,
      String alias,
      RemoteInfo info,
      Cluster remote,
      EsVersion remoteVersion,
      SecurityModel security,
      EsSession session,
      String reported) {
    String where = "[" + alias + "] on [" + local.name() + "]";
    if (remote != null) {
      EsVersion lv = localVersion != null ? localVersion : local.version();
      EsVersion rv = remoteVersion != null ? remoteVersion : remote.version();
      WireVerdict wire = Compatibility.wire(lv, rv);
      if (!wire.compatible() && wire.basis() != Basis.UNKNOWN) {
        return new Diagnosis(Code.INCOMPATIBLE_VERSIONS,
            where + " cannot connect: " + lv + " and " + rv + " are not wire-compatible: "
                + wire.reason() + "; upgrade one side");
      }
    }
    List<String> addresses = info.addresses();
    if (addresses.isEmpty()) {
      return new Diagnosis(Code.NOT_CONFIGURED, where + " has no seeds or proxy_address");
    }
    for (String address : addresses) {
      for (Cluster c : topology.clusters()) {
        if (c.url() != null && address.equals(hostPort(c.url()))) {
          return new Diagnosis(Code.HTTP_PORT_AS_SEED,
              where + " points at [" + address + "], the HTTP address of [" + c.name()
                  + "]; remote clusters connect to the transport port (9300) or, with API keys,"
                  + " the remote cluster server port (9443): use "
                  + suggestion(c, security));
        }
      }
    }
    String address = addresses.get(0);
    if (remote != null) {
      Boolean creds = info.credentials();
      boolean apiKey = Boolean.TRUE.equals(creds) || (creds == null && security == SecurityModel.API_KEY);
      if (security == SecurityModel.API_KEY && Boolean.FALSE.equals(creds)) {
        return new Diagnosis(Code.CREDENTIALS_MISSING,
            where + " is an API-key link but has no cluster_credentials: create a cross-cluster"
                + " API key on [" + remote.name() + "], add it to the keystore of every node of ["
                + local.name() + "] as " + EckNames.credentialsKey(alias) + " and call POST"
                + " _nodes/reload_secure_settings (apply does all of this, given"
                + " --credentials-command)" + reportedSuffix(reported));
      }
      if (apiKey && !remote.remoteClusterServerEnabled() && remote.remoteClusterAddress() == null) {
        return new Diagnosis(Code.REMOTE_CLUSTER_SERVER_DISABLED,
            where + " uses API-key credentials but [" + remote.name() + "] has no remote cluster"
                + " server: set remote_cluster_server.enabled: true and"
                + " xpack.security.remote_cluster_server.ssl.* on its nodes (port 9443) and point"
                + " the alias there, or use the certificate model" + reportedSuffix(reported));
      }
      if (apiKey && (address.equals(remote.transportAddress()) || port(address) == EckNames.TRANSPORT_PORT)) {
        return new Diagnosis(Code.WRONG_PORT_FOR_SECURITY_MODEL,
            where + " has API-key credentials but [" + address + "] is a transport port; the"
                + " API-key model connects to the remote cluster server (port 9443)"
                + (remote.remoteClusterAddress() == null ? "" : ": use " + remote.remoteClusterAddress()));
      }
      if (!apiKey && (address.equals(remote.remoteClusterAddress()) || port(address) == EckNames.REMOTE_CLUSTER_PORT)) {
        return new Diagnosis(Code.WRONG_PORT_FOR_SECURITY_MODEL,
            where + " has no API-key credentials but [" + address + "] is a remote cluster"
                + " server port (9443); without credentials connect to the transport port (9300)"
                + (remote.transportAddress() == null ? "" : ": use " + remote.transportAddress()));
      }
      for (Cluster c : topology.clusters()) {
        if (!c.name().equals(remote.name())
            && (address.equals(c.transportAddress()) || address.equals(c.remoteClusterAddress()))) {
          return new Diagnosis(Code.NAME_MISMATCH,
              where + " should reach [" + remote.name() + "] but [" + address + "] is the address"
                  + " of [" + c.name() + "]; the handshake fails on the cluster name");
        }
      }
    }
    if (reported != null) {
      Diagnosis d = fromReport(where, alias, address, local, remote, reported);
      if (d != null) {
        return d;
      }
    }
    String probe = probe(address);
    if (probe != null) {
      if (probe.startsWith("HTTP")) {
        return new Diagnosis(Code.HTTP_PORT_AS_SEED,
            where + ": [" + address + "] answers HTTP; give the transport port (9300) or the"
                + " remote cluster server port (9443) instead");
      }
      return new Diagnosis(Code.UNREACHABLE,
          where + ": nothing answers at [" + address + "] from this machine (" + probe + ");"
              + " check the host, the port and firewalls between the nodes of [" + local.name()
              + "] and the remote");
    }
    if (session != null) {
      Diagnosis d = fromTls(where, address, local, remote, session);
      if (d != null) {
        return d;
      }
    }
    return new Diagnosis(Code.UNKNOWN,
        where + ": [" + address + "] answers but the alias is not connected; look for"
            + " 'handshake' or 'remote cluster name' in the log of [" + local.name() + "]"
            + " (cluster name mismatch, TLS, incompatible versions)" + reportedSuffix(reported));
  }

  /**
   * Classifies the error the local cluster reports for the alias by the words Elasticsearch and
   * the JDK use; null when it is none of the known failures.
   */
  static Diagnosis fromReport(
      String where, String alias, String address, Cluster local, Cluster remote, String reported) {
    String r = reported.toLowerCase(java.util.Locale.ROOT);
    String remoteName = remote == null ? "the remote" : "[" + remote.name() + "]";
    String said = "; [" + local.name() + "] reports: " + reported;
    if (r.contains("unable to find valid certification path") || r.contains("pkix path")
        || r.contains("unknown_ca")) {
      return new Diagnosis(Code.UNTRUSTED_CA,
          where + ": the certificate of " + remoteName + " at [" + address + "] is signed by a"
              + " CA [" + local.name() + "] does not trust: add that CA to"
              + " xpack.security.transport.ssl.certificate_authorities (certificate model) or"
              + " xpack.security.remote_cluster_client.ssl.certificate_authorities (API-key"
              + " model) on every node of [" + local.name() + "]" + said);
    }
    if (r.contains("no subject alternative") || r.contains("no name matching")
        || r.contains("hostname") && r.contains("verif")) {
      return new Diagnosis(Code.SERVER_NAME_MISMATCH,
          where + ": the certificate of " + remoteName + " does not name the host of [" + address
              + "] (" + quotedNames(reported) + ", and verification_mode is full): give the alias"
              + " an address by a name or IP the certificate lists, or issue the remote a"
              + " certificate whose subject alternative names include it (server_name only sets"
              + " SNI)" + said);
    }
    if (r.contains("license")) {
      return new Diagnosis(Code.LICENSE_TOO_LOW,
          where + ": a licence is too low for this link: the API-key model needs an enterprise"
              + " (or trial) licence on both clusters; upgrade the licence, or use the certificate"
              + " model, which works on basic" + said);
    }
    if (r.contains("api key") || r.contains("api_key") || r.contains("authenticat")
        || r.contains("credentials")) {
      return new Diagnosis(Code.CREDENTIALS_REJECTED,
          where + ": " + remoteName + " rejects the alias's cross-cluster API key (invalidated,"
              + " expired or from another cluster): create a new cross-cluster API key on "
              + remoteName + ", store it as " + EckNames.credentialsKey(alias) + " and reload secure"
              + " settings (apply or rotation do this)" + said);
    }
    return null;
  }

  /**
   * A TLS failure the local cluster reports only in its log: this machine shakes hands with the
   * address itself and compares what the remote presents with what the local cluster trusts
   * ({@code _ssl/certificates}) and with the host of the address. Null when the address does not
   * speak TLS or nothing is wrong with its certificate.
   */
  static Diagnosis fromTls(
      String where, String address, Cluster local, Cluster remote, EsSession session) {
    TlsProbe.Result seen = TlsProbe.handshake(address, PROBE_MILLIS);
    if (seen == null) {
      return null;
    }
    String remoteName = remote == null ? "the remote" : "[" + remote.name() + "]";
    java.util.Set<String> trusted = session.trustedCertificateSubjects();
    String issuer = seen.issuer();
    if (trusted != null && !trusted.isEmpty() && !seen.selfSigned() && !trusted.contains(issuer)) {
      return new Diagnosis(Code.UNTRUSTED_CA,
          where + ": the certificate of " + remoteName + " at [" + address + "] is signed by ["
              + issuer + "], a CA [" + local.name() + "] does not trust (it trusts " + trusted
              + "): add that CA to xpack.security.transport.ssl.certificate_authorities"
              + " (certificate model) or xpack.security.remote_cluster_client.ssl"
              + ".certificate_authorities (API-key model) on every node of [" + local.name()
              + "]; the local node logs 'unable to find valid certification path'");
    }
    if (seen.nameError() != null) {
      return new Diagnosis(Code.SERVER_NAME_MISMATCH,
          where + ": the certificate of " + remoteName + " does not name the host of [" + address
              + "] (" + seen.nameError() + "; verification_mode full checks it): give the alias"
              + " an address by a name or IP the certificate lists, or issue the remote a"
              + " certificate whose subject alternative names include it (server_name only sets"
              + " SNI)");
    }
    return null;
  }

  /** The names the JDK quotes in a hostname failure, or the whole text. */
  private static String quotedNames(String reported) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("matching ([^ ]+) found").matcher(reported);
    return m.find() ? "it verifies " + m.group(1) : "hostname verification failed";
  }

  private static String reportedSuffix(String reported) {
    return reported == null ? "" : "; the local cluster reports: " + reported;
  }

  private static String suggestion(Cluster c, SecurityModel security) {
    String a = security == SecurityModel.API_KEY ? c.remoteClusterAddress() : c.transportAddress();
    return a == null ? "the transport address of [" + c.name() + "]" : a;
  }

  /**
   * Connects to the address; null when something answers that is not HTTP, "HTTP" when it
   * answers HTTP, otherwise the reason it could not connect.
   */
  static String probe(String address) {
    int sep = address.lastIndexOf(':');
    if (sep < 0) {
      return "not host:port";
    }
    String host = address.substring(0, sep);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = port(address);
    if (port <= 0 || port > 65535) {
      return "port out of range";
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
      s.setSoTimeout(PROBE_MILLIS);
      OutputStream out = s.getOutputStream();
      out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] head = new byte[5];
      int n = in.readNBytes(head, 0, 5);
      if (n == 5 && new String(head, StandardCharsets.US_ASCII).equals("HTTP/")) {
        return "HTTP";
      }
      return null;
    } catch (java.net.SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  static int port(String address) {
    int sep = address.lastIndexOf(':');
    try {
      return sep < 0 ? -1 : Integer.parseInt(address.substring(sep + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String hostPort(String url) {
    try {
      URI u = URI.create(url);
      int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
      return u.getHost() + ":" + port;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
