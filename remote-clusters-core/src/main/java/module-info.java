/**
 * Remote-cluster links as data: the model and topology file, the checks (settings, versions,
 * security) and the planners of links and upgrades. The plan is the contract: executors (the
 * Elasticsearch reconciler of {@code remote-clusters-elasticsearch}, the ECK adapter of {@code
 * remote-clusters-k8s}) interpret its typed steps. Public signatures use JDK types and the types
 * of compat and security only; no Elasticsearch client.
 */
module io.github.remoteclusters.core {
  requires transitive io.github.remoteclusters.compat;
  requires transitive io.github.remoteclusters.security;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports io.github.remoteclusters.core;
  exports io.github.remoteclusters.core.plan;
  exports io.github.remoteclusters.core.settings;
  exports io.github.remoteclusters.core.upgrade;
}
