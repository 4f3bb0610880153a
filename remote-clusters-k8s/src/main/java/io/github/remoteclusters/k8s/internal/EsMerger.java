package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.EckNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Merges what the adapter wants into an ECK {@code Elasticsearch} object: removes what it set
 * before (recorded in its annotations), then adds what it wants now, leaving every field and alias
 * it does not own as it is.
 */
public final class EsMerger {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Owned-field token: {@code spec.remoteClusterServer.enabled}. */
  static final String RCS_ENABLED = "spec.remoteClusterServer.enabled";
  /** Owned-field token: the remote cluster server Service type. */
  static final String RCS_SERVICE = "spec.remoteClusterServer.service.spec.type";
  /** Owned-field token: the transport Service type. */
  static final String TRANSPORT_SERVICE = "spec.transport.service.spec.type";
  /** Owned-field token: the extra transport CA ConfigMap reference. */
  static final String TRANSPORT_CAS = "spec.transport.tls.certificateAuthorities";
  /** Owned-field token: our secure settings Secret reference. */
  public static final String SECURE_SETTINGS = "spec.secureSettings";
  /** Owned-field token: the remote CA volume and its mounts. */
  public static final String VOLUME = "spec.nodeSets.podTemplate.volumes";
  /** Owned-field prefix naming the ECK environment the resource was reconciled for. */
  public static final String ENVIRONMENT = "environment:";
  /** Owned-field prefix of nodeSet config keys. */
  public static final String CONFIG = "config:";
  /** Owned-field token: the trust filter volume and its mounts. */
  public static final String TRUST_VOLUME = "spec.nodeSets.podTemplate.volumes.trust-filter";
  /** Owned-field token: ECK's file-based secure settings annotation. */
  public static final String FILE_BASED = "annotation:" + EckFeatureNames.FILE_BASED_SECURE_SETTINGS;
  /** Owned-field token: our label that our {@code StackConfigPolicy} selects the resource by. */
  public static final String POLICY_LABEL = "label:" + K8sNames.LABEL_FOR_CLUSTER;

  /** The merged object, and what could not be merged. */
  public static final class Merge {
    /** The new object (or, when rendering, the partial object). */
    public final ObjectNode object;
    /** Conflicts with fields or aliases the adapter does not own. */
    public final List<Problem> conflicts = new ArrayList<>();
    /** Aliases left out because of a conflict. */
    public final TreeSet<String> conflictAliases = new TreeSet<>();
    /** Aliases the adapter manages after the merge. */
    public final TreeSet<String> aliases = new TreeSet<>();
    /** Why API-key links of this resource cannot work (live state), or null. */
    public String apiKeyBlocker;
    /** Aliases the adapter managed before and no longer does. */
    public final TreeSet<String> removedAliases = new TreeSet<>();

    Merge(ObjectNode object) {
      this.object = object;
    }
  }

  private EsMerger() {}

  /**
   * Merges.
   *
   * @param live the live object, or null to render a partial object
   * @param d what the adapter wants
   * @param renderNodeSets nodeSet names for a partial object
   * @param referenceSecret whether the credentials Secret exists (or will), so that secure settings
   *     may refer to it
   * @return the merge
   */
  public static Merge merge(
      ObjectNode live, EsDesired d, List<String> renderNodeSets, boolean referenceSecret) {
    ObjectNode o;
    TreeSet<String> prevAliases;
    TreeSet<String> prevFields;
    if (live == null) {
      o = NODES.objectNode();
      o.put("apiVersion", K8sNames.ES_API_VERSION);
      o.put("kind", K8sNames.ES_KIND);
      ObjectNode meta = o.putObject("metadata");
      meta.put("name", d.key.name());
      meta.put("namespace", d.key.namespace());
      ObjectNode spec = o.putObject("spec");
      if (!d.config.isEmpty() || !d.remoteCas.isEmpty()) {
        ArrayNode sets = spec.putArray("nodeSets");
        renderNodeSets.forEach(n -> sets.addObject().put("name", n));
      }
      prevAliases = new TreeSet<>();
      prevFields = new TreeSet<>();
    } else {
      o = live.deepCopy();
      ObjectNode ann = obj(obj(o, "metadata"), "annotations");
      prevAliases = K8sNames.splitAliases(text(ann, K8sNames.OUR_MANAGED_REMOTE_CLUSTERS));
      prevFields = K8sNames.splitAliases(text(ann, K8sNames.OUR_OWNED_FIELDS));
      strip(o, d, prevAliases, prevFields);
    }
    Merge m = new Merge(o);
    TreeSet<String> fields = new TreeSet<>();
    add(m, d, fields, referenceSecret);
    for (String a : prevAliases) {
      if (!m.aliases.contains(a)) {
        m.removedAliases.add(a);
      }
    }
    ObjectNode meta = obj(o, "metadata");
    ObjectNode ann = meta.has("annotations") ? (ObjectNode) meta.get("annotations") : null;
    if (!m.aliases.isEmpty() || !fields.isEmpty()) {
      ann = ann == null ? meta.putObject("annotations") : ann;
    }
    if (!m.aliases.isEmpty() || !fields.isEmpty()) {
      fields.add(ENVIRONMENT + d.key.environment());
    }
    putOrRemove(ann, K8sNames.OUR_MANAGED_REMOTE_CLUSTERS, K8sNames.joinAliases(m.aliases));
    putOrRemove(ann, K8sNames.OUR_OWNED_FIELDS, K8sNames.joinAliases(fields));
    if (ann != null && ann.isEmpty()) {
      meta.remove("annotations");
    }
    return m;
  }

  private static void putOrRemove(ObjectNode ann, String key, String value) {
    if (ann == null) {
      return;
    }
    if (value.isEmpty()) {
      ann.remove(key);
    } else {
      ann.put(key, value);
    }
  }

  private static void strip(
      ObjectNode o, EsDesired d, TreeSet<String> prevAliases, TreeSet<String> prevFields) {
    ObjectNode spec = obj(o, "spec");
    if (spec.get("remoteClusters") instanceof ArrayNode) {
      ArrayNode rcs = (ArrayNode) spec.get("remoteClusters");
      for (int i = rcs.size() - 1; i >= 0; i--) {
        if (prevAliases.contains(rcs.get(i).path("name").asText())) {
          rcs.remove(i);
        }
      }
      if (rcs.isEmpty()) {
        spec.remove("remoteClusters");
      }
    }
    if (prevFields.contains(FILE_BASED)) {
      removePath(o, "metadata", "annotations", EckFeatureNames.FILE_BASED_SECURE_SETTINGS);
    }
    if (prevFields.contains(POLICY_LABEL)) {
      removePath(o, "metadata", "labels", K8sNames.LABEL_FOR_CLUSTER);
    }
    if (prevFields.contains(RCS_ENABLED)) {
      removePath(spec, "remoteClusterServer", "enabled");
    }
    if (prevFields.contains(RCS_SERVICE)) {
      removePath(spec, "remoteClusterServer", "service", "spec", "type");
    }
    if (prevFields.contains(TRANSPORT_SERVICE)) {
      removePath(spec, "transport", "service", "spec", "type");
    }
    if (prevFields.contains(TRANSPORT_CAS)) {
      removePath(spec, "transport", "tls", "certificateAuthorities");
    }
    if (prevFields.contains(SECURE_SETTINGS) && spec.get("secureSettings") instanceof ArrayNode) {
      ArrayNode ss = (ArrayNode) spec.get("secureSettings");
      String ours = EckNames.credentialsSecret(d.key.name());
      for (int i = ss.size() - 1; i >= 0; i--) {
        if (ours.equals(ss.get(i).path("secretName").asText())) {
          ss.remove(i);
        }
      }
      if (ss.isEmpty()) {
        spec.remove("secureSettings");
      }
    }
    for (ObjectNode set : nodeSets(spec)) {
      if (set.get("config") instanceof ObjectNode) {
        ObjectNode config = (ObjectNode) set.get("config");
        for (String f : prevFields) {
          if (f.startsWith(CONFIG)) {
            config.remove(f.substring(CONFIG.length()));
          }
        }
        if (config.isEmpty()) {
          set.remove("config");
        }
      }
      if (prevFields.contains(VOLUME)) {
        removeVolume(set, K8sNames.REMOTE_CA_VOLUME);
      }
      if (prevFields.contains(TRUST_VOLUME)) {
        removeVolume(set, EckFeatureNames.TRUST_FILTER_VOLUME);
      }
    }
  }

  private static void add(Merge m, EsDesired d, TreeSet<String> fields, boolean referenceSecret) {
    ObjectNode o = m.object;
    ObjectNode spec = obj(o, "spec");
    ArrayNode rcs = spec.get("remoteClusters") instanceof ArrayNode
        ? (ArrayNode) spec.get("remoteClusters") : null;
    TreeSet<String> foreign = new TreeSet<>();
    if (rcs != null) {
      rcs.forEach(e -> foreign.add(e.path("name").asText()));
    }
    for (String alias : d.aliases()) {
      if (foreign.contains(alias)) {
        m.conflictAliases.add(alias);
        m.conflicts.add(
            new Problem(
                ProblemCode.ALIAS_COLLISION,
                "spec.remoteClusters",
                "alias [" + alias + "] is already defined in spec.remoteClusters of Elasticsearch "
                    + d.key + " by someone else; it is left alone"));
      }
    }
    boolean tooOld = tooOldForApiKeys(m, d, spec);
    if (tooOld) {
      // ECK's webhook would reject the whole update, and Elasticsearch would not start with the
      // remote_cluster_client settings: write nothing API-key related to this resource.
      d.remoteClusters.forEach((alias, e) -> {
        if (e.has("apiKey")) {
          m.conflictAliases.add(alias);
        }
      });
      m.conflictAliases.addAll(d.credentials.keySet());
    }
    for (Map.Entry<String, ObjectNode> e : d.remoteClusters.entrySet()) {
      if (m.conflictAliases.contains(e.getKey())) {
        continue;
      }
      if (rcs == null) {
        rcs = spec.putArray("remoteClusters");
      }
      rcs.add(e.getValue().deepCopy());
      m.aliases.add(e.getKey());
    }
    for (String a : d.configAliases) {
      if (!m.conflictAliases.contains(a)) {
        m.aliases.add(a);
      }
    }
    if (d.remoteClusterServer && !tooOld) {
      ObjectNode server = obj(spec, "remoteClusterServer");
      JsonNode enabled = server.get("enabled");
      if (enabled != null && enabled.isBoolean() && !enabled.asBoolean()) {
        m.apiKeyBlocker =
            "Elasticsearch " + d.key + " has spec.remoteClusterServer.enabled: false, set by"
                + " someone else; API-key links to it cannot connect and it is left alone";
        m.conflicts.add(
            new Problem(
                ProblemCode.REMOTE_CLUSTER_SERVER_DISABLED,
                "spec.remoteClusterServer.enabled",
                m.apiKeyBlocker));
        if (server.isEmpty()) {
          spec.remove("remoteClusterServer");
        }
      } else if (enabled == null || !enabled.asBoolean(false)) {
        server.put("enabled", true);
        fields.add(RCS_ENABLED);
      }
    }
    if (d.exposeRemoteClusterServer && !d.legacyLoadBalancer && !tooOld) {
      ObjectNode svc = obj(obj(obj(spec, "remoteClusterServer"), "service"), "spec");
      if (!svc.has("type")) {
        svc.put("type", d.remoteClusterServiceType);
        fields.add(RCS_SERVICE);
      }
    }
    if (d.exposeTransport) {
      ObjectNode svc = obj(obj(obj(spec, "transport"), "service"), "spec");
      if (!svc.has("type")) {
        svc.put("type", d.transportServiceType);
        fields.add(TRANSPORT_SERVICE);
      }
    }
    if (!d.transportCas.isEmpty()) {
      ObjectNode tls = obj(obj(spec, "transport"), "tls");
      String ours = EckNames.transportCaConfigMap(d.key.name());
      String theirs = tls.path("certificateAuthorities").path("configMapName").asText(null);
      if (theirs != null && !theirs.equals(ours)) {
        m.conflicts.add(
            new Problem(
                ProblemCode.ECK_UNSUPPORTED,
                "spec.transport.tls.certificateAuthorities",
                "Elasticsearch " + d.key + " already trusts the CAs of ConfigMap [" + theirs
                    + "]; ECK takes one ConfigMap: add the peers' transport CAs to its ca.crt"));
      } else {
        tls.putObject("certificateAuthorities").put("configMapName", ours);
        fields.add(TRANSPORT_CAS);
      }
    }
    if (referenceSecret && !tooOld) {
      ArrayNode ss = spec.get("secureSettings") instanceof ArrayNode
          ? (ArrayNode) spec.get("secureSettings") : spec.putArray("secureSettings");
      String ours = EckNames.credentialsSecret(d.key.name());
      boolean present = false;
      for (JsonNode e : ss) {
        present |= ours.equals(e.path("secretName").asText());
      }
      if (!present) {
        ss.addObject().put("secretName", ours);
      }
      fields.add(SECURE_SETTINGS);
    }
    List<ObjectNode> sets = nodeSets(spec);
    for (Map.Entry<String, JsonNode> e : d.config.entrySet()) {
      String key = e.getKey();
      if (conflictsWithAlias(key, m.conflictAliases)
          || (tooOld && key.startsWith("xpack.security.remote_cluster_client."))) {
        continue;
      }
      boolean clash = false;
      boolean missing = false;
      for (ObjectNode set : sets) {
        JsonNode have = set.path("config").get(key);
        if (have != null && !sameSetting(have, e.getValue())) {
          clash = true;
          m.conflicts.add(
              new Problem(
                  ProblemCode.ECK_UNSUPPORTED,
                  "spec.nodeSets[" + set.path("name").asText() + "].config." + key,
                  "Elasticsearch " + d.key + " sets [" + key + "] to " + have + " in nodeSet ["
                      + set.path("name").asText() + "], not " + e.getValue()
                      + "; it is left alone"));
        } else if (have == null) {
          missing = true;
        }
      }
      if (clash) {
        addAliasConflict(m, key);
        continue;
      }
      if (missing) {
        for (ObjectNode set : sets) {
          obj(set, "config").set(key, e.getValue().deepCopy());
        }
        fields.add(CONFIG + key);
      }
    }
    if (!d.remoteCas.isEmpty() && !tooOld) {
      for (ObjectNode set : sets) {
        addVolume(set, K8sNames.REMOTE_CA_VOLUME, EckNames.remoteCaConfigMap(d.key.name()),
            EckNames.REMOTE_CERTS_MOUNT);
      }
      fields.add(VOLUME);
    }
    if (d.trustYml != null) {
      for (ObjectNode set : sets) {
        addVolume(set, EckFeatureNames.TRUST_FILTER_VOLUME,
            EckFeatureNames.trustRestrictionsConfigMap(d.key.name()),
            EckFeatureNames.TRUST_FILTER_MOUNT);
      }
      fields.add(TRUST_VOLUME);
    }
    if (!d.clusterSettings.isEmpty()) {
      ObjectNode labels = obj(obj(o, "metadata"), "labels");
      if (!labels.has(K8sNames.LABEL_FOR_CLUSTER)) {
        labels.put(K8sNames.LABEL_FOR_CLUSTER, d.key.name());
        fields.add(POLICY_LABEL);
      }
    }
    if (d.fileBasedSecureSettings && referenceSecret && !tooOld && onlyOurSecureSettings(spec, d)) {
      ObjectNode ann = obj(obj(o, "metadata"), "annotations");
      if (!ann.has(EckFeatureNames.FILE_BASED_SECURE_SETTINGS)) {
        ann.put(EckFeatureNames.FILE_BASED_SECURE_SETTINGS, "true");
        fields.add(FILE_BASED);
      }
    }
  }

  /**
   * ECK's file-based secure settings need every secure setting of the cluster to be reloadable:
   * only set the annotation when ours are the cluster's only secure settings.
   */
  private static boolean onlyOurSecureSettings(ObjectNode spec, EsDesired d) {
    String ours = EckNames.credentialsSecret(d.key.name());
    for (JsonNode e : spec.path("secureSettings")) {
      if (!ours.equals(e.path("secretName").asText())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the live resource's {@code spec.version} is below 8.10.0 while API-key material is
   * wanted on it; records ECK's webhook message as the blocker when so.
   */
  private static boolean tooOldForApiKeys(Merge m, EsDesired d, ObjectNode spec) {
    String version = spec.path("version").asText("");
    if (version.isEmpty()
        || !(d.remoteClusterServer || !d.credentials.isEmpty() || hasApiKeyEntry(d))) {
      return false;
    }
    Optional<EsVersion> v = EsVersion.tryParse(version);
    if (v.isEmpty() || v.get().isAtLeast(8, 10)) {
      return false;
    }
    String rule =
        d.remoteClusterServer
            ? K8sNames.remoteClusterServerVersionMessage(version)
            : K8sNames.apiKeyVersionMessage(version);
    m.apiKeyBlocker =
        rule + " (spec.version of Elasticsearch " + d.key + "); nothing API-key related is"
            + " written to it";
    m.conflicts.add(new Problem(ProblemCode.SECURITY_UNSUPPORTED, "spec.version", m.apiKeyBlocker));
    return true;
  }

  private static boolean hasApiKeyEntry(EsDesired d) {
    return d.remoteClusters.values().stream().anyMatch(e -> e.has("apiKey"));
  }

  private static boolean sameSetting(JsonNode a, JsonNode b) {
    return a.equals(b) || (a.isValueNode() && b.isValueNode() && a.asText().equals(b.asText()));
  }

  private static boolean conflictsWithAlias(String key, TreeSet<String> aliases) {
    for (String a : aliases) {
      if (key.startsWith(EckNames.remoteSettingPrefix(a))) {
        return true;
      }
    }
    return false;
  }

  private static void addAliasConflict(Merge m, String key) {
    if (key.startsWith(EckNames.REMOTE_SETTING_PREFIX)) {
      String rest = key.substring(EckNames.REMOTE_SETTING_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot > 0) {
        m.conflictAliases.add(rest.substring(0, dot));
        m.aliases.remove(rest.substring(0, dot));
      }
    }
  }

  private static void addVolume(ObjectNode set, String volume, String configMap, String mountPath) {
    ObjectNode pod = obj(obj(set, "podTemplate"), "spec");
    ArrayNode volumes = pod.get("volumes") instanceof ArrayNode
        ? (ArrayNode) pod.get("volumes") : pod.putArray("volumes");
    ObjectNode v = volumes.addObject();
    v.put("name", volume);
    v.putObject("configMap").put("name", configMap);
    ArrayNode containers = pod.get("containers") instanceof ArrayNode
        ? (ArrayNode) pod.get("containers") : pod.putArray("containers");
    ObjectNode es = null;
    for (JsonNode c : containers) {
      if ("elasticsearch".equals(c.path("name").asText())) {
        es = (ObjectNode) c;
      }
    }
    if (es == null) {
      es = containers.addObject();
      es.put("name", "elasticsearch");
    }
    ArrayNode mounts = es.get("volumeMounts") instanceof ArrayNode
        ? (ArrayNode) es.get("volumeMounts") : es.putArray("volumeMounts");
    ObjectNode mount = mounts.addObject();
    mount.put("name", volume);
    mount.put("mountPath", mountPath);
    mount.put("readOnly", true);
  }

  private static void removeVolume(ObjectNode set, String volume) {
    JsonNode pod = set.path("podTemplate").path("spec");
    if (!pod.isObject()) {
      return;
    }
    removeNamed(pod.get("volumes"), volume);
    JsonNode containers = pod.get("containers");
    if (containers instanceof ArrayNode) {
      for (int i = containers.size() - 1; i >= 0; i--) {
        ObjectNode c = (ObjectNode) containers.get(i);
        removeNamed(c.get("volumeMounts"), volume);
        if (c.get("volumeMounts") != null && c.get("volumeMounts").isEmpty()) {
          c.remove("volumeMounts");
        }
        if (c.size() == 1 && c.has("name")) {
          ((ArrayNode) containers).remove(i);
        }
      }
    }
    ObjectNode podSpec = (ObjectNode) pod;
    for (String k : new String[] {"volumes", "containers"}) {
      if (podSpec.get(k) != null && podSpec.get(k).isEmpty()) {
        podSpec.remove(k);
      }
    }
    if (podSpec.isEmpty()) {
      ((ObjectNode) set.get("podTemplate")).remove("spec");
    }
    if (set.get("podTemplate").isEmpty()) {
      set.remove("podTemplate");
    }
  }

  private static void removeNamed(JsonNode list, String volume) {
    if (list instanceof ArrayNode) {
      ArrayNode a = (ArrayNode) list;
      for (int i = a.size() - 1; i >= 0; i--) {
        if (volume.equals(a.get(i).path("name").asText())) {
          a.remove(i);
        }
      }
    }
  }

  private static List<ObjectNode> nodeSets(ObjectNode spec) {
    List<ObjectNode> out = new ArrayList<>();
    if (spec.get("nodeSets") instanceof ArrayNode) {
      for (JsonNode n : spec.get("nodeSets")) {
        if (n instanceof ObjectNode) {
          out.add((ObjectNode) n);
        }
      }
    }
    return out;
  }

  /** Removes a leaf and every object on its path that becomes empty. */
  private static void removePath(ObjectNode root, String... path) {
    List<ObjectNode> chain = new ArrayList<>();
    ObjectNode cur = root;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode next = cur.get(path[i]);
      if (!(next instanceof ObjectNode)) {
        return;
      }
      chain.add(cur);
      cur = (ObjectNode) next;
    }
    cur.remove(path[path.length - 1]);
    for (int i = chain.size() - 1; i >= 0; i--) {
      ObjectNode parent = chain.get(i);
      JsonNode child = parent.get(path[i]);
      if (child != null && child.isEmpty()) {
        parent.remove(path[i]);
      }
    }
  }

  static ObjectNode obj(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n instanceof ObjectNode) {
      return (ObjectNode) n;
    }
    return parent.putObject(key);
  }

  private static String text(ObjectNode o, String key) {
    JsonNode n = o.get(key);
    return n == null || n.isNull() ? null : n.asText();
  }

  /**
   * A JSON merge patch (RFC 7386) that turns {@code from} into {@code to}.
   *
   * <p>Hand-written because zjsonpatch (fabric8's) only makes and applies RFC 6902 patches; it has
   * no RFC 7386 diff.
   *
   * @param from the current document
   * @param to the wanted document
   * @return the patch; empty when the documents are equal
   */
  public static ObjectNode mergePatch(ObjectNode from, ObjectNode to) {
    ObjectNode patch = NODES.objectNode();
    Iterator<String> names = from.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!to.has(k)) {
        patch.putNull(k);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = to.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = from.get(e.getKey());
      if (e.getValue().equals(old)) {
        continue;
      }
      if (old instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
        patch.set(e.getKey(), mergePatch((ObjectNode) old, (ObjectNode) e.getValue()));
      } else {
        patch.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return patch;
  }
}
