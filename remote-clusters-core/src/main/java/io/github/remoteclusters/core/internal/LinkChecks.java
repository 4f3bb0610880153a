package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.FeatureAvailability;
import io.github.remoteclusters.compat.FeatureStage;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.compat.WireVerdict;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.internal.LinkPlanner.Context;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one link: each reports its problems on the link's context and decides nothing.
 * Not API.
 */
final class LinkChecks {

  private LinkChecks() {}

  static void checkSecurity(Context c, SecurityModel security, FeatureAvailability apiKeys) {
    if (security == SecurityModel.API_KEY) {
      FeatureAvailability a = apiKeys;
      if (!a.usable()) {
        c.report(ProblemCode.SECURITY_UNSUPPORTED, "security", a.reason());
      } else if (a.stage() == FeatureStage.PREVIEW) {
        c.report(
            ProblemCode.SECURITY_BETA,
            "security",
            a.reason() + "; Elastic documents 8.14 or later on both clusters");
      }
      if (!c.remote.remoteClusterServerEnabled()) {
        c.report(
            ProblemCode.REMOTE_CLUSTER_SERVER_DISABLED,
            "remote",
            "the remote cluster server of [" + c.remote.name()
                + "] is not enabled; the plan enables it first (API keys connect to port 9443)");
      }
    } else if (security == SecurityModel.CERTIFICATE) {
      EsVersion newer = newer(c.local.version(), c.remote.version());
      if (newer.isAtLeast(9, 0)) {
        c.report(
            ProblemCode.SECURITY_DEPRECATED,
            "security",
            "the TLS certificate security model is deprecated from 9.0 (" + nameOf(c, newer)
                + " runs " + newer + "); use security: api-key");
      }
    } else {
      for (Cluster cluster : List.of(c.local, c.remote)) {
        if (cluster.deployment() != Deployment.SELF_MANAGED) {
          c.report(
              ProblemCode.OPTION_NOT_APPLICABLE,
              "security",
              "security [none] needs security disabled on both clusters, which "
                  + cluster.deployment().id() + " cluster [" + cluster.name() + "] does not allow");
        }
      }
      c.report(
          ProblemCode.SECURITY_DISABLED,
          "security",
          "security [none]: traffic is neither encrypted nor authenticated; for development only");
    }
  }

  private static String nameOf(Context c, EsVersion version) {
    return c.local.version().equals(version) ? c.local.name() : c.remote.name();
  }

  private static EsVersion newer(EsVersion a, EsVersion b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static void checkAccess(Context c, SecurityModel security, PlannerCaches caches) {
    if (security != SecurityModel.API_KEY) {
      if (c.link.hasAccess()) {
        c.report(
            ProblemCode.ACCESS_NOT_USED,
            "access",
            "[access] is the body of a cross-cluster API key and is only used with security"
                + " [api-key], not [" + security.id() + "]");
      }
      return;
    }
    if (!c.link.hasAccess()) {
      c.report(
          ProblemCode.ACCESS_REQUIRED,
          "access",
          "an api-key link needs [access], the access body of its cross-cluster API key, such as"
              + " {\"search\": [{\"names\": [\"logs-*\"]}]}"
              + (c.link.security() == null
                  ? "; api-key is the default when both clusters are on 8.14 or later: give"
                      + " [access], or set [security] to [certificate]"
                  : ""));
      return;
    }
    for (Problem p : caches.validateAccess(c)) {
      c.problems.add(p);
    }
    if (c.sameEckEnvironment()) {
      checkEckAccess(c);
      checkEckKeyName(c);
    }
  }

  /** ECK names the key it creates {@code eck-<namespace>-<name>-<alias>}; Elasticsearch caps names. */
  static void checkEckKeyName(Context c) {
    String keyName =
        EckNames.apiKeyName(c.local.eck().namespace(), c.local.eck().name(), c.link.alias());
    if (keyName.length() > EckNames.MAX_API_KEY_NAME) {
      c.report(
          ProblemCode.INVALID_VALUE,
          "alias",
          "API key name [" + keyName + "] (ECK's eck-<namespace>-<name>-<alias>) is "
              + keyName.length() + " characters long: api key name may not be more than "
              + EckNames.MAX_API_KEY_NAME + " characters long; shorten the alias");
    }
  }

  /** ECK's CRD takes one search entry and one replication entry, and only object queries. */
  static void checkEckAccess(Context c) {
    ObjectNode access = AccessReader.json(c.access);
    for (String field : List.of("search", "replication")) {
      JsonNode node = access.get(field);
      if (node != null && node.size() > 1) {
        c.report(
            ProblemCode.ECK_UNSUPPORTED,
            "access." + field,
            "ECK's spec.remoteClusters[].apiKey.access." + field + " takes one entry, not "
                + node.size() + "; merge the index patterns into one entry");
      }
      JsonNode entry = node == null ? null : node.get(0);
      // the security module writes a query it parsed from an object as that object
      if (entry != null && entry.has("query") && entry.get("query").isTextual()) {
        c.report(
            ProblemCode.ECK_UNSUPPORTED,
            "access." + field + ".query",
            "ECK takes the document-level security query as an object, not a string");
      }
    }
  }

  /**
   * The version rule of every use the link serves ({@link
   * io.github.remoteclusters.core.Link#effectiveUses()}): search by the search table, replication
   * by the replication table (follower = local, leader = remote), ES|QL and EQL by theirs. A
   * replication-only link is not judged by the search rule; the wire rule applies to every link.
   */
  static void checkVersions(Context c) {
    EsVersion l = c.local.version();
    EsVersion r = c.remote.version();
    for (Use use : ORDER) {
      if (c.link.effectiveUses().contains(use)) {
        verdict(c, Compatibility.check(use, l, r));
      }
    }
    WireVerdict wire = Compatibility.wire(l, r);
    if (!wire.compatible() && wire.basis() != Basis.UNKNOWN) {
      c.report(ProblemCode.WIRE_INCOMPATIBLE, "remote", wire.reason());
    }
  }

  /** The uses in a stable order, so problems come out in the same order on every run. */
  private static final List<Use> ORDER = List.of(Use.values());

  /**
   * With API keys the key's access is what the remote allows: every stated use needs its part of
   * the access ({@code search} for search, ES|QL and EQL; {@code replication} for replication).
   * A part of the access no stated use needs is more than the link needs (least privilege).
   */
  static void checkUses(Context c, SecurityModel security) {
    if (c.link.uses() == null || c.link.uses().isEmpty()) {
      return;
    }
    if (security != SecurityModel.API_KEY || !c.link.hasAccess()) {
      return;
    }
    boolean search = false;
    boolean replication = false;
    for (Use use : ORDER) {
      if (!c.link.uses().contains(use)) {
        continue;
      }
      boolean replicates = use == Use.REPLICATION;
      search |= !replicates;
      replication |= replicates;
      boolean granted = replicates ? c.link.wantsReplication() : c.link.wantsSearch();
      if (!granted) {
        String part = replicates ? "replication" : "search";
        c.report(
            ProblemCode.ACCESS_INVALID,
            "uses",
            "uses [" + use.id() + "] needs [access." + part + "]: the cross-cluster API key"
                + " of the link grants " + (replicates ? "only search" : "only replication")
                + ", so the remote refuses " + use.id() + " through alias [" + c.link.alias() + "]");
      }
    }
    if (c.link.wantsSearch() && !search) {
      unused(c, "search");
    }
    if (c.link.wantsReplication() && !replication) {
      unused(c, "replication");
    }
  }

  private static void unused(Context c, String part) {
    c.report(
        ProblemCode.ACCESS_ADVICE,
        "access." + part,
        "[access." + part + "] grants " + part + " but [uses] does not list it: the key allows"
            + " more than the link is for; remove it, or add " + part + " to [uses]");
  }

  private static void verdict(Context c, CompatibilityVerdict v) {
    if (v.basis() == Basis.UNKNOWN) {
      c.report(ProblemCode.VERSION_UNKNOWN, "remote", v.reason());
    } else if (!v.supported()) {
      c.report(ProblemCode.VERSION_UNSUPPORTED, "remote", v.reason());
    }
  }

  static void checkLicence(Context c, SecurityModel security) {
    if (c.sameEckEnvironment()) {
      needs(c, License.ENTERPRISE, "ECK's remote-cluster automation");
    } else if (security == SecurityModel.API_KEY) {
      needs(c, License.ENTERPRISE, "the API-key security model");
    }
    boolean eck = c.local.deployment() == Deployment.ECK || c.remote.deployment() == Deployment.ECK;
    if (security == SecurityModel.API_KEY || eck) {
      // The landing page: "The remote clusters feature on ECK requires a valid Enterprise license
      // or Enterprise trial license"; the API-key model needs enterprise everywhere.
      for (Cluster cluster : List.of(c.local, c.remote)) {
        if (cluster.license() == null) {
          c.report(
              ProblemCode.LICENSE_UNKNOWN,
              cluster == c.local ? "local" : "remote",
              "cluster [" + cluster.name() + "] states no [license]: "
                  + (security == SecurityModel.API_KEY
                      ? "the API-key security model needs an enterprise licence (or trial) on"
                          + " both clusters; check it (GET /_license)"
                      : "remote clusters on ECK need an enterprise licence (or trial) of the ECK"
                          + " operator, which ECK applies to the clusters it manages; check it"
                          + " (GET /_license)")
                  + " and set license: enterprise");
        }
      }
    }
    if (c.link.effectiveUses().contains(Use.REPLICATION)) {
      needs(c, License.PLATINUM, "cross-cluster replication");
    }
  }

  private static void needs(Context c, License level, String what) {
    for (Cluster cluster : List.of(c.local, c.remote)) {
      if (cluster.license() != null && !cluster.license().includes(level)) {
        c.report(
            ProblemCode.LICENSE,
            cluster == c.local ? "local" : "remote",
            what + " needs licence [" + level.id() + "] (or trial); cluster [" + cluster.name()
                + "] has [" + cluster.license().id() + "]");
      }
    }
  }

  /**
   * Elastic Cloud to ECK with certificates: the docs install Elastic Cloud's {@code trust.yml} on
   * the ECK cluster, with the ECK line {@code *.node.<cluster-name>.<namespace>.es.local};
   * without it the exposed ECK transport accepts any node certificate the Cloud CA signed.
   */
  static void checkTrustRestrictions(Context c, SecurityModel security) {
    for (Cluster eck : cloudFiltered(c, security)) {
      Cluster other = eck == c.local ? c.remote : c.local;
      String own = "*.node." + eck.eck().name() + "." + eck.eck().namespace() + ".es.local";
      String side = eck == c.local ? "local" : "remote";
      if (eck.trustRestrictions() == null) {
        c.report(
            ProblemCode.TRUST_RESTRICTIONS,
            side,
            "cluster [" + eck.name() + "] has no [trustRestrictions]: its transport, exposed to ["
                + other.name() + "], would accept any node certificate signed by the "
                + other.deployment().id() + " CA; download trust.yml from the Security page of ["
                + other.name() + "], change the ECK line to \"" + own + "\" and set"
                + " trustRestrictions: trust.yml");
      } else if (!io.github.remoteclusters.core.EckNames.trustFilterAdmits(
          eck.trustRestrictions().subjectNames(), eck.eck().name(), eck.eck().namespace())) {
        // Elasticsearch's restricted trust manager checks every transport connection, the
        // cluster's own too: a filter without the ECK nodes' names cannot work (an error).
        c.report(
            ProblemCode.INVALID_VALUE,
            side,
            "trustRestrictions of [" + eck.name() + "] has no pattern for its own nodes (\"" + own
                + "\"): ECK's nodes would fail to join the cluster; fix trust.yml: replace the"
                + " line \"*.node.*.cluster." + eck.eck().namespace() + ".es.local.account\""
                + " downloaded from the console with \"" + own + "\"");
      }
    }
  }

  /**
   * {@code transportCa: public} with certificates: the transport layer trusts only the CAs of
   * {@code xpack.security.transport.ssl.certificate_authorities} (ECK pins it to its own files, so
   * the JDK's public roots are never used and the handshake fails), and a public root there would
   * admit as a transport peer any node holding a certificate from that CA. Refused.
   */
  static void checkPublicTransportCa(Context c, SecurityModel security) {
    if (security != SecurityModel.CERTIFICATE) {
      return;
    }
    for (Cluster trusted : List.of(c.remote, c.local)) {
      if (trusted.transportCa() == null || !trusted.transportCa().isPublic()) {
        continue;
      }
      Cluster truster = trusted == c.local ? c.remote : c.local;
      c.report(
          ProblemCode.INVALID_VALUE,
          trusted == c.local ? "local" : "remote",
          "transportCa [public] of cluster [" + trusted.name() + "] cannot be used with security"
              + " [certificate]: [" + truster.name() + "] trusts on its transport layer only the"
              + " CAs listed in xpack.security.transport.ssl.certificate_authorities"
              + (truster.deployment() == Deployment.ECK
                  ? " (ECK sets it to its own CA files: the JDK's public roots are never used and"
                      + " the handshake fails)"
                  : "")
              + ", and a public root there would admit any node holding a certificate from that"
              + " CA as a transport peer; give the CA that signed the transport certificates of ["
              + trusted.name() + "] as transportCa");
    }
  }

  /**
   * An ECK cluster that gets an Elastic Cloud trust filter on this link and that other links
   * connect with certificates to ECK peers: Elasticsearch's restricted trust manager checks every
   * transport connection against the filter ({@code xpack.security.transport.ssl.trust_restrictions},
   * Elastic docs, security settings), so the filter must also admit the peers' nodes ({@code
   * *.node.<es>.<ns>.es.local}) or those links break. A warning; the plan and the render add them.
   *
   * @param peers per cluster name, its certificate links to ECK clusters (other than this one)
   */
  static void checkTrustFilterPeers(
      Context c, SecurityModel security, java.util.Map<String, List<PeerLink>> peers) {
    for (Cluster eck : cloudFiltered(c, security)) {
      Cluster other = eck == c.local ? c.remote : c.local;
      for (PeerLink p : peers.getOrDefault(eck.name(), List.of())) {
        if (p.index() == c.index) {
          continue;
        }
        String pattern =
            io.github.remoteclusters.core.EckNames.ownNodesPattern(
                p.peer().eck().name(), p.peer().eck().namespace());
        if (eck.trustRestrictions() != null
            && io.github.remoteclusters.core.EckNames.trustFilterAdmits(
                eck.trustRestrictions().subjectNames(), p.peer().eck().name(),
                p.peer().eck().namespace())) {
          continue;
        }
        c.report(
            ProblemCode.TRUST_RESTRICTIONS,
            eck == c.local ? "local" : "remote",
            "the trust filter of [" + eck.name() + "] (for [" + other.name() + "]) must also"
                + " list \"" + pattern + "\", the nodes of [" + p.peer().name() + "] that links["
                + p.index() + "] connects with certificates: Elasticsearch checks every transport"
                + " connection against the filter, so that link would break; the plan and the"
                + " render add the line");
      }
    }
  }

  /** The ECK clusters of a certificate link to Elastic Cloud: each gets the Cloud trust filter. */
  private static List<Cluster> cloudFiltered(Context c, SecurityModel security) {
    if (security != SecurityModel.CERTIFICATE) {
      return List.of();
    }
    List<Cluster> out = new java.util.ArrayList<>(1);
    for (Cluster eck : List.of(c.local, c.remote)) {
      Cluster other = eck == c.local ? c.remote : c.local;
      if (eck.deployment() == Deployment.ECK && other.deployment().isElasticCloud()) {
        out.add(eck);
      }
    }
    return out;
  }

  /** A certificate link of a cluster to an ECK peer. */
  record PeerLink(int index, Cluster peer) {}

  static void checkCloudAlias(Context c, SecurityModel security) {
    String alias = c.link.alias();
    if (c.local.deployment().isElasticCloud()
        && security == SecurityModel.API_KEY
        && !alias.toLowerCase(Locale.ROOT).equals(alias)) {
      c.report(
          ProblemCode.INVALID_ALIAS,
          "alias",
          "alias [" + alias + "] is invalid on " + c.local.deployment().id()
              + ": the remote cluster name of an API key must be lowercase and only contain"
              + " letters, numbers, dashes and underscores");
    }
  }
}
