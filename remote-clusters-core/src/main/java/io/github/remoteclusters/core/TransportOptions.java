package io.github.remoteclusters.core;

/**
 * The per-link {@code cluster.remote.<alias>.transport.*} options; each is {@code null} when not
 * set, so that Elasticsearch's default applies.
 *
 * @param compress {@code true}, {@code false} or {@code indexing_data}, or null
 * @param compressionScheme {@code deflate} or {@code lz4}, or null
 * @param pingSchedule a time value such as {@code 30s} or {@code -1}, or null
 * @since 0.1.0
 */
public record TransportOptions(String compress, String compressionScheme, String pingSchedule) {

  /** No option set. */
  public static final TransportOptions NONE = new TransportOptions(null, null, null);

  /**
   * Whether no option is set.
   *
   * @return true when all three are null
   */
  public boolean isEmpty() {
    return compress == null && compressionScheme == null && pingSchedule == null;
  }
}
