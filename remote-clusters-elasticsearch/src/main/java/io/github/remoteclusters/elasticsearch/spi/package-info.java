/**
 * Ports the applier calls out through: how to reach a cluster ({@link
 * io.github.remoteclusters.elasticsearch.spi.ClusterAccess}), which aliases this tool owns ({@link
 * io.github.remoteclusters.elasticsearch.spi.OwnershipStore}) and where cross-cluster API key credentials
 * go ({@link io.github.remoteclusters.elasticsearch.spi.CredentialWriter}).
 *
 * <p>Experimental until 1.0: implementations outside this project may have to change.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.elasticsearch.spi;
