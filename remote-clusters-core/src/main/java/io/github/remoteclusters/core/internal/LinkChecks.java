package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.FeatureAvailability;
import io.github.remoteclusters.compat.FeatureStage;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
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

  static void checkVersions(Context c) {
    EsVersion l = c.local.version();
    EsVersion r = c.remote.version();
    boolean replicationOnly = c.link.wantsReplication() && !c.link.wantsSearch();
    CompatibilityVerdict search = Compatibility.search(l, r);
    if (!replicationOnly) {
      verdict(c, search);
    }
    if (c.link.wantsReplication()) {
      verdict(c, Compatibility.replication(l, r));
    }
    if (!search.wire().compatible() && search.wire().basis() != Basis.UNKNOWN) {
      c.report(ProblemCode.WIRE_INCOMPATIBLE, "remote", search.wire().reason());
    }
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
                      ? "the API-key security model"
                      : "remote clusters on ECK")
                  + " need an enterprise licence (or trial); check it (GET /_license) and set"
                  + " license: enterprise");
        }
      }
    }
    if (c.link.wantsReplication()) {
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
    if (security != SecurityModel.CERTIFICATE) {
      return;
    }
    for (Cluster eck : List.of(c.local, c.remote)) {
      Cluster other = eck == c.local ? c.remote : c.local;
      if (eck.deployment() != Deployment.ECK || !other.deployment().isElasticCloud()) {
        continue;
      }
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
      } else if (eck.trustRestrictions().subjectNames().stream()
          .noneMatch(p -> p.equals(own) || p.equals("*.node." + eck.eck().name() + ".*.es.local")
              || p.equals("*"))) {
        c.report(
            ProblemCode.TRUST_RESTRICTIONS,
            side,
            "trustRestrictions of [" + eck.name() + "] has no pattern for its own nodes (\"" + own
                + "\"): ECK's nodes would fail to join the cluster; the docs: replace the line"
                + " *.node.*.cluster.<namespace>.es.local.account downloaded from the console");
      }
    }
  }

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
