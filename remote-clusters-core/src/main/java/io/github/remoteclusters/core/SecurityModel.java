package io.github.remoteclusters.core;

import java.util.Optional;

/**
 * How the local cluster authenticates to the remote one.
 *
 * @since 0.1.0
 */
public enum SecurityModel {
  /** Cross-cluster API key sent to the remote cluster server (port 9443); GA in 8.14. */
  API_KEY("api-key"),
  /** Mutual TLS on the transport port (9300, 9400 behind Elastic Cloud proxies); deprecated in 9.0. */
  CERTIFICATE("certificate"),
  /** Security disabled on both clusters: development only. */
  NONE("none");

  private final String id;

  SecurityModel(String id) {
    this.id = id;
  }

  /**
   * The name used in topology files and JSON output.
   *
   * @return {@code api-key}, {@code certificate} or {@code none}
   */
  public String id() {
    return id;
  }

  /**
   * The model with the given topology-file name.
   *
   * @param id the name
   * @return the model, or empty when there is none by that name
   */
  public static Optional<SecurityModel> fromId(String id) {
    java.util.Objects.requireNonNull(id, "id");
    for (SecurityModel m : values()) {
      if (m.id.equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
