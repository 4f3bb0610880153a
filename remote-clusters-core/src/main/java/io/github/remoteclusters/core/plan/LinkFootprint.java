package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.SecurityModel;
import java.util.List;
import java.util.Objects;

/**
 * Everything one owned link made, as the ownership record keeps it: enough to remove the link
 * completely after it was deleted from the topology, and to find the key it relies on.
 *
 * <p>A footprint is recorded <em>before</em> anything it names is created (write-ahead) and
 * forgotten only after every removal step succeeded, so that a run killed at any point leaves a
 * record of whatever it may have made. Holds no secret: the key's id is not a credential.
 *
 * @param local the local cluster (where the alias is configured)
 * @param alias the alias
 * @param topology the topology that owns the alias; empty when the record does not say
 * @param remote the remote cluster, or null when the record does not say (older files)
 * @param security the security model the link was made with, or null when the record does not say
 * @param keyName the cross-cluster API key's name, or null for none
 * @param keyId the key's id, or null while unknown (recorded before the key exists)
 * @param localRole the local role the link made, or null for none
 * @param credentialsSetting the keystore setting holding the key, {@code
 *     cluster.remote.<alias>.credentials}, or null for none
 * @param material other things the link made (CA copies, ECK resources), one description each
 * @param proven whether the record proves the alias was made by this tool (false for aliases read
 *     from a version-1 file, which recorded neither topology nor footprint)
 * @since 0.1.0
 */
public record LinkFootprint(
    String local,
    String alias,
    String topology,
    String remote,
    SecurityModel security,
    String keyName,
    String keyId,
    String localRole,
    String credentialsSetting,
    List<String> material,
    boolean proven) {

  /** Checks the required components and copies the material. */
  public LinkFootprint {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(alias, "alias");
    topology = topology == null ? "" : topology;
    material = material == null ? List.of() : List.copyOf(material);
  }

  /**
   * A record that knows only the alias (what ownership files before version 3 kept).
   *
   * @param local the local cluster
   * @param alias the alias
   * @param topology the owning topology, or empty
   * @param proven whether the record proves the alias is this tool's
   * @return the footprint
   */
  public static LinkFootprint aliasOnly(String local, String alias, String topology, boolean proven) {
    return new LinkFootprint(local, alias, topology, null, null, null, null, null, null, List.of(),
        proven);
  }

  /**
   * The footprint of a link as planned: for API keys the key name, the role and the credentials
   * setting; the key id is added once the key exists.
   *
   * @param local the local cluster
   * @param alias the alias
   * @param remote the remote cluster
   * @param security the security model
   * @param keyName the key name, or null
   * @param localRole the local role, or null
   * @return the footprint, proven
   */
  public static LinkFootprint planned(String local, String alias, String remote,
      SecurityModel security, String keyName, String localRole) {
    boolean apiKey = security == SecurityModel.API_KEY;
    return new LinkFootprint(local, alias, "", remote, security, apiKey ? keyName : null, null,
        apiKey ? localRole : null, apiKey ? io.github.remoteclusters.core.EckNames.credentialsKey(alias) : null,
        List.of(), true);
  }

  /** {@return whether the link was made with a cross-cluster API key, as far as the record knows} */
  public boolean apiKey() {
    return keyName != null || keyId != null;
  }

  /**
   * This footprint with another key id.
   *
   * @param id the id, or null
   * @return the copy
   */
  public LinkFootprint withKeyId(String id) {
    return new LinkFootprint(local, alias, topology, remote, security, keyName, id, localRole,
        credentialsSetting, material, proven);
  }

  /**
   * This footprint with another owning topology.
   *
   * @param owner the topology, or empty
   * @return the copy
   */
  public LinkFootprint withTopology(String owner) {
    return new LinkFootprint(local, alias, owner, remote, security, keyName, keyId, localRole,
        credentialsSetting, material, proven);
  }

  /**
   * What a new plan of the link adds to the record: its remote, model, key name, role and
   * setting; the key id stays when the key name is the same, and the material made so far stays.
   *
   * @param planned the footprint of the new plan
   * @return the merged footprint, proven
   */
  public LinkFootprint merge(LinkFootprint planned) {
    String id = Objects.equals(keyName, planned.keyName) || keyName == null ? keyId : null;
    return new LinkFootprint(local, alias, topology, planned.remote, planned.security,
        planned.keyName != null ? planned.keyName : keyName, planned.keyName != null ? id : keyId,
        planned.localRole != null ? planned.localRole : localRole,
        planned.credentialsSetting != null ? planned.credentialsSetting : credentialsSetting,
        material, true);
  }
}
