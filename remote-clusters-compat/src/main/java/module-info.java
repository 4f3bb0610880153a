/**
 * Elasticsearch version rules for remote clusters: parsing versions, the cross-cluster search
 * compatibility matrix, cross-cluster replication rules, transport (wire) compatibility and
 * feature gates. Has no dependencies.
 */
module io.github.remoteclusters.compat {
  exports io.github.remoteclusters.compat;
}
