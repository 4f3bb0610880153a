package io.github.remoteclusters.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.LinkResult;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerBuilder;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.testkit.ClusterSpec;
import io.github.remoteclusters.testkit.Credentials;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import io.github.remoteclusters.testkit.TestClusters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: starts two real single-node Elasticsearch clusters on 127.0.0.1 with the test kit,
 * writes a topology for them, plans, applies, indexes a document on the remote, finds it from the
 * local cluster with a cross-cluster search, prints the status and stops the nodes. Exit 0 when
 * the search found the document, 1 otherwise.
 *
 * <p>With {@code --security api-key} (the default, the recommended model) both clusters run x-pack
 * security with HTTPS and transport TLS, the remote runs a remote cluster server on TLS, all with
 * certificates made by remote-clusters-security; the reconciler creates the cross-cluster API key,
 * stores it in the local keystore, reloads it and writes the settings, and the search runs as a
 * user who holds only the local role the plan created. {@code certificate} links the transport
 * layers of two TLS clusters that trust each other's CA; {@code none} runs two open nodes.
 *
 * @since 0.1.0
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts two real Elasticsearch nodes on 127.0.0.1, links them (plan, apply), indexes a"
          + " document on the remote and finds it from the local cluster with a cross-cluster"
          + " search, prints the status, then stops the nodes.",
      "--security api-key (default): secured nodes with TLS and a remote cluster server; the"
          + " reconciler creates the cross-cluster API key and stores it in the local keystore;"
          + " the search runs as a user holding only the planned local role.",
      "Needs a JDK 21+ for the nodes (ES_JAVA_HOME, JAVA_HOME or the usual folders) and the"
          + " Elasticsearch jars in the local Maven repository (a build downloads them).",
      "Exit 0 when the document was found, 1 otherwise."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--es-version",
      paramLabel = "VERSION",
      description = "Elasticsearch version of both nodes: ${COMPLETION-CANDIDATES} (default 9.5.3).")
  private String esVersion = "9.5.3";

  @Option(names = "--mode", paramLabel = "sniff|proxy", description = "Connection mode (default sniff).")
  private String mode = "sniff";

  @Option(
      names = "--security",
      paramLabel = "api-key|certificate|none",
      description = "Security model of the link (default api-key).")
  private String security = "api-key";

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where the nodes, their logs and the topology go (default: a new temp dir).")
  private Path dir;

  /** Creates the command; picocli fills the fields. */
  public DemoCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!mode.equals("sniff") && !mode.equals("proxy")) {
      err.println("error: --mode [" + mode + "] is invalid: expected sniff or proxy");
      return RemoteClustersCli.INVALID_INPUT;
    }
    if (!List.of("api-key", "certificate", "none").contains(security)) {
      err.println("error: --security [" + security + "] is invalid: expected api-key, certificate"
          + " or none");
      return RemoteClustersCli.INVALID_INPUT;
    }
    if (!TestClusters.supportedVersions().contains(esVersion)) {
      err.println("error: --es-version [" + esVersion + "] is not one the test kit can start: "
          + TestClusters.supportedVersions());
      return RemoteClustersCli.INVALID_INPUT;
    }
    Path work = dir != null ? dir : Files.createTempDirectory("remote-clusters-demo");
    boolean apiKey = security.equals("api-key");
    boolean secured = !security.equals("none");
    ClusterSpec localSpec = ClusterSpec.of("local", esVersion);
    ClusterSpec remoteSpec = ClusterSpec.of("remote", esVersion);
    if (secured) {
      localSpec = localSpec.withSecurity(Security.TLS);
      remoteSpec = apiKey ? remoteSpec.withRemoteClusterServer() : remoteSpec.withSecurity(Security.TLS);
    }
    out.println("== 1. starting two Elasticsearch " + esVersion + " nodes on 127.0.0.1 (in " + work
        + ")" + (secured ? ", security on: HTTPS, transport TLS" + (apiKey
            ? ", remote cluster server on TLS" : "") + ", certificates from our CA" : ""));
    out.flush();
    List<TestCluster> clusters = TestClusters.startAll(work.resolve("nodes"),
        List.of(localSpec, remoteSpec));
    try (TestCluster local = clusters.get(0); TestCluster remote = clusters.get(1)) {
      out.println("local:  http " + local.httpUri() + ", transport " + local.transportAddress()
          + " (ready in " + local.startupTime().toMillis() + " ms)");
      out.println("remote: http " + remote.httpUri() + ", transport " + remote.transportAddress()
          + (apiKey ? ", remote cluster server " + remote.remoteClusterServerAddress() : "")
          + " (ready in " + remote.startupTime().toMillis() + " ms)");
      if (secured) {
        out.println("CA: " + local.tls().caFile());
      }
      // the document first: the key's access and the local role name the index
      remote.client().index(i -> i.index("demo").id("1")
          .document(Map.of("msg", "hello from remote")).refresh(Refresh.True));

      Path file = work.resolve("topology.yaml");
      Files.writeString(file, topology(local, remote));
      out.println();
      out.println("== 2. topology " + file);
      out.print(Files.readString(file));

      TopologyReadResult read = TopologyReader.read(file);
      if (!(read instanceof TopologyReadResult.Loaded)) {
        err.println("error: the demo topology is invalid: " + read);
        return RemoteClustersCli.NEGATIVE;
      }
      Topology topology = read.orElseThrow();
      TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
      out.println();
      out.println("== 3. plan");
      out.print(PlanFormatter.toText(plan));

      out.println();
      out.println("== 4. apply");
      Path owned = work.resolve("topology.yaml.owned.json");
      ReconcilerBuilder builder = Reconciler.builder()
          .ownership(OwnershipStore.jsonFile(owned))
          .verifyTimeout(Duration.ofSeconds(60));
      if (secured) {
        builder.access(ClusterAccess.of(Map.of("local", endpoint(local), "remote",
            endpoint(remote)))).credentials(new KeystoreCredentials(local));
      }
      try (Reconciler r = builder.build()) {
        ApplyReport report = r.apply(topology, plan);
        for (ClusterOutcome c : report.clusters()) {
          out.println(c.cluster() + ": " + c.status() + " (reads " + c.reads() + ", writes "
              + c.writes() + ")" + (c instanceof ClusterOutcome.Failed f
                  ? " - " + f.cause().getMessage() : ""));
        }
        for (LinkResult l : report.links()) {
          out.println(l.cluster() + "/" + l.alias() + ": " + l.change().id()
              + (l.status() == null ? "" : ", " + l.status().state().id()));
        }
        ApplyReport again = r.apply(topology, plan);
        out.println("again: " + again.clusters().get(0).status() + " (writes "
            + again.writes() + ")");
        if (!report.succeeded()) {
          return RemoteClustersCli.NEGATIVE;
        }

        out.println();
        ElasticsearchClient searcher = local.client();
        if (apiKey) {
          // a user who holds only the local role the plan created for the alias
          String password = "demo-" + Long.toHexString(System.nanoTime());
          local.client().security().putUser(u -> u.username("demo-reader").password(password)
              .roles("remote-remote"));
          searcher = local.clientAs(new Credentials("demo-reader", password));
          out.println("== 5. search remote:demo from [local] as user demo-reader, who holds only"
              + " the planned role remote-remote");
        } else {
          out.println("== 5. search remote:demo from [local]"
              + (secured ? " as " + local.superuser().username() : ""));
        }
        SearchResponse<JsonNode> hits = searcher.search(s -> s.index("remote:demo"),
            JsonNode.class);
        boolean found = hits.hits().total() != null && hits.hits().total().value() == 1;
        hits.hits().hits().forEach(h -> out.println("hit " + h.index() + "/" + h.id() + " "
            + h.source()));
        out.println("clusters: total " + hits.clusters().total() + ", successful "
            + hits.clusters().successful() + ", skipped " + hits.clusters().skipped());

        out.println();
        out.println("== 6. status");
        for (LinkStatus s : r.status(topology)) {
          out.println(s.cluster() + "/" + s.alias() + ": " + s.state().id()
              + (s.info() == null ? "" : " (" + s.info().mode().id() + " "
                  + String.join(",", s.info().addresses()) + ")")
              + (s.info() != null && Boolean.TRUE.equals(s.info().credentials())
                  ? ", cluster_credentials set" : "")
              + (s.owned() ? ", owned" : ""));
        }
        out.println();
        out.println("== 7. stopping the nodes (logs stay under " + work.resolve("nodes") + ")");
        out.println(found ? "demo OK: the cross-cluster search found the document"
            : "demo FAILED: the cross-cluster search found nothing");
        return found ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
      }
    }
  }

  private String topology(TestCluster local, TestCluster remote) {
    return "# written by remote-clusters demo: two local nodes, "
        + (security.equals("none") ? "security disabled (development only)"
            : "security on, link model " + security) + "\n"
        + "clusters:\n"
        + cluster(local)
        + cluster(remote)
        + "links:\n"
        + "  - local: local\n"
        + "    remote: remote\n"
        + "    alias: remote\n"
        + "    security: " + security + "\n"
        + "    mode: " + mode + "\n"
        + (security.equals("api-key") ? "    access: {search: [{names: [\"demo\"]}]}\n" : "");
  }

  private String cluster(TestCluster c) {
    boolean server = c.spec().remoteClusterServer();
    return "  - name: " + c.name() + "\n"
        + "    version: \"" + c.version() + "\"\n"
        + "    deployment: self-managed\n"
        + "    url: \"" + c.httpUri() + "\"\n"
        + "    transportAddress: \"" + c.transportAddress() + "\"\n"
        + (server ? "    remoteClusterAddress: \"" + c.remoteClusterServerAddress() + "\"\n"
            + "    remoteClusterServer: true\n" : "")
        + (c.security().enabled() ? "    license: trial\n" : "");
  }

  /** The superuser's endpoint: HTTPS trusting the demo CA, basic authentication. */
  private static ClusterEndpoint endpoint(TestCluster c) {
    return ClusterEndpoint.of(c.httpUri().toString())
        .withBasicAuth(c.superuser().username(), c.superuser().password())
        .withSslContext(c.sslContext());
  }

  /**
   * Stores cross-cluster API key credentials in the local node's keystore, as {@code
   * elasticsearch-keystore add cluster.remote.<alias>.credentials} does on a real node; the
   * reconciler then reloads the secure settings.
   */
  private static final class KeystoreCredentials implements CredentialWriter {
    private final TestCluster local;

    KeystoreCredentials(TestCluster local) {
      this.local = local;
    }

    @Override
    public void store(Cluster cluster, String alias, String encodedApiKey) {
      local.keystore().put("cluster.remote." + alias + ".credentials", encodedApiKey);
    }

    @Override
    public void remove(Cluster cluster, String alias) {
      local.keystore().remove("cluster.remote." + alias + ".credentials");
    }
  }
}
