package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.RemoteInfo;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.OwnershipException;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code status FILE [--json]}: the state of every remote-cluster alias on the local clusters of
 * a topology file, from {@code GET _remote/info}, with a diagnosis for each disconnected one. Exit
 * 0 when every link of the file is connected, 1 otherwise, 2 on invalid input.
 *
 * @since 0.1.0
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows every remote-cluster alias on the local clusters of a topology file, from"
          + " GET _remote/info, with a diagnosis for each disconnected one.",
      "Credentials come from ES_<NAME>_API_KEY, or ES_<NAME>_USER and ES_<NAME>_PASSWORD"
          + " (NAME: the cluster name upper-cased, other characters _); HTTPS trusts the"
          + " cluster's caFile.",
      "Exit 0 when every link of the file is connected, 1 otherwise, 2 on invalid input (an"
          + " ownership file that cannot be used included)."
    })
public final class StatusCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private TopologyOptions topo = new TopologyOptions();

  /** Creates the command; picocli fills the fields. */
  public StatusCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean json = topo.json;
    Topology topology = ApplyCommand.readTopology(topo.file, json, out, err);
    if (topology == null) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    ClusterAccess access = TopologyOptions.access(topology, err);
    if (access == null) {
      return RemoteClustersCli.INVALID_INPUT;
    }
    List<LinkStatus> statuses;
    OwnershipStore ownership = OwnershipStore.jsonFile(topo.ownershipFile(), topo.topologyId());
    try (Reconciler r =
        Reconciler.builder()
            .access(access)
            .ownership(ownership)
            .requestTimeout(topo.requestTimeout)
            .build()) {
      statuses = r.status(topology);
    }
    boolean allConnected = true;
    for (Link l : topology.links()) {
      if (l.state() == LinkState.PRESENT) {
        allConnected &= statuses.stream().anyMatch(
            s -> s.cluster().equals(l.local()) && s.alias().equals(l.alias()) && s.connected());
      }
    }
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(toJson(statuses)));
    } else {
      for (LinkStatus s : statuses) {
        StringBuilder line = new StringBuilder(s.cluster() + "/" + s.alias() + ": " + s.state().id());
        RemoteInfo i = s.info();
        if (i != null) {
          line.append(" (").append(i.mode().id()).append(' ').append(String.join(",", i.addresses()));
          if (i instanceof RemoteInfo.Sniff sn) {
            line.append(", nodes ").append(sn.nodesConnected()).append('/')
                .append(sn.maxConnectionsPerCluster());
          } else if (i instanceof RemoteInfo.Proxy p) {
            line.append(", sockets ").append(p.socketsConnected()).append('/')
                .append(p.maxSocketConnections());
          }
          line.append(", skip_unavailable ").append(i.skipUnavailable()).append(')');
        }
        line.append(s.owned() ? " owned" : " not owned");
        out.println(line);
        if (s.diagnosis() != null) {
          out.println("  " + s.diagnosis().code().id() + ": " + s.diagnosis().message());
        }
      }
    }
    if (statuses.stream().anyMatch(s -> s.diagnosis() != null
        && s.diagnosis().code() == Diagnosis.Code.OWNERSHIP)) {
      try {
        ownership.owned(topology.clusters().get(0).name());
      } catch (OwnershipException e) {
        if (e.reason() != OwnershipException.Reason.LOCKED) {
          return RemoteClustersCli.INVALID_INPUT; // an ownership file that cannot be used
        }
      }
    }
    return allConnected ? RemoteClustersCli.OK : RemoteClustersCli.NEGATIVE;
  }

  /**
   * The JSON form: {@code {"links":[{"cluster","alias","state","owned","mode","addresses",...,
   * "diagnosis"}]}}.
   *
   * @param statuses the statuses
   * @return the JSON
   */
  static ObjectNode toJson(List<LinkStatus> statuses) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode links = root.putArray("links");
    for (LinkStatus s : statuses) {
      ObjectNode n = links.addObject();
      n.put("cluster", s.cluster());
      n.put("alias", s.alias());
      n.put("state", s.state().id());
      n.put("connected", s.connected());
      n.put("owned", s.owned());
      RemoteInfo i = s.info();
      if (i == null) {
        n.putNull("mode");
      } else {
        n.put("mode", i.mode().id());
        ArrayNode a = n.putArray("addresses");
        i.addresses().forEach(a::add);
        n.put("skipUnavailable", i.skipUnavailable());
        if (i.credentials() == null) {
          n.putNull("credentials");
        } else {
          n.put("credentials", i.credentials());
        }
        n.put("initialConnectTimeout", i.initialConnectTimeout());
        if (i instanceof RemoteInfo.Sniff sn) {
          n.put("numNodesConnected", sn.nodesConnected());
          n.put("maxConnectionsPerCluster", sn.maxConnectionsPerCluster());
        } else if (i instanceof RemoteInfo.Proxy p) {
          n.put("serverName", p.serverName());
          n.put("numProxySocketsConnected", p.socketsConnected());
          n.put("maxProxySocketConnections", p.maxSocketConnections());
        }
      }
      ApplyCommand.putDiagnosis(n, s);
    }
    return root;
  }
}
