package io.github.remoteclusters.k8s;

/**
 * A call to the Kubernetes API failed while applying; the message names the resource and the
 * step: {@code [Secret ns/name/create] failed: reason}.
 *
 * <p>Experimental API.
 *
 * @since 0.1.0
 */
public class K8sAdapterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String resource;
  private final String step;
  private final int httpStatus;

  /**
   * Creates the exception.
   *
   * @param resource {@code Kind namespace/name}
   * @param step what was being done, such as {@code patch}
   * @param httpStatus the HTTP status from the API server, or 0 when there was none
   * @param cause the underlying failure
   */
  public K8sAdapterException(String resource, String step, int httpStatus, Throwable cause) {
    super("[" + resource + "/" + step + "] failed: " + cause.getMessage(), cause);
    this.resource = resource;
    this.step = step;
    this.httpStatus = httpStatus;
  }

  /** {@return the resource, {@code Kind namespace/name}} */
  public String resource() {
    return resource;
  }

  /** {@return the step, such as {@code create}, {@code patch} or {@code delete}} */
  public String step() {
    return step;
  }

  /** {@return the HTTP status from the API server, or 0} */
  public int httpStatus() {
    return httpStatus;
  }
}
