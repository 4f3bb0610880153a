package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random topologies across every deployment (self-managed, ECK in two environments and
 * with three operator versions, ECH, ECE), security model, licence, use and trust setting, written
 * as the YAML users write and read with the topology reader. The seed is in the topology's
 * comment line and in {@link #toString()}, so a failure names it.
 */
final class GeneratedTopologies {

  /** The directory the CA files of the examples are in (transportCa, remoteClusterCa). */
  static final Path EXAMPLES = Path.of("..", "examples");

  private static final String[] VERSIONS = {
    "7.17.25", "8.15.3", "8.19.4", "8.19.4", "9.1.5", "9.2.1", "9.2.1", "9.2.1"
  };
  private static final String[] DEPLOYMENTS = {"self-managed", "eck", "eck", "ech", "ece"};
  private static final String[] OPERATORS = {null, "3.2.0", "3.3.0", "3.5.0"};
  private static final String[] LICENSES = {
    "enterprise", "enterprise", "enterprise", "enterprise", "platinum", "basic", null
  };

  /** One generated topology. */
  record Generated(long seed, String yaml) {
    Topology topology() {
      TopologyReadResult r = TopologyReader.parse(yaml, EXAMPLES);
      if (!(r instanceof TopologyReadResult.Loaded)) {
        throw new AssertionError("seed " + seed + ": generated topology unreadable: "
            + r.problems() + "\n" + yaml);
      }
      return r.orElseThrow();
    }

    @Override
    public String toString() {
      return "seed " + seed;
    }
  }

  private GeneratedTopologies() {}

  /** {@code count} topologies from seeds {@code first}, {@code first + 1}, and so on. */
  static List<Generated> generate(long first, int count) {
    List<Generated> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new Generated(first + i, yaml(first + i)));
    }
    return out;
  }

  static String yaml(long seed) {
    Random r = new Random(seed);
    StringBuilder y = new StringBuilder("# generated, seed ").append(seed).append('\n');
    y.append("clusters:\n");
    int n = 2 + r.nextInt(3);
    String[] deployments = new String[n];
    String sharedOperator = pick(r, OPERATORS);
    String base = pick(r, VERSIONS);
    for (int i = 0; i < n; i++) {
      String d = pick(r, DEPLOYMENTS);
      deployments[i] = d;
      String name = "c" + i;
      y.append("  - name: ").append(name).append('\n');
      y.append("    version: \"").append(r.nextInt(3) == 0 ? pick(r, VERSIONS) : base).append("\"\n");
      y.append("    deployment: ").append(d).append('\n');
      String license = pick(r, LICENSES);
      if (license != null) {
        y.append("    license: ").append(license).append('\n');
      }
      boolean cloud = d.equals("ech") || d.equals("ece");
      String host = name + ".example.com";
      y.append("    remoteClusterAddress: \"").append(host).append(":9443\"\n");
      y.append("    transportAddress: \"").append(host).append(cloud ? ":9400" : ":9300")
          .append("\"\n");
      if (cloud) {
        y.append("    url: \"https://").append(host).append("\"\n");
      }
      if (r.nextBoolean()) {
        y.append("    remoteClusterServer: ").append(r.nextBoolean()).append('\n');
      }
      if (d.equals("eck")) {
        String env = r.nextBoolean() ? "k8s-a" : "k8s-b";
        String operator = env.equals("k8s-a") ? sharedOperator : pick(r, OPERATORS);
        y.append("    eck: {name: es").append(i).append(", namespace: ns").append(i % 2)
            .append(", environment: ").append(env)
            .append(operator == null ? "" : ", operatorVersion: \"" + operator + "\"")
            .append("}\n");
        switch (r.nextInt(4)) {
          case 0:
            y.append("    trustRestrictions: [\"*.node.es").append(i).append(".ns").append(i % 2)
                .append(".es.local\", \"*.cloud.example.com\"]\n");
            break;
          case 1:
            // the line the console writes, not yet fixed for ECK
            y.append("    trustRestrictions: [\"*.node.*.cluster.ns").append(i % 2)
                .append(".es.local.account\"]\n");
            break;
          default:
            break;
        }
      }
      switch (r.nextInt(8)) {
        case 0:
          y.append("    transportCa: public\n");
          break;
        case 1:
        case 2:
          y.append("    transportCa: certs/ece-transport-ca.crt\n");
          break;
        default:
          break;
      }
      if (r.nextInt(3) == 0) {
        y.append("    remoteClusterCa: ")
            .append(r.nextBoolean() ? "public" : "certs/eck-logs-dc1-ca.crt").append('\n');
      }
    }
    y.append("links:\n");
    int links = 1 + r.nextInt(3);
    for (int i = 0; i < links; i++) {
      int local = r.nextInt(n);
      int remote = (local + 1 + r.nextInt(n - 1)) % n;
      y.append("  - local: c").append(local).append('\n');
      y.append("    remote: c").append(remote).append('\n');
      y.append("    alias: link-").append(i).append('\n');
      String security = pick(r, new String[] {"api-key", "certificate", null});
      if (security != null) {
        y.append("    security: ").append(security).append('\n');
      }
      boolean access = !"certificate".equals(security) && r.nextInt(8) != 0;
      boolean search = r.nextBoolean();
      boolean replication = !search || r.nextBoolean();
      if (access) {
        y.append("    access: {");
        if (search) {
          y.append("search: [{names: [\"logs-*\"]}]");
        }
        if (replication) {
          y.append(search ? ", " : "").append("replication: [{names: [\"leader-*\"]}]");
        }
        y.append("}\n");
      }
      switch (r.nextInt(4)) {
        case 0:
          y.append("    uses: [replication]\n");
          break;
        case 1:
          y.append("    uses: [search, replication]\n");
          break;
        default:
          break;
      }
      if (!deployments[local].equals("eck") && r.nextBoolean()) {
        y.append("    skipUnavailable: true\n");
      }
    }
    return y.toString();
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
