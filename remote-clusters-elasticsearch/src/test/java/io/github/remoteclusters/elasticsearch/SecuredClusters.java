package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secured test clusters as the reconciler sees them: topology entries, endpoints (HTTPS as the
 * superuser, trusting the test CA) and the keystore as the {@link CredentialWriter} port.
 */
final class SecuredClusters {

  private SecuredClusters() {}

  /** A self-managed topology cluster for a running test cluster, with its real addresses. */
  static Cluster cluster(TestCluster t) {
    boolean server = hasServer(t);
    return new Cluster(
        t.name(),
        EsVersion.parse(t.version()),
        Deployment.SELF_MANAGED,
        null,
        t.httpUri().toString(),
        t.transportAddress(),
        server ? t.remoteClusterServerAddress() : null,
        null,
        server,
        t.security().enabled() ? License.TRIAL : null);
  }

  static boolean hasServer(TestCluster t) {
    return t.spec().remoteClusterServer();
  }

  /** The superuser's endpoint of a test cluster. */
  static ClusterEndpoint endpoint(TestCluster t) {
    ClusterEndpoint e = ClusterEndpoint.of(t.httpUri().toString());
    if (t.security().enabled()) {
      e = e.withBasicAuth(t.superuser().username(), t.superuser().password());
    }
    if (t.security() == Security.TLS) {
      e = e.withSslContext(t.sslContext());
    }
    return e;
  }

  /** How the reconciler reaches these clusters. */
  static ClusterAccess access(List<TestCluster> clusters) {
    Map<String, ClusterEndpoint> m = new LinkedHashMap<>();
    clusters.forEach(c -> m.put(c.name(), endpoint(c)));
    return ClusterAccess.of(m);
  }

  /**
   * Credentials go into the local test cluster's keystore, as {@code elasticsearch-keystore add}
   * would put them; the reconciler reloads secure settings itself.
   */
  static CredentialWriter keystores(List<TestCluster> clusters) {
    Map<String, TestCluster> byName = new LinkedHashMap<>();
    clusters.forEach(c -> byName.put(c.name(), c));
    return new CredentialWriter() {
      @Override
      public void store(Cluster local, String alias, String encodedApiKey) {
        byName.get(local.name()).keystore().put(setting(alias), encodedApiKey);
      }

      @Override
      public void remove(Cluster local, String alias) {
        byName.get(local.name()).keystore().remove(setting(alias));
      }
    };
  }

  static String setting(String alias) {
    return "cluster.remote." + alias + ".credentials";
  }
}
