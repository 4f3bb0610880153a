package io.github.remoteclusters.elasticsearch.internal.access;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import java.util.Map;
import java.util.Objects;

/**
 * Reaches each cluster at its topology {@code url}, trusting its {@code caFile}, with credentials
 * from environment variables named after the cluster. Not API.
 */
public final class EnvironmentAccess implements ClusterAccess {

  private final Map<String, String> env;

  /**
   * Creates the access.
   *
   * @param env the environment, usually {@code System.getenv()}
   */
  public EnvironmentAccess(Map<String, String> env) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /**
   * The prefix of a cluster's variables: {@code ES_} and the name upper-cased, every character
   * other than an ASCII letter or digit replaced by {@code _}.
   *
   * @param cluster the cluster's name
   * @return for example {@code ES_DC_EAST} for {@code dc-east}
   */
  public static String prefix(String cluster) {
    return PlanFormatter.environmentPrefix(cluster);
  }


  @Override
  public ClusterEndpoint endpoint(Cluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (cluster.url() == null) {
      throw new IllegalArgumentException(
          "cluster [" + cluster.name() + "] has no url: the applier cannot reach it");
    }
    ClusterEndpoint endpoint = ClusterEndpoint.fromUrl(cluster.url());
    String prefix = prefix(cluster.name());
    String apiKey = value(prefix + "_API_KEY");
    String user = value(prefix + "_USER");
    String password = value(prefix + "_PASSWORD");
    if (apiKey != null && (user != null || password != null)) {
      throw new IllegalArgumentException(
          "cluster [" + cluster.name() + "]: both " + prefix + "_API_KEY and " + prefix
              + "_USER/" + prefix + "_PASSWORD are set; set only one way to authenticate");
    }
    if (apiKey != null) {
      endpoint = endpoint.withApiKey(apiKey);
    } else if (user != null || password != null) {
      if (user == null || password == null) {
        throw new IllegalArgumentException(
            "cluster [" + cluster.name() + "]: " + (user == null ? prefix + "_USER" : prefix + "_PASSWORD")
                + " is not set; set both " + prefix + "_USER and " + prefix + "_PASSWORD");
      }
      if (endpoint.authorization() != null) {
        throw new IllegalArgumentException(
            "cluster [" + cluster.name() + "]: credentials are given both in its url and in "
                + prefix + "_USER/" + prefix + "_PASSWORD; keep them out of the url");
      }
      endpoint = endpoint.withBasicAuth(user, password);
    }
    if (cluster.caFile() != null) {
      endpoint = endpoint.withSslContext(PemCaFiles.sslContext(cluster.caFile()));
    }
    return endpoint;
  }

  private String value(String name) {
    String v = env.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  @Override
  public String toString() {
    return "EnvironmentAccess[ES_<NAME>_API_KEY | ES_<NAME>_USER + ES_<NAME>_PASSWORD]";
  }
}
