package io.github.remoteclusters.security;

import io.github.remoteclusters.security.apikey.ApiKeyCredentials;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How a local cluster authenticates to a remote cluster: the closed set of Elasticsearch's two
 * security models.
 *
 * @since 0.1.0
 */
public sealed interface TrustModel permits TrustModel.CertificateTrust, TrustModel.ApiKeyTrust {

  /**
   * The port the local cluster connects to on the remote for this model.
   *
   * @return 9300 (transport) for certificates, 9443 (remote cluster server) for API keys
   */
  int defaultRemotePort();

  /**
   * The TLS certificate model: mutual TLS on the transport port; deprecated in 9.0.
   *
   * @param trustedRemoteCas the remote CAs the local cluster trusts
   * @since 0.1.0
   */
  record CertificateTrust(List<X509Certificate> trustedRemoteCas) implements TrustModel {

    /** Copies the list. */
    public CertificateTrust {
      trustedRemoteCas = List.copyOf(Objects.requireNonNull(trustedRemoteCas, "trustedRemoteCas"));
    }

    @Override
    public int defaultRemotePort() {
      return 9300;
    }
  }

  /**
   * The API key model: a cross-cluster API key on the remote cluster server port.
   *
   * @param credentials the key's credentials for {@code cluster.remote.<alias>.credentials}
   * @param remoteServerCas the CAs for {@code xpack.security.remote_cluster_client.ssl.certificate_authorities},
   *     empty when the remote's certificate is publicly trusted
   * @since 0.1.0
   */
  record ApiKeyTrust(ApiKeyCredentials credentials, List<X509Certificate> remoteServerCas) implements TrustModel {

    /** Checks the components and copies the list. */
    public ApiKeyTrust {
      Objects.requireNonNull(credentials, "credentials");
      remoteServerCas = List.copyOf(Objects.requireNonNull(remoteServerCas, "remoteServerCas"));
    }

    @Override
    public int defaultRemotePort() {
      return 9443;
    }
  }
}
