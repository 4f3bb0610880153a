package io.github.remoteclusters.core;

/**
 * The one home of the names, ports and paths of ECK: the Services, Secrets and ConfigMaps ECK
 * makes and the ones this project asks a user (or its Kubernetes adapter) to make, so that the
 * planner's instructions, the Kubernetes renderer and the reconciler name the same things.
 *
 * <p>{@code es} is always the name of an {@code Elasticsearch} resource; {@link EckRef} delegates
 * here.
 *
 * @since 0.1.0
 */
public final class EckNames {

  /** The transport port of ECK's nodes. */
  public static final int TRANSPORT_PORT = 9300;

  /** The remote cluster server port of ECK's nodes. */
  public static final int REMOTE_CLUSTER_PORT = 9443;

  /** The port Elastic Cloud proxies take certificate-model connections on. */
  public static final int CLOUD_TRANSPORT_PORT = 9400;

  /** The key of a certificate authority in ECK's Secrets and our ConfigMaps. */
  public static final String CA_CRT = "ca.crt";

  /** The configuration directory of an ECK node. */
  public static final String CONFIG_DIR = "/usr/share/elasticsearch/config";

  /** ECK's own transport CA, first of the CA lists ECK writes into the node configuration. */
  public static final String ECK_TRANSPORT_CA = CONFIG_DIR + "/transport-certs/" + CA_CRT;

  /** The CAs ECK copies from the clusters of its environment (or its own CA when there are none). */
  public static final String ECK_TRANSPORT_REMOTE_CA =
      CONFIG_DIR + "/transport-remote-certs/" + CA_CRT;

  /** Where our ConfigMap of remote cluster server CAs is mounted. */
  public static final String REMOTE_CERTS_MOUNT = CONFIG_DIR + "/remote-certs";

  private EckNames() {}

  /** {@return {@code <es>-es-transport}} @param es the Elasticsearch name */
  public static String transportService(String es) {
    return es + "-es-transport";
  }

  /** {@return {@code <es>-es-remote-cluster}} @param es the Elasticsearch name */
  public static String remoteClusterService(String es) {
    return es + "-es-remote-cluster";
  }

  /**
   * {@return the LoadBalancer Service for ECK before 3.3, {@code <es>-es-remote-cluster-lb}, as in
   * the documentation's {@code kubectl expose} step}
   *
   * @param es the Elasticsearch name
   */
  public static String remoteClusterLoadBalancer(String es) {
    return es + "-es-remote-cluster-lb";
  }

  /** {@return {@code <es>-es-transport-certs-public}, ECK's Secret with the transport CA} @param es the name */
  public static String transportCertsPublic(String es) {
    return es + "-es-transport-certs-public";
  }

  /** {@return ECK's aggregated CA bundle {@code <es>-es-remote-ca}} @param es the name */
  public static String eckRemoteCa(String es) {
    return es + "-es-remote-ca";
  }

  /** {@return ECK's API key store {@code <es>-es-remote-api-keys}} @param es the name */
  public static String eckRemoteApiKeys(String es) {
    return es + "-es-remote-api-keys";
  }

  /**
   * {@return our Secret with one {@code cluster.remote.<alias>.credentials} key per alias, {@code
   * <es>-remote-credentials}, listed once in {@code spec.secureSettings}; like ECK's own {@code
   * <es>-es-remote-api-keys} (which ECK rewrites, so we do not use it), one Secret per cluster}
   *
   * @param es the Elasticsearch name
   */
  public static String credentialsSecret(String es) {
    return es + "-remote-credentials";
  }

  /**
   * {@return our ConfigMap with the remote cluster servers' CAs, one key per alias, {@code
   * <es>-remote-ca}; not ECK's {@code <es>-es-remote-ca}}
   *
   * @param es the Elasticsearch name
   */
  public static String remoteCaConfigMap(String es) {
    return es + "-remote-ca";
  }

  /**
   * {@return our ConfigMap of extra transport CAs for {@code
   * spec.transport.tls.certificateAuthorities}, {@code <es>-transport-cas}}
   *
   * @param es the Elasticsearch name
   */
  public static String transportCaConfigMap(String es) {
    return es + "-transport-cas";
  }

  /** {@return the key of an alias's CA in the remote CA ConfigMap} @param alias the alias */
  public static String remoteCaKey(String alias) {
    return alias + "-ca.crt";
  }

  /** {@return where a node finds an alias's remote cluster server CA} @param alias the alias */
  public static String remoteCaPath(String alias) {
    return REMOTE_CERTS_MOUNT + "/" + remoteCaKey(alias);
  }

  /**
   * The prefix of every remote cluster setting, node-level ({@code
   * cluster.remote.initial_connect_timeout}) and per alias ({@code cluster.remote.<alias>.mode}).
   */
  public static final String REMOTE_SETTING_PREFIX = "cluster.remote.";

  /**
   * The prefix of the names of the cross-cluster API keys this project creates, {@code
   * remote-clusters-}; a key's full name is {@link #ownApiKeyName(String, String)}.
   */
  public static final String OWN_API_KEY_PREFIX = "remote-clusters-";

  /** {@return {@code cluster.remote.<alias>.}, the prefix of every setting of an alias} @param alias the alias */
  public static String remoteSettingPrefix(String alias) {
    return REMOTE_SETTING_PREFIX + alias + ".";
  }

  /**
   * {@return {@code cluster.remote.<alias>.<key>}}
   *
   * @param alias the alias
   * @param key the key within the alias, such as {@code mode} or {@code transport.compress}
   */
  public static String remoteSetting(String alias, String key) {
    return remoteSettingPrefix(alias) + key;
  }

  /** {@return {@code cluster.remote.<alias>.credentials}} @param alias the alias */
  public static String credentialsKey(String alias) {
    return remoteSetting(alias, "credentials");
  }

  /** The longest name Elasticsearch gives an API key ({@code api key name may not be more than 256 characters long}). */
  public static final int MAX_API_KEY_NAME = 256;

  /**
   * {@return ECK's cross-cluster API key name {@code eck-<ns>-<name>-<alias>}}
   *
   * @param namespace the local cluster's namespace
   * @param name the local cluster's name
   * @param alias the alias
   */
  public static String apiKeyName(String namespace, String name, String alias) {
    return "eck-" + namespace + "-" + name + "-" + alias;
  }

  /**
   * {@return the name of the cross-cluster API key this project creates for a link, {@code
   * remote-clusters-<local>-<alias>}}
   *
   * @param local the local cluster's name
   * @param alias the alias
   */
  public static String ownApiKeyName(String local, String alias) {
    return OWN_API_KEY_PREFIX + local + "-" + alias;
  }

  /** {@return {@code <es>-es-transport.<ns>.svc}} @param es name @param ns namespace */
  public static String transportHost(String es, String ns) {
    return transportService(es) + "." + ns + ".svc";
  }

  /** {@return {@code <es>-es-remote-cluster.<ns>.svc}} @param es name @param ns namespace */
  public static String remoteClusterHost(String es, String ns) {
    return remoteClusterService(es) + "." + ns + ".svc";
  }

  /** Where the docs mount the transport trust filter ({@code trust.yml}). */
  public static final String TRUST_FILTER_MOUNT = CONFIG_DIR + "/trust-filter";

  /** Key of the trust filter file in its ConfigMap. */
  public static final String TRUST_YML = "trust.yml";

  /** The transport setting naming the trust filter file. */
  public static final String TRUST_RESTRICTIONS_PATH =
      "xpack.security.transport.ssl.trust_restrictions.path";

  /**
   * ECK's opt-in annotation ({@code FileBasedSecureSettingsAnnotation}, ECK 3.5, PR #9458): with
   * Elasticsearch 9.5 or later, {@code spec.secureSettings} reach the nodes as {@code
   * cluster_secrets} of file-based settings and are reloaded without a restart.
   */
  public static final String FILE_BASED_SECURE_SETTINGS =
      "eck.k8s.elastic.co/file-based-secure-settings";

  /** {@return the trust filter file's path in the container} */
  public static String trustYmlPath() {
    return TRUST_FILTER_MOUNT + "/" + TRUST_YML;
  }

  /** {@return our ConfigMap holding {@code trust.yml}, {@code <es>-trust-restrictions}} @param es the Elasticsearch name */
  public static String trustRestrictionsConfigMap(String es) {
    return es + "-trust-restrictions";
  }

  /** {@return our {@code StackConfigPolicy} with the connection settings, {@code <es>-remote-clusters}} @param es the Elasticsearch name */
  public static String stackConfigPolicy(String es) {
    return es + "-remote-clusters";
  }

  /** {@return the trust filter line of ECK's own nodes} @param es the Elasticsearch name @param ns its namespace */
  public static String ownNodesPattern(String es, String ns) {
    return "*.node." + es + "." + ns + ".es.local";
  }

  /**
   * Whether a transport trust filter admits the nodes of an ECK cluster: whether one of its
   * subject-name patterns matches the name ECK gives the nodes, {@code
   * <pod>.node.<es>.<ns>.es.local}. Elasticsearch matches the patterns of {@code
   * trust.subject_name} as wildcard patterns ({@code *} matches any characters, dots too;
   * {@code RestrictedTrustManager} with {@code Automatons}).
   *
   * @param patterns the {@code trust.subject_name} patterns
   * @param es the Elasticsearch resource's name
   * @param ns its namespace
   * @return true when a pattern admits the nodes
   */
  public static boolean trustFilterAdmits(java.util.List<String> patterns, String es, String ns) {
    String node = es + "-es-default-0.node." + es + "." + ns + ".es.local";
    for (String p : patterns) {
      StringBuilder regex = new StringBuilder();
      for (String part : p.split("\\*", -1)) {
        regex.append(regex.length() == 0 ? "" : ".*").append(java.util.regex.Pattern.quote(part));
      }
      if (node.matches(regex.toString())) {
        return true;
      }
    }
    return false;
  }
}
