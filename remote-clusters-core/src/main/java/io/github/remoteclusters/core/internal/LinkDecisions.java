package io.github.remoteclusters.core.internal;

import static io.github.remoteclusters.core.internal.LinkPlanner.CLOUD_TRANSPORT_PORT;
import static io.github.remoteclusters.core.internal.LinkPlanner.REMOTE_CLUSTER_PORT;
import static io.github.remoteclusters.core.internal.LinkPlanner.TRANSPORT_PORT;

import io.github.remoteclusters.compat.FeatureAvailability;
import io.github.remoteclusters.compat.FeatureGates;
import io.github.remoteclusters.compat.FeatureStage;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.settings.RemoteAddress;
import io.github.remoteclusters.core.internal.LinkPlanner.Context;
import java.util.List;

/**
 * The decisions of one link, each made here once: security model, connection (mode, address,
 * server name) and skip_unavailable. A decision that cannot be made reports why on the context.
 * Not API.
 */
final class LinkDecisions {

  private LinkDecisions() {}

  static SecurityModel security(Context c, FeatureAvailability apiKeys) {
    if (c.link.security() != null) {
      return c.link.security();
    }
    if (apiKeys.stage() == FeatureStage.GA) {
      return SecurityModel.API_KEY;
    }
    if (c.link.hasAccess() && apiKeys.usable()) {
      return SecurityModel.API_KEY;
    }
    return SecurityModel.CERTIFICATE;
  }

  static boolean skipUnavailable(Context c) {
    if (c.link.skipUnavailable() != null) {
      return c.link.skipUnavailable();
    }
    boolean def = FeatureGates.skipUnavailableDefault(c.local.version());
    if (!def && !c.sameEckEnvironment()) {
      c.report(
          ProblemCode.SKIP_UNAVAILABLE_DEFAULT,
          "skipUnavailable",
          "skipUnavailable is not set: on [" + c.local.name() + "] (" + c.local.version()
              + ") skip_unavailable defaults to false, so searches through alias [" + c.link.alias()
              + "] fail while cluster [" + c.remote.name() + "] is unreachable; it defaults to true from 8.15");
    }
    return def;
  }

  static Connection connection(Context c, SecurityModel security) {
    Link link = c.link;
    if (c.sameEckEnvironment()) {
      eckOptions(c);
      String host =
          security == SecurityModel.API_KEY
              ? c.remote.eck().remoteClusterServiceHost() + ":" + REMOTE_CLUSTER_PORT
              : c.remote.eck().transportServiceHost() + ":" + TRANSPORT_PORT;
      return new Connection.Sniff(List.of(host), null);
    }
    Mode mode = link.mode() != null ? link.mode() : defaultMode(c);
    if (mode == Mode.SNIFF && c.remote.deployment().isElasticCloud()) {
      c.report(
          ProblemCode.OPTION_NOT_APPLICABLE,
          "mode",
          c.remote.deployment().id() + " cluster [" + c.remote.name()
              + "] is reachable only through its proxy: use mode proxy");
    }
    if (mode == Mode.PROXY && link.nodeConnections() != null) {
      modeMismatch(c, "nodeConnections", "node_connections", Mode.SNIFF, mode);
    }
    if (mode == Mode.SNIFF && link.proxySocketConnections() != null) {
      modeMismatch(c, "proxySocketConnections", "proxy_socket_connections", Mode.PROXY, mode);
    }
    String address = address(c, security);
    if (address == null) {
      return new Connection.Sniff(List.of(), null);
    }
    if (mode == Mode.SNIFF) {
      return new Connection.Sniff(List.of(address), link.nodeConnections());
    }
    String serverName = serverName(c, security, address);
    return new Connection.Proxy(address, serverName, link.proxySocketConnections());
  }

  private static void modeMismatch(Context c, String key, String suffix, Mode required, Mode mode) {
    String setting = io.github.remoteclusters.core.EckNames.remoteSetting(c.link.alias(), suffix);
    c.report(
        ProblemCode.OPTION_NOT_APPLICABLE,
        key,
        "Setting \"" + setting + "\" cannot be used with the configured \""
            + io.github.remoteclusters.core.EckNames.remoteSetting(c.link.alias(), "mode") + "\" [required=" + required + ", configured=" + mode + "]");
  }

  /** Inside one ECK environment the operator writes only seeds; anything else would fight it. */
  private static void eckOptions(Context c) {
    Link link = c.link;
    String why =
        " inside one ECK environment: the operator writes only the seeds of the alias (sniff mode)"
            + " and removes it by nulling only the seeds";
    if (link.mode() == Mode.PROXY) {
      c.report(ProblemCode.ECK_UNSUPPORTED, "mode", "mode [proxy] cannot be used" + why);
    }
    if (link.skipUnavailable() != null || !link.transport().isEmpty()) {
      c.report(
          ProblemCode.ECK_UNSUPPORTED,
          link.skipUnavailable() != null ? "skipUnavailable" : "transport",
          "skipUnavailable and transport options cannot be set" + why
              + ", which Elasticsearch rejects while skip_unavailable or transport.* is set");
    }
    if (link.nodeConnections() != null || link.proxySocketConnections() != null) {
      c.report(
          ProblemCode.ECK_UNSUPPORTED,
          link.nodeConnections() != null ? "nodeConnections" : "proxySocketConnections",
          "connection counts cannot be set" + why);
    }
  }

  private static Mode defaultMode(Context c) {
    boolean flat =
        c.local.deployment() == Deployment.SELF_MANAGED
            && c.remote.deployment() == Deployment.SELF_MANAGED;
    return flat ? Mode.SNIFF : Mode.PROXY;
  }

  private static String address(Context c, SecurityModel security) {
    boolean apiKey = security == SecurityModel.API_KEY;
    String key = apiKey ? "remoteClusterAddress" : "transportAddress";
    String address = apiKey ? c.remote.remoteClusterAddress() : c.remote.transportAddress();
    if (address == null) {
      c.report(
          ProblemCode.ADDRESS_REQUIRED,
          "remote",
          "cluster [" + c.remote.name() + "] has no [" + key + "]: the host:port where ["
              + c.local.name() + "] reaches " + (apiKey ? "its remote cluster server" : "its transport layer")
              + addressHint(c, apiKey));
      return null;
    }
    int port = RemoteAddress.parse(address).port();
    int expected =
        apiKey
            ? REMOTE_CLUSTER_PORT
            : c.remote.deployment().isElasticCloud() ? CLOUD_TRANSPORT_PORT : TRANSPORT_PORT;
    // An ECK Service exposed on another port (an Ingress on 443, a NodePort) says so in the topology.
    io.github.remoteclusters.core.ServiceExposure exposed =
        apiKey ? c.remote.remoteClusterService() : c.remote.transportService();
    if (exposed != null && exposed.port() != null) {
      expected = exposed.port();
    }
    if (security != SecurityModel.NONE && port != expected) {
      c.report(
          ProblemCode.ADDRESS_PORT_MISMATCH,
          "remote",
          "the " + security.id() + " security model connects to port " + expected + " by default ("
              + (apiKey ? "the remote cluster server" : "the transport port") + ") but ["
              + address + "] uses port " + port
              + (port == REMOTE_CLUSTER_PORT || port == TRANSPORT_PORT || port == CLOUD_TRANSPORT_PORT
                  ? ", the port of the other security model" : ""));
    }
    return address;
  }

  private static String addressHint(Context c, boolean apiKey) {
    switch (c.remote.deployment()) {
      case ECK:
        return apiKey
            ? " (expose service " + io.github.remoteclusters.core.EckNames.remoteClusterService(c.remote.eck().name())
                + ", for example as a LoadBalancer, and give its address:" + REMOTE_CLUSTER_PORT + ")"
            : " (expose service " + io.github.remoteclusters.core.EckNames.transportService(c.remote.eck().name())
                + " and give its address:" + TRANSPORT_PORT + ")";
      case ECH:
      case ECE:
        return " (the deployment's proxy address from its Security page, with port "
            + (apiKey ? REMOTE_CLUSTER_PORT : CLOUD_TRANSPORT_PORT) + ")";
      default:
        return apiKey ? " (port 9443 by default)" : " (port 9300 by default)";
    }
  }

  private static String serverName(Context c, SecurityModel security, String address) {
    if (security == SecurityModel.NONE) {
      return null;
    }
    if (c.remote.serverName() != null) {
      return c.remote.serverName();
    }
    if (c.remote.deployment().isElasticCloud()) {
      return RemoteAddress.parse(address).host();
    }
    if (c.remote.deployment() == Deployment.ECK
        && c.remote.tlsTerminatedInFront(security == SecurityModel.API_KEY)) {
      // a load balancer or Ingress presents its own certificate: no ECK server name
      return null;
    }
    if (c.remote.deployment() == Deployment.ECK) {
      return security == SecurityModel.API_KEY
          ? c.remote.eck().remoteClusterServiceHost()
          : c.remote.eck().transportServiceHost();
    }
    c.report(
        ProblemCode.SERVER_NAME_MISSING,
        "remote",
        "proxy mode through TLS without a server name: unless the certificate of ["
            + c.remote.name() + "] is issued for the host of the proxy address, set [serverName]"
            + " on cluster [" + c.remote.name() + "] (sent as server_name, the TLS SNI)");
    return null;
  }
}
