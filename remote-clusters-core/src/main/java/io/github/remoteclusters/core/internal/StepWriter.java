package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.CaTrust;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.EckRef;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.ServiceExposure;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.EckResource;
import io.github.remoteclusters.core.plan.EckResourceStep;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.RemoteIndicesPrivileges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  /** What the ownership record says the link made, or null when this tool does not own it. */
  private LinkFootprint owned;

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

  private int index = -1;
  private Map<String, List<LinkChecks.PeerLink>> peers = Map.of();

  /**
   * The certificate links of the topology's clusters to ECK peers, which an ECK cluster's Cloud
   * trust filter must also admit.
   *
   * @param linkIndex the index of this writer's link
   * @param value per cluster name, its certificate links to ECK clusters
   * @return this writer
   */
  StepWriter certificatePeers(int linkIndex, Map<String, List<LinkChecks.PeerLink>> value) {
    this.index = linkIndex;
    this.peers = value;
    return this;
  }

  /**
   * An API-key link of an ECK local cluster outside one ECK environment: its credentials and
   * client settings are a change of the local {@code Elasticsearch} resource.
   *
   * @param index the link's index
   * @param alias its alias
   * @param remote its remote cluster
   */
  record RollMember(int index, String alias, Cluster remote) {}

  private List<RollMember> roll = List.of();

  /**
   * The API-key links of this link's ECK local cluster, in topology order: their changes of the
   * resource are grouped into the step of the last one, one rolling restart, as the render does.
   *
   * @param group the links, this one included
   * @return this writer
   */
  StepWriter roll(List<RollMember> group) {
    this.roll = group;
    return this;
  }

  private String alias() {
    return link.alias();
  }

  /**
   * Plans with what the ownership record says the link made: removal by the recorded key id and
   * role, a change of security model as a migration, an existing key updated by its id.
   *
   * @param footprint the record, or null
   * @return this writer
   */
  StepWriter owned(LinkFootprint footprint) {
    this.owned = footprint;
    return this;
  }

  /** The model the record says the link was made with when it differs from the plan's, or null. */
  private SecurityModel migratingFrom() {
    return owned != null && owned.security() != null && owned.security() != security
        ? owned.security() : null;
  }

  /** Whether the record holds the id of this link's key (same name): update it, do not create one. */
  private boolean keyRecorded() {
    return owned != null && owned.keyId() != null && keyName().equals(owned.keyName())
        && migratingFrom() == null;
  }

  private boolean sameEnvironment() {
    return local.sameEckEnvironment(remote);
  }

  /** The name of the cross-cluster API key a plan creates (and a removal invalidates). */
  String keyName() {
    return EckNames.ownApiKeyName(local.name(), alias());
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
          "declare alias [" + alias() + "] in spec.remoteClusters; the operator "
              + (apiKey ? "creates the cross-cluster API key on [" + remote.name()
                  + "], stores it in the keystore of [" + local.name() + "], " : "")
              + "exchanges the CAs and writes cluster.remote." + alias() + ".seeds"
              + (apiKey ? " (a rolling restart of [" + local.name() + "]: the key and the remote"
                  + " cluster client settings are static)" : ""));
    } else {
      SecurityModel from = migratingFrom();
      if (from != null) {
        migration(from);
      }
      remoteSide();
      if (apiKey && keyRecorded()) {
        trust();
        updateKey();
      } else if (apiKey && local.deployment().isElasticCloud() && !remoteCaPublic()) {
        // The console's wizard takes the API key before the CA: the key must exist first.
        createKey();
        cloudWizard();
      } else {
        trust();
        if (apiKey) {
          createKey();
          storeCredentials();
        }
      }
      if (from != null && apiKey) {
        roles(); // the guide: the local role exists before the alias switches to the key
        // the switch: the reload (which rebuilds the alias's connection with the key, still to
        // the transport address) and the settings write to the remote cluster server address,
        // with no other step between them
        reloadSecureSettings();
        putSettings();
      } else if (from == SecurityModel.API_KEY) {
        // back to certificates: the credentials leave the keystore (no effect before a reload),
        // then the switch, no other step between them: the reload (which rebuilds the
        // connection without the key) and the settings write to the transport address; what
        // else the key made goes once the link is verified
        removalSteps(owned, local, remote.name(), steps, Removal.CREDENTIALS);
        putSettings();
        roles();
        verify();
        removalSteps(owned, local, remote.name(), steps, Removal.AFTER_SWITCH);
        return steps;
      } else {
        putSettings();
        roles();
      }
      verify();
      if (createsKey) {
        invalidateOtherKeys();
      }
      return steps;
    }
    roles();
    verify();
    return steps;
  }

  private void migration(SecurityModel from) {
    List<String> lines = new ArrayList<>();
    if (apiKey) {
      lines.add("following Elasticsearch's \"Migrate from certificate to API key authentication\":"
          + " remote cluster server of [" + remote.name() + "] enabled, cross-cluster API key"
          + " created, credentials stored and reloaded on [" + local.name() + "], local role"
          + " created, then the reload and, as soon as it has dropped the old connection, one"
          + " settings write switch [" + alias() + "] to the remote cluster server address and"
          + " cluster_credentials is verified");
      lines.add("follow-up: the certificate-model roles on [" + remote.name() + "] that the users"
          + " of [" + local.name() + "] reached through [" + alias() + "] are no longer used by"
          + " this link; remove them when nothing else needs them");
    } else {
      lines.add("back to " + security.id() + ": the credentials are removed from the keystore,"
          + " then the reload and, as soon as it has dropped the old connection, one settings"
          + " write to the transport address switch [" + alias() + "]; once it is verified"
          + " connected the API key is invalidated and the local role deleted");
    }
    manual(new StepPayload.MigrateSecurityModel(alias(), from, security), local,
        "migrate [" + alias() + "] from " + from.id() + " to " + security.id(), lines);
  }

  private void updateKey() {
    request(
        new StepPayload.UpdateCrossClusterApiKey(alias(), owned.keyId(), access),
        remote,
        "give the cross-cluster API key of [" + alias() + "] (id " + owned.keyId() + ", from the"
            + " ownership record) the planned access; a key that is gone, invalidated or expired"
            + " is replaced through the rotation plan");
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
      ServiceExposure exposure = apiKey ? remote.remoteClusterService() : remote.transportService();
      if (exposure != null && exposure.type() != ServiceExposure.Type.LOAD_BALANCER) {
        int port = apiKey ? EckNames.REMOTE_CLUSTER_PORT : EckNames.TRANSPORT_PORT;
        manual(
            new StepPayload.ExposeService(alias(), service, apiKey, exposure.type()),
            remote,
            "expose service " + service + " outside its Kubernetes cluster through "
                + (exposure.type() == ServiceExposure.Type.INGRESS
                    ? "an Ingress" : "a NodePort Service")
                + "; its address must match cluster [" + remote.name() + "] "
                + (apiKey ? "remoteClusterAddress" : "transportAddress"),
            exposure.type() == ServiceExposure.Type.INGRESS
                ? List.of(
                    "route TCP to " + service + ":" + port + " with an Ingress (or Gateway)"
                        + " controller that supports TCP services"
                        + (exposure.port() == null ? "" : ", on port " + exposure.port()),
                    exposure.tlsTermination()
                        ? "it terminates TLS: peers trust its certificate's CA (remoteClusterCa),"
                            + " not ECK's, and send no ECK server_name"
                        : "pass TLS through: the nodes present ECK's certificates")
                : List.of(
                    "set spec." + (apiKey ? "remoteClusterServer" : "transport")
                        + ".service.spec.type: NodePort on " + es
                        + (exposure.port() == null ? "" : " (node port " + exposure.port() + ")")));
        return;
      }
      if (apiKey && eckBefore33(remote)) {
        // ECK 3.0 to 3.2 have no spec.remoteClusterServer.service (added in 3.3, ECK PR #8892):
        // their CRD rejects the field, so the docs' separate LoadBalancer Service it is.
        String lb = EckNames.remoteClusterLoadBalancer(es);
        manual(
            new StepPayload.ExposeService(alias(), service, apiKey),
            remote,
            "expose service " + service + " outside its Kubernetes cluster through a separate"
                + " LoadBalancer Service " + lb + " (ECK " + remote.eck().operatorVersion()
                + " has no spec.remoteClusterServer.service, added in 3.3); its address must match"
                + " cluster [" + remote.name() + "] remoteClusterAddress",
            List.of(
                "kubectl expose service " + service + " -n " + remote.eck().namespace()
                    + " --name=" + lb + " --type=LoadBalancer --port="
                    + EckNames.REMOTE_CLUSTER_PORT + " --target-port="
                    + EckNames.REMOTE_CLUSTER_PORT,
                "do not set spec.remoteClusterServer.service on " + es + ": the CRD of ECK "
                    + remote.eck().operatorVersion() + " rejects it"));
        return;
      }
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
                  "in elasticsearch.yml of every node: remote_cluster_server.enabled: true and"
                      + " remote_cluster.host: "
                      + (remote.remoteClusterHost() != null
                          ? remote.remoteClusterHost()
                          : "<an address the nodes of [" + local.name() + "] can reach>")
                      + " (it defaults to transport.host: bound to localhost, the server cannot"
                      + " be reached); remote_cluster.port defaults to 9443",
                  "give the server a certificate: xpack.security.remote_cluster_server.ssl.key and"
                      + " xpack.security.remote_cluster_server.ssl.certificate, or"
                      + " xpack.security.remote_cluster_server.ssl.keystore.path (PKCS#12) with its"
                      + " password in the keystore: bin/elasticsearch-keystore add"
                      + " xpack.security.remote_cluster_server.ssl.keystore.secure_password",
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
    if (!apiKey && remote.deployment().isElasticCloud()) {
      // The docs establish trust in the Cloud deployment first (upload the peer's CA, Scope ID,
      // create trust, download its CA and trust.yml): the peer's step uses what it produces.
      trustOn(remote, local);
      trustOn(local, remote);
      return;
    }
    if (!apiKey || !remoteCaPublic()) {
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
        truster,
        "make [" + truster.name() + "] trust the CA of [" + trusted.name() + "] for "
            + (apiKey ? "its remote cluster client (API keys)" : "the transport layer (certificates)"),
        lines);
  }

  private List<String> trustLines(Cluster truster, Cluster trusted) {
    CaTrust stated = apiKey ? trusted.remoteClusterCa() : trusted.transportCa();
    String file =
        stated instanceof CaTrust.PemFile
            ? ((CaTrust.PemFile) stated).path().getFileName().toString()
            : trusted.name() + "-ca.crt";
    List<String> instructions = trustInstructions(truster, trusted, file);
    String[] lines = new String[instructions.size() + 1];
    lines[0] = stated instanceof CaTrust.PemFile
        ? "use " + file + " (the topology's " + (apiKey ? "remoteClusterCa" : "transportCa")
            + " of [" + trusted.name() + "]): " + caSource(trusted)
        : "get " + caSource(trusted) + " into file " + file;
    for (int i = 0; i < instructions.size(); i++) {
      lines[i + 1] = instructions.get(i);
    }
    return List.of(lines);
  }

  private String caSource(Cluster c) {
    switch (c.deployment()) {
      case ECK:
        if (c.tlsTerminatedInFront(apiKey)) {
          return "the CA of the load balancer or Ingress that terminates TLS in front of "
              + (apiKey ? EckNames.remoteClusterService(c.eck().name())
                  : EckNames.transportService(c.eck().name()))
              + " (not ECK's CA: its certificate is the one peers see)";
        }
        String certs = EckNames.transportCertsPublic(c.eck().name());
        return "the ca.crt of Secret " + certs + " in namespace "
            + c.eck().namespace() + "; ECK rotates this CA after one year by default (operator"
            + " flag --ca-cert-validity): copy it again after every rotation, or the link breaks"
            + " without warning (kubectl get secret " + certs + " -n " + c.eck().namespace()
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
          // STORE_CREDENTIALS mounts it and lists it, in the one manifest change of the link
          return List.of(
              "kubectl create configmap " + map + " -n " + ns + " --from-file=" + key + "=" + file
                  + " (if the ConfigMap exists, add the key " + key + " to it instead)",
              "do not change the Elasticsearch resource yet: STORE_CREDENTIALS mounts the"
                  + " ConfigMap and lists \"" + EckNames.remoteCaPath(alias()) + "\" in the same"
                  + " manifest change as the key, so the nodes roll once");
        }
        String certs = EckNames.transportCaConfigMap(truster.eck().name());
        if (trusted.deployment().isElasticCloud()) {
          return cloudTransportTrust(truster, file, certs);
        }
        return List.of(
            "kubectl create configmap " + certs + " -n " + ns + " --from-file=ca.crt=" + file
                + " (append to ca.crt if the ConfigMap already holds other CAs)",
            "set spec.transport.tls.certificateAuthorities.configMapName: " + certs + " on "
                + truster.eck().name() + " (ECK adds it to the transport trust of the nodes, whose CA"
                + " files are reloaded: no restart)");
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
        if (!apiKey && trusted.deployment() == Deployment.ECK) {
          lines.add("when asked whether trust from the other environment is set up: No; download"
              + " the deployment's CA certificate and trust.yml, for the trust step of ["
              + trusted.name() + "]");
        }
        return lines;
    }
  }

  /** Whether this plan creates the link's key (then other active keys of its name go). */
  private boolean createsKey;

  /**
   * After verification, the other active keys of the link's name: a run killed while its create
   * was in flight left one that no record names and no keystore holds.
   */
  private void invalidateOtherKeys() {
    StepPayload.InvalidateOtherApiKeys other =
        new StepPayload.InvalidateOtherApiKeys(alias(), keyName());
    request(other, remote, "invalidate every other active cross-cluster API key named "
        + keyName() + " (GET " + other.lookupPath() + " lists them; the key [" + alias()
        + "] uses, recorded in the ownership file, stays): a create still in flight when an"
        + " earlier run was killed leaves one that nothing holds");
  }

  private void createKey() {
    createsKey = true;
    request(
        new StepPayload.CreateCrossClusterApiKey(
            alias(), keyName(), local.name(), access, link.expiration()),
        remote,
        text(CREATE_KEY_TEXT, null, k -> "create the cross-cluster API key of [" + k.alias()
            + "] (needs manage_security); keep the encoded value of the response for"
            + " STORE_CREDENTIALS, it is never written to a plan"));
  }

  private void storeCredentials() {
    String setting = EckNames.credentialsKey(alias());
    String secret = "<encoded value of API key " + keyName() + ">";
    List<String> lines;
    String description =
        "put the API key into the keystore of [" + local.name() + "] as " + setting;
    switch (local.deployment()) {
      case ECK:
        String name = EckNames.credentialsSecret(local.eck().name());
        if (roll.size() > 1) {
          RollMember last = roll.get(roll.size() - 1);
          String aliases = String.join(", ", roll.stream().map(RollMember::alias).toList());
          if (last.index() != index) {
            // grouped: the roll is in the step of the group's last link
            steps.add(new ManualStep(
                local.name(),
                "put the API key into Secret " + name + " of [" + local.name() + "] as " + setting
                    + "; no restart here: STORE_CREDENTIALS of links[" + last.index() + "] (alias ["
                    + last.alias() + "]) changes the Elasticsearch resource once for the aliases ["
                    + aliases + "]",
                new StepPayload.StoreCredentials(alias(), keyName(), true),
                List.of(
                    secretLine(name, setting, secret),
                    "do not change the Elasticsearch resource " + local.eck().name() + " yet:"
                        + " alias [" + alias() + "] connects after the one change of links["
                        + last.index() + "]"),
                false));
            reloadSecureSettings();
            return;
          }
          description += "; one change of the Elasticsearch resource for the API-key aliases ["
              + aliases + "] of [" + local.name() + "] (one rolling restart for all of them, as"
              + " the render does)";
        }
        lines = eckLocalManifest(name, setting, secret);
        break;
      case SELF_MANAGED:
        lines = List.of(
            "on every node: bin/elasticsearch-keystore add " + setting + " and paste " + secret,
            "nothing to add to elasticsearch.yml: xpack.security.remote_cluster_client.ssl.enabled"
                + " defaults to true (only a node that set it to false must set it back)");
        break;
      default:
        lines = List.of(
            "in the " + local.deployment().id() + " console of [" + local.name()
                + "]: Security > Remote Connections > Trust management > Connections using API"
                + " keys > Add API key (the CA is public: nothing to upload)",
            "remote cluster name: " + alias() + ", cross-cluster API key: " + secret);
        break;
    }
    manual(new StepPayload.StoreCredentials(alias(), keyName()), local, description, lines);
    if (migratingFrom() == null) {
      reloadSecureSettings(); // a migration reloads right before its settings write
    }
  }

  private void reloadSecureSettings() {
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
        text(PUT_TEXT, mode, k -> "connect alias [" + k.alias() + "] in " + k.flag() + " mode; every"
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
        manual(
            new StepPayload.Manual(alias()),
            local,
            "with certificates the users of [" + local.name() + "] reach [" + remote.name()
                + "] with their role names: their roles on [" + local.name() + "] must have the"
                + " same names as the roles on [" + remote.name() + "]",
            List.of(
                "on [" + local.name() + "] give the users roles with the same names as the roles"
                    + " created on [" + remote.name() + "] (for search their privileges on ["
                    + local.name() + "] can be empty; for replication: manage_ccr, and"
                    + " monitor, read, write, manage_follow_index on the follower indices)"));
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
    String description =
        text(VERIFY_TEXT, modeId(connection), k -> "check that alias [" + k.alias()
            + "] shows connected: true and mode: " + k.flag()
            + (k.apiKey() ? " and cluster_credentials: ::es_redacted::" : "")
            + " (a 200 from PUT _cluster/settings does not mean connected)");
    RollMember last = roll.isEmpty() ? null : roll.get(roll.size() - 1);
    if (last != null && last.index() != index) {
      description += "; once STORE_CREDENTIALS of links[" + last.index() + "] has changed the"
          + " Elasticsearch resource of [" + local.name() + "]";
    }
    request(new StepPayload.VerifyConnected(alias(), connection.mode(), apiKey), local, description);
  }

  // ------------------------------------------------------------ removing a link

  List<PlanStep> absent() {
    if (sameEnvironment()) {
      eck(
          new StepPayload.RemoveEckRemoteCluster(alias()),
          local,
          "remove alias [" + alias() + "] from spec.remoteClusters; the operator nulls its seeds,"
              + " invalidates the API key it made and deletes the CA copies"
              + (apiKey ? " (a rolling restart of [" + local.name() + "]: the key leaves its"
                  + " keystore)" : ""));
      return steps;
    }
    request(
        new StepPayload.RemoveRemoteSettings(alias()),
        local,
        "remove alias [" + alias() + "] by nulling every key of the alias in one request (nulling only"
            + " seeds fails while skip_unavailable or transport.* is set)");
    if (owned != null && owned.apiKey()) {
      removeApiKeyMaterial(owned);
    } else if (apiKey && (owned == null || owned.security() == null)) {
      // not recorded here: what a plan of this topology would have made, by name
      removeApiKeyMaterial(new LinkFootprint(local.name(), alias(), "", remote.name(), security,
          keyName(), null, LocalRoleNames.of(alias()), EckNames.credentialsKey(alias()), List.of(),
          true));
    }
    return steps;
  }

  /**
   * The removal of what an API-key link made, in order: invalidate the key (by the recorded id,
   * else by name), remove the credentials, reload the keystore, delete the local role.
   */
  private void removeApiKeyMaterial(LinkFootprint f) {
    removalSteps(f, local, remote.name(), steps);
  }

  /**
   * The removal steps of what an API-key link made, after its settings are gone.
   *
   * @param f the footprint
   * @param local the local cluster
   * @param remoteName the remote cluster's name, or null when the record does not say
   * @param steps where the steps go
   */
  static void removalSteps(LinkFootprint f, Cluster local, String remoteName, List<PlanStep> steps) {
    removalSteps(f, local, remoteName, steps, Removal.ALL);
  }

  /** Which removal steps: all of a removal, or a migration's two parts around its switch. */
  enum Removal {
    /** Invalidate the key, remove the credentials, reload, delete the role. */
    ALL,
    /** Remove the credentials and reload: the half of a switch back to certificates. */
    CREDENTIALS,
    /** Invalidate the key and delete the role: once the switch is verified. */
    AFTER_SWITCH
  }

  private static void removalSteps(LinkFootprint f, Cluster local, String remoteName,
      List<PlanStep> steps, Removal which) {
    String alias = f.alias();
    if (which != Removal.CREDENTIALS && remoteName != null
        && (f.keyId() != null || f.keyName() != null)) {
      StepPayload.InvalidateApiKeys invalidate = new StepPayload.InvalidateApiKeys(alias,
          f.keyName() == null ? "" : f.keyName(),
          f.keyId() == null ? List.of() : List.of(f.keyId()));
      steps.add(new ElasticsearchRequestStep(remoteName, "invalidate the cross-cluster API key of ["
          + alias + "] on [" + remoteName + "]" + (f.keyId() != null ? " (id " + f.keyId()
          + " from the ownership record)" : " (by its name " + f.keyName() + ")"), invalidate,
          false));
    }
    if (which == Removal.AFTER_SWITCH) {
      deleteRole(f, local, steps);
      return;
    }
    String setting = f.credentialsSetting() != null ? f.credentialsSetting()
        : EckNames.credentialsKey(alias);
    steps.add(new ManualStep(local.name(), "remove " + setting + " from the keystore of ["
        + local.name() + "]", new StepPayload.RemoveCredentials(alias),
        List.of(local.deployment() == Deployment.SELF_MANAGED
            ? "on every node: bin/elasticsearch-keystore remove " + setting
            : local.deployment() == Deployment.ECK
                ? "remove the key " + setting + " from Secret "
                    + EckNames.credentialsSecret(local.eck().name()) + " (when no other key is"
                    + " left, remove the Secret from spec.secureSettings and delete it)"
                : "in the console: Security > Remote connections > delete the API key of "
                    + alias),
        false));
    if (local.deployment() == Deployment.SELF_MANAGED) {
      steps.add(new ElasticsearchRequestStep(local.name(), "reload the keystore on every node so"
          + " that the removal of " + setting + " takes effect",
          new StepPayload.ReloadSecureSettings(alias), false));
    }
    if (which == Removal.ALL) {
      deleteRole(f, local, steps);
    }
  }

  private static void deleteRole(LinkFootprint f, Cluster local, List<PlanStep> steps) {
    if (f.localRole() != null) {
      steps.add(new ElasticsearchRequestStep(local.name(), "delete the local role "
          + f.localRole() + " that granted access through [" + f.alias() + "]",
          new StepPayload.DeleteLocalRole(f.alias(), f.localRole()), false));
    }
  }

  /**
   * The removal of an owned link that the topology no longer has, from its footprint alone.
   *
   * @param f the footprint
   * @param local the local cluster
   * @return the steps
   */
  static List<PlanStep> removalOf(LinkFootprint f, Cluster local) {
    List<PlanStep> out = new ArrayList<>();
    out.add(new ElasticsearchRequestStep(local.name(), "remove [" + f.alias() + "], which the"
        + " topology no longer has, by nulling every key of the alias in one request",
        new StepPayload.RemoveRemoteSettings(f.alias()), false));
    if (f.apiKey()) {
      removalSteps(f, local, f.remote(), out);
    }
    return out;
  }

  // ------------------------------------------------------------ step factories

  private void eck(StepPayload payload, Cluster target, String description) {
    EckRef ref = target.eck();
    steps.add(
        new EckResourceStep(
            target.name(),
            description,
            new EckResource("Elasticsearch", ref.name(), ref.namespace()),
            payload,
            restarts(payload, target)));
  }

  /** Whether a step restarts the nodes of its target: {@link Restarts}, the one home of it. */
  private boolean restarts(StepPayload payload, Cluster target) {
    boolean eckLocalManifest =
        target == local && local.deployment() == Deployment.ECK && !sameEnvironment();
    Cluster peer = target == local ? remote : local;
    return Restarts.restartsNodes(payload.action(), target, peer, apiKey, eckLocalManifest);
  }

  private void manual(StepPayload payload, Cluster target, String description, List<String> lines) {
    steps.add(
        new ManualStep(target.name(), description, payload, lines, restarts(payload, target)));
  }

  private void request(StepPayload payload, Cluster target, String description) {
    steps.add(
        new ElasticsearchRequestStep(
            target.name(), description, payload, restarts(payload, target)));
  }

  // ------------------------------------------------------------ the Elastic docs' special cases

  /** The topology states an ECK operator older than 3.3 for the cluster. */
  private static boolean eckBefore33(Cluster c) {
    return c.eck() != null
        && c.eck().operatorVersion() != null
        && !c.eck().operatorVersion().isAtLeast(3, 3);
  }

  /** The remote presents a publicly trusted certificate: the local cluster needs no CA. */
  private boolean remoteCaPublic() {
    return caPublic(remote);
  }

  private static boolean caPublic(Cluster remote) {
    CaTrust ca = remote.remoteClusterCa();
    return ca != null ? ca.isPublic() : remote.deployment() == Deployment.ECH;
  }

  /**
   * Elastic Cloud with an API key and a private CA: the console's wizard stores the key and the
   * CA in one go, key first (Add trusted environment > Self-managed > API keys > No, it is private).
   */
  private void cloudWizard() {
    String setting = EckNames.credentialsKey(alias());
    String secret = "<encoded value of API key " + keyName() + ">";
    List<String> trust = trustLines(local, remote);
    List<String> lines = new ArrayList<>();
    lines.add(trust.get(0));
    lines.add("in the " + local.deployment().id() + " console of [" + local.name()
        + "]: Security > Remote Connections > Add trusted environment > Self-managed > API keys;"
        + " is the CA of the remote's proxy or load-balancing infrastructure public? No, it is"
        + " private");
    lines.add("add the API key: remote cluster name " + alias() + " (lowercase letters, numbers,"
        + " dashes and underscores), cross-cluster API key " + secret + "; Add (it is stored as "
        + setting + ")");
    lines.add("add the CA certificate of the remote: the file of the first line");
    lines.add("name the environment and select Create trust");
    manual(
        new StepPayload.StoreCredentials(alias(), keyName()),
        local,
        "in the " + local.deployment().id() + " console of [" + local.name() + "], store the API"
            + " key as " + setting + " and trust the private CA of [" + remote.name() + "] in one"
            + " wizard, which takes the key before the CA",
        lines);
    reloadSecureSettings();
  }

  private String secretLine(String secretName, String setting, String secret) {
    return "kubectl create secret generic " + secretName + " -n " + local.eck().namespace()
        + " --from-literal=" + setting + "='" + secret + "' (if the Secret exists, add the key "
        + setting + " to it instead)";
  }

  /** An ECK local cluster's one manifest change: the key, the client settings and the CA. */
  private List<String> eckLocalManifest(String secretName, String setting, String secret) {
    String es = local.eck().name();
    List<String> lines = new ArrayList<>();
    lines.add(secretLine(secretName, setting, secret));
    lines.add("then change the Elasticsearch resource " + es + " once (one rolling restart):");
    lines.add("- add {secretName: " + secretName + "} to spec.secureSettings (once: the Secret"
        + " holds the credentials of every alias)");
    lines.add("- in every nodeSet config: xpack.security.remote_cluster_client.ssl.enabled: true");
    List<String> privateCas = new ArrayList<>();
    for (RollMember m : roll.isEmpty() ? List.of(new RollMember(index, alias(), remote)) : roll) {
      if (!caPublic(m.remote())) {
        privateCas.add("\"" + EckNames.remoteCaPath(m.alias()) + "\"");
      }
    }
    if (!privateCas.isEmpty()) {
      lines.add("- in every nodeSet config: add " + String.join(", ", privateCas) + " to"
          + " xpack.security.remote_cluster_client.ssl.certificate_authorities (ECK appends the"
          + " list to the CAs it sets itself), and mount ConfigMap "
          + EckNames.remoteCaConfigMap(es) + " at " + EckNames.REMOTE_CERTS_MOUNT
          + " in the podTemplate of every nodeSet");
    }
    if (local.fileBasedSecureSettings()) {
      lines.add("- if every secure setting of " + es + " is reloadable (remote-cluster keys are),"
          + " the annotation " + EckNames.FILE_BASED_SECURE_SETTINGS + ": \"true\": ECK 3.5"
          + " then delivers secure settings as file-based settings, so a new or rotated key"
          + " needs no restart");
    } else {
      lines.add("ECK restarts the nodes to load the keystore; every later key change restarts"
          + " them again (ECK issue #8922), unless Elasticsearch 9.5+ on ECK 3.5+ uses"
          + " file-based secure settings");
    }
    return lines;
  }

  /** An ECK cluster trusting an Elastic Cloud deployment's transport: CA and trust filter. */
  private List<String> cloudTransportTrust(Cluster truster, String file, String certs) {
    String es = truster.eck().name();
    String ns = truster.eck().namespace();
    String own = EckNames.ownNodesPattern(es, ns);
    String map = EckNames.trustRestrictionsConfigMap(es);
    List<String> lines = new ArrayList<>();
    lines.add("kubectl create configmap " + certs + " -n " + ns + " --from-file=ca.crt=" + file
        + " (append to ca.crt if the ConfigMap already holds other CAs), and set"
        + " spec.transport.tls.certificateAuthorities.configMapName: " + certs + " on " + es);
    lines.add(truster.trustRestrictions() != null
        ? "the trust filter is the topology's trustRestrictions of [" + truster.name() + "]; it"
            + " must hold \"" + own + "\" for ECK's own nodes"
        : "download trust.yml from the Security page of the deployment and replace its line"
            + " \"*.node.*.cluster." + ns + ".es.local.account\" with \"" + own + "\" (else ECK's"
            + " nodes fail the trust check)");
    List<String> extra = new ArrayList<>();
    for (LinkChecks.PeerLink p : peers.getOrDefault(truster.name(), List.of())) {
      EckRef peer = p.peer().eck();
      if (p.index() != index && (truster.trustRestrictions() == null
          || !EckNames.trustFilterAdmits(
              truster.trustRestrictions().subjectNames(), peer.name(), peer.namespace()))) {
        extra.add("\"" + EckNames.ownNodesPattern(peer.name(), peer.namespace()) + "\" (["
            + p.peer().name() + "], links[" + p.index() + "])");
      }
    }
    if (!extra.isEmpty()) {
      lines.add("add to trust.yml the nodes of the clusters [" + truster.name() + "] also"
          + " connects with certificates, or those links break (the filter checks every transport"
          + " connection): " + String.join(", ", extra));
    }
    lines.add("kubectl create configmap " + map + " -n " + ns + " --from-file="
        + EckNames.TRUST_YML + "=trust.yml");
    lines.add("in every nodeSet config: " + EckNames.TRUST_RESTRICTIONS_PATH + ": "
        + EckNames.trustYmlPath() + ", and mount ConfigMap " + map + " at "
        + EckNames.TRUST_FILTER_MOUNT + " in the podTemplate of every nodeSet (a rolling"
        + " restart); without the filter the exposed transport accepts any node certificate"
        + " the deployment's CA signed");
    return lines;
  }
}
