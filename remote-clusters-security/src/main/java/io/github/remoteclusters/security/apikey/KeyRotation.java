package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;

/**
 * The ordered steps to replace a cross-cluster API key with no loss of connection: create the new
 * key, store it on every local node, reload secure settings, confirm the link is connected, and
 * only then invalidate the old key.
 *
 * @since 0.1.0
 */
public final class KeyRotation {

  private KeyRotation() {}

  /**
   * Plans a rotation.
   *
   * @param alias the remote alias on the local cluster
   * @param oldKeyId the id of the key being replaced
   * @param newKey the body of the new key
   * @return the steps, in order
   */
  public static List<RotationStep> plan(String alias, String oldKeyId, CreateCrossClusterApiKeyRequest newKey) {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(oldKeyId, "oldKeyId");
    Objects.requireNonNull(newKey, "newKey");
    return List.of(
        new RotationStep.CreateKey(newKey),
        new RotationStep.StoreCredentials(alias, ApiKeyCredentials.keystoreSetting(alias)),
        new RotationStep.ReloadSecureSettings(),
        new RotationStep.ConfirmConnected(alias),
        new RotationStep.InvalidateKey(oldKeyId));
  }
}
