/**
 * Certificate trust and cross-cluster API keys for Elasticsearch remote clusters, checked the way
 * Elasticsearch checks them.
 *
 * <p>{@code io.github.remoteclusters.security.certs} creates, reads, writes and checks X.509
 * certificates for the transport-certificate model; {@code io.github.remoteclusters.security.apikey}
 * parses and validates cross-cluster API key requests, previews the role descriptor they grant,
 * builds local roles and plans key rotation. Public signatures use JDK types only.
 */
module io.github.remoteclusters.security {
  requires transitive io.github.remoteclusters.compat;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  requires com.fasterxml.jackson.databind;

  exports io.github.remoteclusters.security;
  exports io.github.remoteclusters.security.certs;
  exports io.github.remoteclusters.security.apikey;
}
