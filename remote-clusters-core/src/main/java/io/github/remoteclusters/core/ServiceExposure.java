package io.github.remoteclusters.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How an ECK cluster's Service (the remote cluster server's {@code <es>-es-remote-cluster} or the
 * transport's {@code <es>-es-transport}) is reached from outside Kubernetes.
 *
 * @param type how it is exposed
 * @param port the external port other clusters connect to, or null for the Service's own port
 *     (9443 or 9300)
 * @param tlsTermination whether a component in front of Elasticsearch (a load balancer, an
 *     Ingress controller) terminates TLS with its own certificate; then peers trust that
 *     component's CA (or nothing, when it is public) and the ECK CA and {@code <es>-es-*.svc}
 *     server names do not apply
 * @since 0.1.0
 */
public record ServiceExposure(Type type, Integer port, boolean tlsTermination) {

  /** Checks the components. */
  public ServiceExposure {
    Objects.requireNonNull(type, "type");
    if (port != null && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("port must be from 1 to 65535 but was " + port);
    }
  }

  /**
   * A Service exposed as a {@code LoadBalancer} on its own port, Elasticsearch presenting its
   * certificates.
   *
   * @return the exposure
   */
  public static ServiceExposure loadBalancer() {
    return new ServiceExposure(Type.LOAD_BALANCER, null, false);
  }

  /** How a Service is exposed. */
  public enum Type {
    /** {@code spec.type: LoadBalancer} (ECK 3.3+ through the Service template). */
    LOAD_BALANCER("LoadBalancer"),
    /** An Ingress (or Gateway) controller that routes TCP to the Service. */
    INGRESS("Ingress"),
    /** {@code spec.type: NodePort}. */
    NODE_PORT("NodePort");

    private final String id;

    Type(String id) {
      this.id = id;
    }

    /** {@return the word used in topology files, as Kubernetes spells it} */
    public String id() {
      return id;
    }

    /**
     * The type for a word of a topology file.
     *
     * @param id {@code LoadBalancer}, {@code Ingress} or {@code NodePort}
     * @return the type, or empty
     */
    public static Optional<Type> fromId(String id) {
      for (Type t : values()) {
        if (t.id.equals(id)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
