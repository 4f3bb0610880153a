package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.EckNames;

/**
 * Names and paths (from the core's {@code EckNames}, their one home) of the ECK features the Elastic docs' scenarios use beyond remote clusters
 * proper: the transport trust filter ({@code trust.yml}), {@code StackConfigPolicy} cluster
 * settings and file-based secure settings. Facts from ECK's source (cloud-on-k8s, 2026-08).
 */
public final class EckFeatureNames {

  /** Where the docs mount the {@code trust.yml} ConfigMap. */
  public static final String TRUST_FILTER_MOUNT = EckNames.TRUST_FILTER_MOUNT;

  /** Key of the trust filter file in its ConfigMap. */
  public static final String TRUST_YML = EckNames.TRUST_YML;

  /** Name of the volume holding {@code trust.yml}. */
  public static final String TRUST_FILTER_VOLUME = "remote-clusters-trust-filter";

  /** The transport setting naming the trust filter file. */
  public static final String TRUST_RESTRICTIONS_PATH =
      EckNames.TRUST_RESTRICTIONS_PATH;

  /** API version of ECK's {@code StackConfigPolicy}. */
  public static final String SCP_API_VERSION = "stackconfigpolicy.k8s.elastic.co/v1alpha1";

  /** Kind of ECK's {@code StackConfigPolicy}. */
  public static final String SCP_KIND = "StackConfigPolicy";

  /**
   * ECK's opt-in annotation ({@code FileBasedSecureSettingsAnnotation}, ECK 3.5, PR #9458): with
   * Elasticsearch 9.5 or later, {@code spec.secureSettings} are delivered as {@code
   * cluster_secrets} of file-based settings, reloaded without a restart. Every secure setting of
   * the cluster must then be reloadable (remote-cluster API keys are).
   */
  public static final String FILE_BASED_SECURE_SETTINGS =
      EckNames.FILE_BASED_SECURE_SETTINGS;

  private EckFeatureNames() {}

  /** {@return the trust filter file's path in the container} */
  public static String trustYmlPath() {
    return EckNames.trustYmlPath();
  }

  /** {@return our ConfigMap holding {@code trust.yml}, {@code <es>-trust-restrictions}} @param es the Elasticsearch name */
  public static String trustRestrictionsConfigMap(String es) {
    return EckNames.trustRestrictionsConfigMap(es);
  }

  /** {@return our {@code StackConfigPolicy} with the connection settings, {@code <es>-remote-clusters}} @param es the Elasticsearch name */
  public static String stackConfigPolicy(String es) {
    return EckNames.stackConfigPolicy(es);
  }
}
