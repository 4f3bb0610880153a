package io.github.remoteclusters.k8s;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import java.util.Objects;

/**
 * How the adapter renders and applies: its field manager, the ECK operator version, how it writes
 * and what material it has.
 *
 * <p>Experimental API.
 *
 * @param fieldManager the server-side apply field manager (and the value of {@code
 *     app.kubernetes.io/managed-by} on resources it owns is always {@code remote-clusters})
 * @param eckVersion the ECK operator version; from 3.3 the remote cluster server Service is
 *     exposed through {@code spec.remoteClusterServer.service}, before that through a separate
 *     {@code <es>-es-remote-cluster-lb} Service
 * @param applyMode how changes are written
 * @param materials API keys and CAs the topology does not hold
 * @param renderNodeSets the nodeSet names used when rendering without a live resource (applying
 *     always uses the live nodeSets)
 * @param renderSecretData whether {@link EckAdapter#render} writes real credentials into Secrets;
 *     false (the default) writes {@code ::redacted::} placeholders so output can be reviewed and
 *     committed
 * @since 0.1.0
 */
public record EckOptions(
    String fieldManager,
    EsVersion eckVersion,
    ApplyMode applyMode,
    LinkMaterials materials,
    List<String> renderNodeSets,
    boolean renderSecretData) {

  /** The default field manager. */
  public static final String DEFAULT_FIELD_MANAGER = "remote-clusters";

  /**
   * The oldest ECK operator the adapter renders for: 2.16, the first with API-key remote clusters
   * ({@code remoteClusters[].apiKey}).
   */
  public static final EsVersion MIN_ECK_VERSION = EsVersion.of(2, 16);

  /** The newest ECK major the adapter knows; a later major may change the resources. */
  public static final int MAX_ECK_MAJOR = 3;

  /** Checks the components and copies the list. */
  public EckOptions {
    Objects.requireNonNull(fieldManager, "fieldManager");
    Objects.requireNonNull(eckVersion, "eckVersion");
    Objects.requireNonNull(applyMode, "applyMode");
    Objects.requireNonNull(materials, "materials");
    renderNodeSets = List.copyOf(renderNodeSets);
    if (fieldManager.isBlank()) {
      throw new IllegalArgumentException("fieldManager must not be blank");
    }
    if (renderNodeSets.isEmpty()) {
      throw new IllegalArgumentException("renderNodeSets must name at least one nodeSet");
    }
    if (eckVersion.compareTo(MIN_ECK_VERSION) < 0 || eckVersion.major() > MAX_ECK_MAJOR) {
      throw new IllegalArgumentException(
          "ECK version ["
              + eckVersion
              + "] is not supported: expected an ECK operator version from "
              + MIN_ECK_VERSION
              + " (API-key remote clusters) to "
              + MAX_ECK_MAJOR
              + ".x");
    }
  }

  /**
   * The defaults: field manager {@code remote-clusters}, ECK 3.3, {@link ApplyMode#PATCH_OWNED}, no
   * material,
   * nodeSet {@code default}, placeholders for secrets.
   *
   * @return the options
   */
  public static EckOptions defaults() {
    return new EckOptions(
        DEFAULT_FIELD_MANAGER,
        EsVersion.of(3, 3, 0),
        ApplyMode.PATCH_OWNED,
        LinkMaterials.none(),
        List.of("default"),
        false);
  }

  /**
   * These options with another apply mode.
   *
   * @param value the mode
   * @return the new options
   */
  public EckOptions withApplyMode(ApplyMode value) {
    return new EckOptions(
        fieldManager, eckVersion, value, materials, renderNodeSets, renderSecretData);
  }

  /**
   * These options with other material.
   *
   * @param value the material
   * @return the new options
   */
  public EckOptions withMaterials(LinkMaterials value) {
    return new EckOptions(
        fieldManager, eckVersion, applyMode, value, renderNodeSets, renderSecretData);
  }

  /**
   * These options with another ECK operator version.
   *
   * @param value the version, such as {@code 3.2.0}
   * @return the new options
   */
  public EckOptions withEckVersion(EsVersion value) {
    return new EckOptions(
        fieldManager, value, applyMode, materials, renderNodeSets, renderSecretData);
  }

  /**
   * These options with another choice about secret data in rendered output.
   *
   * @param value true to render real credentials
   * @return the new options
   */
  public EckOptions withRenderSecretData(boolean value) {
    return new EckOptions(fieldManager, eckVersion, applyMode, materials, renderNodeSets, value);
  }
}
