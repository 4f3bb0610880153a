package io.github.remoteclusters.elasticsearch.spi;

import java.util.Objects;

/**
 * The ownership record cannot be read or saved: its file is invalid or unreadable, or another run
 * holds its lock. The message names the file and the rule; the applier reports it as a failed
 * cluster (step {@code OWNERSHIP}), never as a thrown exception.
 *
 * @since 0.1.0
 */
public final class OwnershipException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure this is. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason the kind of failure
   * @param message the message, naming the file
   * @param cause the underlying exception, or null
   */
  public OwnershipException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return the kind of failure} */
  public Reason reason() {
    return reason;
  }

  /**
   * Kinds of ownership failures.
   *
   * @since 0.1.0
   */
  public enum Reason {
    /** The file holds something else than an ownership record: input that cannot be used. */
    INVALID,
    /** The file cannot be read or written (permissions, a directory in its place, a full disk). */
    IO,
    /** Another run held the lock for longer than the lock timeout, or the wait was interrupted. */
    LOCKED
  }
}
