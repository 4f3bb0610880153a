package io.github.remoteclusters.security.apikey;

import java.util.Objects;

/**
 * One step of replacing a cross-cluster API key without losing the connection. The steps are data;
 * the core module's applier executes them.
 *
 * @since 0.1.0
 */
public sealed interface RotationStep
    permits RotationStep.CreateKey,
        RotationStep.StoreCredentials,
        RotationStep.ReloadSecureSettings,
        RotationStep.ConfirmConnected,
        RotationStep.InvalidateKey {

  /**
   * What the step does, for plans shown to users.
   *
   * @return one sentence
   */
  String description();

  /**
   * On the remote cluster: {@code POST /_security/cross_cluster/api_key} with the new key's body.
   *
   * @param request the new key's body
   * @since 0.1.0
   */
  record CreateKey(CreateCrossClusterApiKeyRequest request) implements RotationStep {
    /** Checks the component. */
    public CreateKey {
      Objects.requireNonNull(request, "request");
    }

    @Override
    public String description() {
      return "create cross-cluster API key [" + request.name() + "] on the remote cluster";
    }
  }

  /**
   * On every local node: put the new key's {@code encoded} value into the keystore setting.
   *
   * @param alias the remote alias
   * @param setting the keystore setting, {@code cluster.remote.<alias>.credentials}
   * @since 0.1.0
   */
  record StoreCredentials(String alias, String setting) implements RotationStep {
    /** Checks the components. */
    public StoreCredentials {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(setting, "setting");
    }

    @Override
    public String description() {
      return "store the new key's encoded value as [" + setting + "] in the keystore of every local node";
    }
  }

  /**
   * On the local cluster: {@code POST /_nodes/reload_secure_settings}, so new connections use the
   * new key while open ones keep working.
   *
   * @since 0.1.0
   */
  record ReloadSecureSettings() implements RotationStep {
    @Override
    public String description() {
      return "reload secure settings on every local node (POST /_nodes/reload_secure_settings)";
    }
  }

  /**
   * On the local cluster: {@code GET /_remote/info} shows the alias connected.
   *
   * @param alias the remote alias
   * @since 0.1.0
   */
  record ConfirmConnected(String alias) implements RotationStep {
    /** Checks the component. */
    public ConfirmConnected {
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public String description() {
      return "confirm GET /_remote/info shows [" + alias + "] with connected: true";
    }
  }

  /**
   * On the remote cluster: {@code DELETE /_security/api_key} with the old key's id.
   *
   * @param keyId the old key's id
   * @since 0.1.0
   */
  record InvalidateKey(String keyId) implements RotationStep {
    /** Checks the component. */
    public InvalidateKey {
      Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String description() {
      return "invalidate the old cross-cluster API key [" + keyId + "] on the remote cluster";
    }
  }
}
