package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.EckRef;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.EckResource;
import io.github.remoteclusters.core.plan.EckResourceStep;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.RemoteIndicesPrivileges;
import java.util.ArrayList;
import java.util.List;

/** Writes the steps of one link's plan, in order. Not API. */
final class StepWriter {

  private final Cluster local;
  private final Cluster remote;
  private final Link link;
  private final CrossClusterAccess access;
  private final SecurityModel security;
  private final Connection connection;
  private final boolean apiKey;
  private final StepCache cache;
  private final List<PlanStep> steps = new ArrayList<>(8);

  StepWriter(
      StepCache cache,
      Cluster local,
      Cluster remote,
      Link link,
      CrossClusterAccess access,
      SecurityModel security,
      Connection connection) {
    this.cache = cache;
    this.access = access;
    this.local = local;
    this.remote = remote;
    this.link = link;
    this.security = security;
    this.connection = connection;
    this.apiKey = security == SecurityModel.API_KEY;
  }

  private String alias() {
    return link.alias();
  }

  private boolean sameEnvironment() {
    return local.sameEckEnvironment(remote);
  }

  /** The name of the cross-cluster API key a plan creates (and a removal invalidates). */
  String keyName() {
    return "remote-clusters-" + local.name() + "-" + alias();
  }

  // ------------------------------------------------------------ adding a link

  List<PlanStep> present() {
    if (sameEnvironment()) {
      if (apiKey && !remote.remoteClusterServerEnabled()) {
        eck(
            new StepPayload.EnableRemoteClusterServer(alias()),
            remote,
            "enable the remote cluster server of [" + remote.name()
                + "] so that ECK can connect API-key links to it (rolling restart)");
      }
      EckRef ref = remote.eck();
      eck(
          new StepPayload.DeclareEckRemoteCluster(
              alias(), new EckResource("Elasticsearch", ref.name(), ref.namespace()),
              apiKey ? access : null),
          local,
          "declare [" + alias() + "] in spec.remoteClusters; the operator "
              + (apiKey ? "creates the cross-cluster API key on [" + remote.name()
                  + "], stores it in the keystore of [" + local.name() + "], " : "")
              + "exchanges the CAs and writes cluster.remote." + alias() + ".seeds");
    } else {
      remoteSide();
      trust();
      if (apiKey) {
        createKey();
        storeCredentials();
      }
      putSettings();
    }
    roles();
    verify();
    return steps;
  }

  private void remoteSide() {
    if (security == SecurityModel.NONE) {
      return;
    }
    if (remote.deployment() == Deployment.ECK) {
      if (apiKey && !remote.remoteClusterServerEnabled()) {
        eck(
            new StepPayload.EnableRemoteClusterServer(alias()),
            remote,
            "enable the remote cluster server of [" + remote.name() + "] (rolling restart)");
      }
      String es = remote.eck().name();
      String service =
          apiKey ? EckNames.remoteClusterService(es) : EckNames.transportService(es);
      eck(
          new StepPayload.ExposeService(alias(), service, apiKey),
          remote,
          "expose service " + service + " outside its Kubernetes cluster as a LoadBalancer"
              + (apiKey ? " (ECK 3.3+; with ECK 3.0 to 3.2 run: kubectl expose service " + service
                  + " -n " + remote.eck().namespace() + " --name="
                  + EckNames.remoteClusterLoadBalancer(es) + " --type=LoadBalancer --port="
                  + EckNames.REMOTE_CLUSTER_PORT + " --target-port="
                  + EckNames.REMOTE_CLUSTER_PORT + ")" : "")
              + "; its address must match cluster [" + remote.name() + "] "
              + (apiKey ? "remoteClusterAddress" : "transportAddress"));
    } else if (apiKey && !remote.remoteClusterServerEnabled()) {
      manual(
          new StepPayload.EnableRemoteClusterServer(alias()),
          remote,
          "enable the remote cluster server of [" + remote.name() + "] (port 9443)",
          remote.deployment() == Deployment.SELF_MANAGED
              ? List.of(
                  "in elasticsearch.yml of every node: remote_cluster_server.enabled: true",
                  "give the server a certificate: xpack.security.remote_cluster_server.ssl.key and"
                      + " xpack.security.remote_cluster_server.ssl.certificate (or .keystore.path)",
                  "open port 9443 (remote_cluster.port) to the nodes of [" + local.name() + "]",
                  "restart the nodes one at a time")
              : List.of(
                  "in the " + remote.deployment().id() + " console, enable the remote cluster"
                      + " server (API-key remote connections) of the deployment"));
    }
  }

  private void trust() {
    if (security == SecurityModel.NONE) {
      return;
    }
    if (!apiKey || remote.deployment() != Deployment.ECH) {
      trustOn(local, remote);
    }
    if (!apiKey) {
      trustOn(remote, local);
    }
  }

  /** Makes {@code truster} trust the CA of {@code trusted}. */
  private void trustOn(Cluster truster, Cluster trusted) {
    // Self-managed trusters get instructions that name neither themselves nor the alias.
    boolean shared = truster.deployment() == Deployment.SELF_MANAGED;
    StepCache.TrustKey key =
        new StepCache.TrustKey(trusted, apiKey, shared ? null : truster, shared ? null : alias());
    List<String> lines = StepCache.get(cache.trustLines, key, k -> trustLines(truster, trusted));
    manual(
        new StepPayload.TrustCa(alias(), trusted.name(), apiKey),
        truster.name(),
        "make [" + truster.name() + "] trust the CA of [" + trusted.name() + "] for "
            + (apiKey ? "its remote cluster client (API keys)" : "the transport layer (certificates)"),
        lines);
  }

  private List<String> trustLines(Cluster truster, Cluster trusted) {
    String file = trusted.name() + "-ca.crt";
    List<String> instructions = trustInstructions(truster, trusted, file);
    String[] lines = new String[instructions.size() + 1];
    lines[0] = "get " + caSource(trusted) + " into file " + file;
    for (int i = 0; i < instructions.size(); i++) {
      lines[i + 1] = instructions.get(i);
    }
    return List.of(lines);
  }

  private String caSource(Cluster c) {
    switch (c.deployment()) {
      case ECK:
        String certs = EckNames.transportCertsPublic(c.eck().name());
        return "the ca.crt of Secret " + certs + " in namespace "
            + c.eck().namespace() + " (kubectl get secret " + certs + " -n " + c.eck().namespace()
            + " -o jsonpath='{.data.ca\\.crt}' | base64 -d)";
      case ECE:
        return apiKey
            ? "the proxy root CA (Platform > Settings > TLS certificates > Proxy > Show certificate"
                + " chain > copy the root certificate)"
            : "the CA certificate of the deployment (Security page > CA certificates)";
      case ECH:
        return "the CA certificate of the deployment (Security page > CA certificates)";
      default:
        return apiKey
            ? "the CA that signed the certificates of xpack.security.remote_cluster_server.ssl on ["
                + c.name() + "]"
            : "the CA that signed the transport certificates (xpack.security.transport.ssl) of ["
                + c.name() + "]";
    }
  }

  private List<String> trustInstructions(Cluster truster, Cluster trusted, String file) {
    switch (truster.deployment()) {
      case ECK:
        String ns = truster.eck().namespace();
        if (apiKey) {
          String map = EckNames.remoteCaConfigMap(truster.eck().name());
          String key = EckNames.remoteCaKey(alias());
          return List.of(
              "kubectl create configmap " + map + " -n " + ns + " --from-file=" + key + "=" + file
                  + " (if the ConfigMap exists, add the key " + key + " to it instead)",
              "mount ConfigMap " + map + " at " + EckNames.REMOTE_CERTS_MOUNT
                  + " in the podTemplate of every nodeSet of " + truster.eck().name(),
              "in every nodeSet config: add \"" + EckNames.remoteCaPath(alias()) + "\" to"
                  + " xpack.security.remote_cluster_client.ssl.certificate_authorities; the list"
                  + " replaces the one ECK sets itself, so it must also hold ECK's CAs \""
                  + EckNames.ECK_TRANSPORT_CA + "\" and \"" + EckNames.ECK_TRANSPORT_REMOTE_CA
                  + "\" and the CAs of the other remote links of " + truster.eck().name());
        }
        String certs = EckNames.transportCaConfigMap(truster.eck().name());
        return List.of(
            "kubectl create configmap " + certs + " -n " + ns + " --from-file=ca.crt=" + file
                + " (append to ca.crt if the ConfigMap already holds other CAs)",
            "set spec.transport.tls.certificateAuthorities.configMapName: " + certs + " on "
                + truster.eck().name() + " (ECK adds it to the transport trust; rolling restart)");
      case SELF_MANAGED:
        return apiKey
            ? List.of(
                "copy " + file + " to the config directory of every node",
                "in elasticsearch.yml of every node: xpack.security.remote_cluster_client.ssl.enabled:"
                    + " true, and add \"" + file + "\" to"
                    + " xpack.security.remote_cluster_client.ssl.certificate_authorities (a list:"
                    + " keep the CAs of the other remote links)",
                "restart the nodes one at a time")
            : List.of(
                "copy " + file + " to the config directory of every node",
                "add it to xpack.security.transport.ssl.certificate_authorities in elasticsearch.yml",
                "restart the nodes one at a time");
      default:
        List<String> lines = new ArrayList<>();
        lines.add("in the " + truster.deployment().id() + " console of [" + truster.name()
            + "]: Security > Remote connections > Add trusted environment > Self-managed > "
            + (apiKey ? "API keys > the CA is private" : "Certificates"));
        lines.add("upload " + file);
        if (!apiKey && trusted.deployment() == Deployment.ECK) {
          lines.add("trust clusters whose Common Name follows the Elastic pattern, Scope ID "
              + trusted.eck().namespace() + ".es.local, all deployments");
        }
        lines.add("name the environment and create the trust");
        return lines;
    }
  }

  private void createKey() {
    request(
        new StepPayload.CreateCrossClusterApiKey(alias(), keyName(), local.name(), access),
        remote,
        text(CREATE_KEY_TEXT, null, k -> "create the cross-cluster API key of [" + k.alias()
            + "] (needs manage_security); keep the encoded value of the response for"
            + " STORE_CREDENTIALS, it is never written to a plan"));
  }

  private void storeCredentials() {
    String setting = EckNames.credentialsKey(alias());
    String secret = "<encoded value of API key " + keyName() + ">";
    List<String> lines;
    switch (local.deployment()) {
      case ECK:
        String name = EckNames.credentialsSecret(local.eck().name());
        lines = List.of(
            "kubectl create secret generic " + name + " -n " + local.eck().namespace()
                + " --from-literal=" + setting + "='" + secret + "' (if the Secret exists, add"
                + " the key " + setting + " to it instead)",
            "add {secretName: " + name + "} to spec.secureSettings of " + local.eck().name()
                + " (once: the Secret holds the credentials of every alias)",
            "in every nodeSet config: xpack.security.remote_cluster_client.ssl.enabled: true",
            "ECK restarts the nodes to load the new keystore entry");
        break;
      case SELF_MANAGED:
        lines = List.of(
            "on every node: bin/elasticsearch-keystore add " + setting + " and paste " + secret,
            "in elasticsearch.yml of every node: xpack.security.remote_cluster_client.ssl.enabled:"
                + " true (a restart is needed only if this line is new)");
        break;
      default:
        lines = List.of(
            "in the " + local.deployment().id() + " console of [" + local.name()
                + "]: Security > Remote connections > Add API key",
            "remote cluster name: " + alias() + ", cross-cluster API key: " + secret);
        break;
    }
    manual(
        new StepPayload.StoreCredentials(alias(), keyName()),
        local,
        "put the API key into the keystore of [" + local.name() + "] as " + setting,
        lines);
    if (local.deployment() == Deployment.SELF_MANAGED) {
      request(
          new StepPayload.ReloadSecureSettings(alias()),
          local,
          text(RELOAD_TEXT, null, k -> "reload the keystore on every node so that cluster.remote."
              + k.alias() + ".credentials takes effect without a restart"));
    } else if (local.deployment().isElasticCloud() && !local.version().isAtLeast(8, 14)) {
      manual(
          new StepPayload.ReloadSecureSettings(alias()),
          local,
          "restart the deployment: below 8.14 Elastic Cloud does not reload the keystore by itself",
          List.of("in the console of [" + local.name() + "]: restart Elasticsearch"));
    }
  }

  private void putSettings() {
    String mode = modeId(connection);
    request(
        new StepPayload.PutRemoteSettings(
            alias(), connection, link.skipUnavailable(), link.transport()),
        local,
        text(PUT_TEXT, mode, k -> "connect [" + k.alias() + "] in " + k.flag() + " mode; every"
            + " other key of the alias is nulled in the same request, so a mode switch leaves"
            + " nothing behind"));
  }

  /** {@link io.github.remoteclusters.core.Mode#id()} without building a new string each time. */
  private static String modeId(Connection connection) {
    return connection instanceof Connection.Proxy ? "proxy" : "sniff";
  }

  /** A description that depends only on the alias, {@code flag} and the security model. */
  private String text(int kind, String flag, java.util.function.Function<StepCache.TextKey, String> make) {
    return StepCache.get(cache.texts, new StepCache.TextKey(kind, alias(), flag, apiKey), make);
  }

  private static final int CREATE_KEY_TEXT = 0;
  private static final int RELOAD_TEXT = 1;
  private static final int PUT_TEXT = 2;
  private static final int VERIFY_TEXT = 3;

  private void roles() {
    if (!apiKey) {
      if (security == SecurityModel.CERTIFICATE) {
        manual(
            new StepPayload.Manual(alias()),
            remote,
            "with certificates [" + remote.name() + "] authorizes by role name: the roles of the"
                + " local users must also exist there",
            List.of(
                "on [" + remote.name() + "] create roles with the same names as the roles of the"
                    + " users of [" + local.name() + "]",
                "grant them read and read_cross_cluster (search) or read_ccr and monitor/read"
                    + " (replication) on the indices " + alias() + " should reach"));
      }
      return;
    }
    boolean replication = link.wantsReplication();
    LocalRole role =
        StepCache.get(
            cache.roles,
            cache.roleKey(alias(), access, replication),
            k -> localRole(replication));
    request(
        new StepPayload.CreateLocalRole(alias(), role),
        local,
        "create the local role that grants the users of [" + local.name() + "] access through ["
            + alias() + "]; assign it to them (the key's access caps what it can grant)");
  }

  /** The local role of an API-key link: the key's index patterns, through the alias. */
  private LocalRole localRole(boolean replication) {
    List<RemoteIndicesPrivileges> entries = new ArrayList<>(2);
    List<String> clusters = List.of(alias());
    for (var entry : access.search()) {
      entries.add(RemoteIndicesPrivileges.of(clusters, entry.names(), LocalRole.SEARCH_PRIVILEGES));
    }
    for (var entry : access.replication()) {
      entries.add(
          RemoteIndicesPrivileges.of(clusters, entry.names(), LocalRole.REPLICATION_PRIVILEGES));
    }
    return new LocalRole(
        LocalRoleNames.of(alias()), replication ? MANAGE_CCR : List.of(), entries, List.of());
  }

  private static final List<String> MANAGE_CCR = List.of("manage_ccr");

  private void verify() {
    request(
        new StepPayload.VerifyConnected(alias(), connection.mode(), apiKey),
        local,
        text(VERIFY_TEXT, modeId(connection), k -> "check that [" + k.alias()
            + "] shows connected: true and mode: " + k.flag()
            + (k.apiKey() ? " and cluster_credentials: ::es_redacted::" : "")
            + " (a 200 from PUT _cluster/settings does not mean connected)"));
  }

  // ------------------------------------------------------------ removing a link

  List<PlanStep> absent() {
    if (sameEnvironment()) {
      eck(
          new StepPayload.RemoveEckRemoteCluster(alias()),
          local,
          "remove [" + alias() + "] from spec.remoteClusters; the operator nulls its seeds,"
              + " invalidates the API key it made and deletes the CA copies");
      return steps;
    }
    request(
        new StepPayload.RemoveRemoteSettings(alias()),
        local,
        "remove [" + alias() + "] by nulling every key of the alias in one request (nulling only"
            + " seeds fails while skip_unavailable or transport.* is set)");
    if (apiKey) {
      String setting = EckNames.credentialsKey(alias());
      manual(
          new StepPayload.Manual(alias()),
          local,
          "remove the credentials of [" + alias() + "] from the keystore of [" + local.name() + "]",
          List.of(
              local.deployment() == Deployment.SELF_MANAGED
                  ? "on every node: bin/elasticsearch-keystore remove " + setting
                      + ", then POST /_nodes/reload_secure_settings"
                  : local.deployment() == Deployment.ECK
                      ? "remove the key " + setting + " from Secret "
                          + EckNames.credentialsSecret(local.eck().name()) + " (when no other"
                          + " key is left, remove the Secret from spec.secureSettings and delete"
                          + " it)"
                      : "in the console: Security > Remote connections > delete the API key of "
                          + alias()));
      request(
          new StepPayload.InvalidateApiKeys(alias(), keyName(), List.of()),
          remote,
          "invalidate the cross-cluster API key of [" + alias() + "]");
    }
    return steps;
  }

  // ------------------------------------------------------------ step factories

  private void eck(StepPayload payload, Cluster target, String description) {
    EckRef ref = target.eck();
    steps.add(
        new EckResourceStep(
            target.name(),
            description,
            new EckResource("Elasticsearch", ref.name(), ref.namespace()),
            payload));
  }

  private void manual(StepPayload payload, Cluster target, String description, List<String> lines) {
    manual(payload, target.name(), description, lines);
  }

  private void manual(StepPayload payload, String target, String description, List<String> lines) {
    steps.add(new ManualStep(target, description, payload, lines));
  }

  private void request(StepPayload payload, Cluster target, String description) {
    steps.add(new ElasticsearchRequestStep(target.name(), description, payload));
  }
}
