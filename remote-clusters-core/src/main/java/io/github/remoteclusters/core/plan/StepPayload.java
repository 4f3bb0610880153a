package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.ServiceExposure;
import io.github.remoteclusters.core.TransportOptions;
import io.github.remoteclusters.core.internal.LocalRoleNames;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import java.util.List;
import java.util.Objects;

/**
 * What a plan step does, as an immutable value typed by intent: the contract between the planner
 * and every executor.
 *
 * <p>An executor (the Elasticsearch applier, the Kubernetes adapter, a formatter) dispatches on the
 * kind of payload and reads its components; it never parses a request body or a resource name to
 * find an alias. {@link StepEncoder} turns a payload into its Elasticsearch request or ECK patch.
 * Every payload names the alias of the link it belongs to. On JDK 17, dispatch with an {@code
 * instanceof} chain that ends in {@code throw new IllegalStateException}.
 *
 * @since 0.1.0
 */
public sealed interface StepPayload
    permits StepPayload.PutRemoteSettings,
        StepPayload.RemoveRemoteSettings,
        StepPayload.CreateCrossClusterApiKey,
        StepPayload.UpdateCrossClusterApiKey,
        StepPayload.InvalidateApiKeys,
        StepPayload.InvalidateOtherApiKeys,
        StepPayload.StoreCredentials,
        StepPayload.ReloadSecureSettings,
        StepPayload.CreateLocalRole,
        StepPayload.VerifyConnected,
        StepPayload.TrustCa,
        StepPayload.EnableRemoteClusterServer,
        StepPayload.ExposeService,
        StepPayload.DeclareEckRemoteCluster,
        StepPayload.RemoveEckRemoteCluster,
        StepPayload.RemoveCredentials,
        StepPayload.DeleteLocalRole,
        StepPayload.MigrateSecurityModel,
        StepPayload.Manual {

  /**
   * The alias of the link the step belongs to.
   *
   * @return the alias
   */
  String alias();

  /**
   * The action word of plan output for this payload.
   *
   * @return the action
   */
  StepAction action();

  /**
   * {@code PUT /_cluster/settings} with every {@code cluster.remote.<alias>.*} key: the ones the
   * link sets, the others nulled so that a mode switch leaves nothing behind.
   *
   * @param alias the alias
   * @param connection how to connect
   * @param skipUnavailable {@code skip_unavailable} as the user set it, or null to leave it unset
   * @param transport the {@code transport.*} options
   */
  record PutRemoteSettings(
      String alias, Connection connection, Boolean skipUnavailable, TransportOptions transport)
      implements StepPayload {
    /** Checks the required components. */
    public PutRemoteSettings {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(transport, "transport");
    }

    /** {@return the connection mode} */
    public Mode mode() {
      return connection instanceof Connection.Proxy ? Mode.PROXY : Mode.SNIFF;
    }

    @Override
    public StepAction action() {
      return StepAction.PUT_REMOTE_SETTINGS;
    }
  }

  /**
   * {@code PUT /_cluster/settings} nulling every key of the alias in one request.
   *
   * @param alias the alias to remove
   */
  record RemoveRemoteSettings(String alias) implements StepPayload {
    /** Checks the alias. */
    public RemoveRemoteSettings {
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public StepAction action() {
      return StepAction.REMOVE_REMOTE_SETTINGS;
    }
  }

  /**
   * {@code POST /_security/cross_cluster/api_key} on the remote cluster.
   *
   * @param alias the alias
   * @param keyName the key's name, unique per local cluster and alias
   * @param localCluster the local cluster's name, written into the key's metadata
   * @param access the key's {@code access}
   * @param expiration the key's {@code expiration}, an Elasticsearch time value such as {@code
   *     30d}, or null for a key that never expires
   */
  record CreateCrossClusterApiKey(
      String alias, String keyName, String localCluster, CrossClusterAccess access,
      String expiration)
      implements StepPayload {
    /** Checks that no required component is null. */
    public CreateCrossClusterApiKey {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(keyName, "keyName");
      Objects.requireNonNull(localCluster, "localCluster");
      Objects.requireNonNull(access, "access");
    }

    /**
     * A key that never expires.
     *
     * @param alias the alias
     * @param keyName the key's name
     * @param localCluster the local cluster's name
     * @param access the key's {@code access}
     */
    public CreateCrossClusterApiKey(
        String alias, String keyName, String localCluster, CrossClusterAccess access) {
      this(alias, keyName, localCluster, access, null);
    }

    @Override
    public StepAction action() {
      return StepAction.CREATE_CROSS_CLUSTER_API_KEY;
    }
  }

  /**
   * {@code PUT /_security/cross_cluster/api_key/<id>}: give the link's existing key, known by the
   * id its ownership record holds, the planned access. The applier first looks the key up by id;
   * one that is gone, invalidated or expired is replaced through the rotation plan.
   *
   * @param alias the alias
   * @param id the key's id
   * @param access the new {@code access}
   */
  record UpdateCrossClusterApiKey(String alias, String id, CrossClusterAccess access)
      implements StepPayload {
    /** Checks that no component is null. */
    public UpdateCrossClusterApiKey {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(access, "access");
    }

    @Override
    public StepAction action() {
      return StepAction.UPDATE_CROSS_CLUSTER_API_KEY;
    }
  }

  /**
   * {@code DELETE /_security/api_key}: invalidate the keys of a link, by name in a plan, by id when
   * the reconciler has found them.
   *
   * @param alias the alias
   * @param keyName the keys' name
   * @param ids the ids, or empty to name the keys by {@code keyName}
   */
  record InvalidateApiKeys(String alias, String keyName, List<String> ids) implements StepPayload {
    /** Checks the components and copies the ids. */
    public InvalidateApiKeys {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(keyName, "keyName");
      ids = List.copyOf(ids);
    }

    @Override
    public StepAction action() {
      return StepAction.INVALIDATE_API_KEY;
    }
  }

  /**
   * {@code DELETE /_security/api_key} of every active cross-cluster API key named {@code keyName}
   * other than the one the link uses (its id as the ownership record holds it once the key
   * exists): the keys {@code GET /_security/api_key?name=<keyName>&active_only=true} lists, but
   * that one. Planned after the verification of a link whose key this plan creates, so that a key
   * whose create was still in flight when an earlier run was killed (its id recorded nowhere, its
   * secret stored nowhere) does not stay active. Nothing is sent when no other key is found, or
   * when the key in use is not known.
   *
   * @param alias the alias
   * @param keyName the keys' name, {@code remote-clusters-<local>-<alias>}
   * @since 0.1.0
   */
  record InvalidateOtherApiKeys(String alias, String keyName) implements StepPayload {
    /** Checks that no component is null. */
    public InvalidateOtherApiKeys {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(keyName, "keyName");
    }

    /** {@return the read that lists the keys of the name, before the invalidation} */
    public String lookupPath() {
      return "/_security/api_key?name=" + java.net.URLEncoder.encode(keyName,
          java.nio.charset.StandardCharsets.UTF_8) + "&active_only=true";
    }

    @Override
    public StepAction action() {
      return StepAction.INVALIDATE_API_KEY;
    }
  }

  /**
   * Put the encoded key into the local keystore as {@code cluster.remote.<alias>.credentials}.
   *
   * @param alias the alias
   * @param keyName the name of the key whose encoded value is stored
   * @param deferred whether the change of the local ECK cluster's resource that makes the key
   *     take effect (a rolling restart) is left to another step of the same cluster, which carries
   *     the changes of several links in one roll; false when this step makes its own change
   */
  record StoreCredentials(String alias, String keyName, boolean deferred) implements StepPayload {
    /** Checks that no component is null. */
    public StoreCredentials {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(keyName, "keyName");
    }

    /**
     * A step that makes its own change.
     *
     * @param alias the alias
     * @param keyName the name of the key whose encoded value is stored
     */
    public StoreCredentials(String alias, String keyName) {
      this(alias, keyName, false);
    }

    /** {@return the secure setting, {@code cluster.remote.<alias>.credentials}} */
    public String setting() {
      return io.github.remoteclusters.core.EckNames.credentialsKey(alias);
    }

    @Override
    public StepAction action() {
      return StepAction.STORE_CREDENTIALS;
    }
  }

  /**
   * {@code POST /_nodes/reload_secure_settings} (or a restart where that is the only way).
   *
   * @param alias the alias whose credentials must take effect
   */
  record ReloadSecureSettings(String alias) implements StepPayload {
    /** Checks the alias. */
    public ReloadSecureSettings {
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public StepAction action() {
      return StepAction.RELOAD_SECURE_SETTINGS;
    }
  }

  /**
   * {@code PUT /_security/role/<name>}: the local role that grants access through the alias.
   *
   * @param alias the alias
   * @param role the role
   */
  record CreateLocalRole(String alias, LocalRole role) implements StepPayload {
    /** Checks that no component is null. */
    public CreateLocalRole {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(role, "role");
    }

    /**
     * The name of the local role a plan creates for an alias: executors that remove a link's role
     * name it by this.
     *
     * @param alias the alias
     * @return {@code remote-<alias>}
     */
    public static String roleName(String alias) {
      return LocalRoleNames.of(Objects.requireNonNull(alias, "alias"));
    }

    @Override
    public StepAction action() {
      return StepAction.CREATE_LOCAL_ROLE;
    }
  }

  /**
   * {@code GET /_remote/info} and check that the alias is connected.
   *
   * @param alias the alias
   * @param mode the mode it must show
   * @param apiKey whether it must show {@code cluster_credentials}
   */
  record VerifyConnected(String alias, Mode mode, boolean apiKey) implements StepPayload {
    /** Checks that no component is null. */
    public VerifyConnected {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(mode, "mode");
    }

    @Override
    public StepAction action() {
      return StepAction.VERIFY_CONNECTED;
    }
  }

  /**
   * Make the step's target trust the CA of another cluster.
   *
   * @param alias the alias
   * @param trusted the cluster whose CA is trusted
   * @param apiKey true for the remote cluster client (API keys), false for the transport layer
   */
  record TrustCa(String alias, String trusted, boolean apiKey) implements StepPayload {
    /** Checks that no component is null. */
    public TrustCa {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(trusted, "trusted");
    }

    @Override
    public StepAction action() {
      return StepAction.TRUST_CA;
    }
  }

  /**
   * Turn on the remote cluster server (port 9443) of the step's target.
   *
   * @param alias the alias of the link that needs it
   */
  record EnableRemoteClusterServer(String alias) implements StepPayload {
    /** Checks the alias. */
    public EnableRemoteClusterServer {
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public StepAction action() {
      return StepAction.ENABLE_REMOTE_CLUSTER_SERVER;
    }
  }

  /**
   * Make an ECK service of the step's target reachable from outside its Kubernetes cluster.
   *
   * @param alias the alias of the link that needs it
   * @param service the Service name
   * @param apiKey true for the remote cluster server service, false for the transport service
   * @param type how the Service is reached from outside: the type the topology states, {@code
   *     LOAD_BALANCER} when it states none
   */
  record ExposeService(String alias, String service, boolean apiKey, ServiceExposure.Type type)
      implements StepPayload {
    /** Checks that no component is null. */
    public ExposeService {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(type, "type");
    }

    /**
     * A Service exposed as a LoadBalancer.
     *
     * @param alias the alias of the link that needs it
     * @param service the Service name
     * @param apiKey true for the remote cluster server service, false for the transport service
     */
    public ExposeService(String alias, String service, boolean apiKey) {
      this(alias, service, apiKey, ServiceExposure.Type.LOAD_BALANCER);
    }

    @Override
    public StepAction action() {
      return StepAction.EXPOSE_SERVICE;
    }
  }

  /**
   * Declare the link in the local ECK resource's {@code spec.remoteClusters}.
   *
   * @param alias the alias (the entry's {@code name})
   * @param remote the remote's ECK resource
   * @param access the API key's access, or null for certificates
   */
  record DeclareEckRemoteCluster(String alias, EckResource remote, CrossClusterAccess access)
      implements StepPayload {
    /** Checks the required components. */
    public DeclareEckRemoteCluster {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(remote, "remote");
    }

    /** {@return whether the link uses a cross-cluster API key} */
    public boolean apiKey() {
      return access != null;
    }

    @Override
    public StepAction action() {
      return StepAction.PATCH_ECK_RESOURCE;
    }
  }

  /**
   * Remove the link's entry from the local ECK resource's {@code spec.remoteClusters}.
   *
   * @param alias the alias (the entry's {@code name})
   */
  record RemoveEckRemoteCluster(String alias) implements StepPayload {
    /** Checks the alias. */
    public RemoveEckRemoteCluster {
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public StepAction action() {
      return StepAction.PATCH_ECK_RESOURCE;
    }
  }

  /**
   * Remove {@code cluster.remote.<alias>.credentials} from the local cluster's keystore: through
   * the credential writer where one is configured, else by a person (a manual step).
   *
   * @param alias the alias
   */
  record RemoveCredentials(String alias) implements StepPayload {
    /** Checks the alias. */
    public RemoveCredentials {
      Objects.requireNonNull(alias, "alias");
    }

    /** {@return the secure setting, {@code cluster.remote.<alias>.credentials}} */
    public String setting() {
      return io.github.remoteclusters.core.EckNames.credentialsKey(alias);
    }

    @Override
    public StepAction action() {
      return StepAction.REMOVE_CREDENTIALS;
    }
  }

  /**
   * {@code DELETE /_security/role/<name>}: the local role a removed (or migrated) API-key link
   * made; a role that is gone already is not an error.
   *
   * @param alias the alias
   * @param role the role's name, as the ownership record holds it
   */
  record DeleteLocalRole(String alias, String role) implements StepPayload {
    /** Checks that no component is null. */
    public DeleteLocalRole {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(role, "role");
    }

    @Override
    public StepAction action() {
      return StepAction.DELETE_LOCAL_ROLE;
    }
  }

  /**
   * The link changes its security model: the steps after this one migrate it, following
   * Elasticsearch's guide "Migrate from certificate to API key authentication" (and back). Sends
   * nothing itself.
   *
   * @param alias the alias
   * @param from the model the ownership record says the link was made with
   * @param to the model of the topology
   */
  record MigrateSecurityModel(String alias, SecurityModel from, SecurityModel to)
      implements StepPayload {
    /** Checks that no component is null. */
    public MigrateSecurityModel {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public StepAction action() {
      return StepAction.MIGRATE_SECURITY_MODEL;
    }
  }

  /**
   * Anything else a person has to do; the step's instructions say what.
   *
   * @param alias the alias
   */
  record Manual(String alias) implements StepPayload {
    /** Checks the alias. */
    public Manual {
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public StepAction action() {
      return StepAction.MANUAL;
    }
  }
}
