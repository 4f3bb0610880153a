package io.github.remoteclusters.k8s.internal;

import io.github.remoteclusters.core.EckNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.github.remoteclusters.k8s.ApplyMode;
import io.github.remoteclusters.k8s.ChangeAction;
import io.github.remoteclusters.k8s.K8sAdapterException;
import io.github.remoteclusters.k8s.ResourceChange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The fabric8 calls: read, create, patch or apply, and delete. */
public final class KubeOps {

  /** ECK's Elasticsearch resource, addressed without API discovery. */
  public static final ResourceDefinitionContext ELASTICSEARCH =
      new ResourceDefinitionContext.Builder()
          .withGroup("elasticsearch.k8s.elastic.co")
          .withVersion("v1")
          .withKind(K8sNames.ES_KIND)
          .withPlural(K8sNames.ES_PLURAL)
          .withNamespaced(true)
          .build();

  /** ECK's {@code StackConfigPolicy}. */
  public static final ResourceDefinitionContext STACK_CONFIG_POLICY =
      new ResourceDefinitionContext.Builder()
          .withGroup("stackconfigpolicy.k8s.elastic.co")
          .withVersion("v1alpha1")
          .withKind(EckFeatureNames.SCP_KIND)
          .withPlural("stackconfigpolicies")
          .withNamespaced(true)
          .build();

  /** Top-level spec fields the adapter may change; sent whole with server-side apply. */
  private static final List<String> SPEC_FIELDS =
      List.of("remoteClusters", "remoteClusterServer", "transport", "secureSettings", "nodeSets");

  private final KubernetesClient client;
  private final ApplyMode mode;
  private final String fieldManager;

  /**
   * Creates the operations.
   *
   * @param client the client
   * @param mode how to write
   * @param fieldManager the field manager
   */
  public KubeOps(KubernetesClient client, ApplyMode mode, String fieldManager) {
    this.client = client;
    this.mode = mode;
    this.fieldManager = fieldManager;
  }

  /**
   * Reads an Elasticsearch resource.
   *
   * @param key the resource
   * @return its tree, or null when it does not exist
   */
  public ObjectNode elasticsearch(EsKey key) {
    GenericKubernetesResource r =
        call(key, "get", () -> esResource(key).get());
    return r == null ? null : Serialization.tree(r);
  }

  /**
   * Lists the Elasticsearch resources that carry this adapter's annotations for an environment.
   *
   * @param environment the environment
   * @return their keys
   */
  public List<EsKey> annotatedElasticsearches(String environment) {
    List<EsKey> out = new ArrayList<>();
    List<GenericKubernetesResource> all =
        call(
            "Elasticsearch */*",
            "list",
            () -> client.genericKubernetesResources(ELASTICSEARCH).inAnyNamespace().list().getItems());
    for (GenericKubernetesResource r : all) {
      Map<String, String> ann = r.getMetadata().getAnnotations();
      if (ann != null
          && K8sNames.splitAliases(ann.get(K8sNames.OUR_OWNED_FIELDS))
              .contains(EsMerger.ENVIRONMENT + environment)) {
        out.add(new EsKey(environment, r.getMetadata().getNamespace(), r.getMetadata().getName()));
      }
    }
    return out;
  }

  /**
   * The data of the credentials Secret of a cluster.
   *
   * @param key the cluster
   * @return the base64 data, empty when there is no such Secret
   */
  public Map<String, String> credentialsData(EsKey key) {
    String name = EckNames.credentialsSecret(key.name());
    Secret s =
        call(
            "Secret " + key.namespace() + "/" + name,
            "get",
            () -> client.secrets().inNamespace(key.namespace()).withName(name).get());
    if (s == null || s.getData() == null || !isOurs(s)) {
      return Map.of();
    }
    return new TreeMap<>(s.getData());
  }

  /**
   * Brings an Elasticsearch resource from {@code live} to {@code wanted}, touching only metadata
   * annotations and the spec.
   *
   * @param key the resource
   * @param live the live tree
   * @param wanted the merged tree
   * @return what was done
   */
  public ResourceChange applyElasticsearch(EsKey key, ObjectNode live, ObjectNode wanted) {
    ObjectNode from = esView(live);
    ObjectNode to = esView(wanted);
    if (from.equals(to)) {
      return change(K8sNames.ES_KIND, key, ChangeAction.UNCHANGED);
    }
    if (mode != ApplyMode.SERVER_SIDE_APPLY) {
      // PATCH_OWNED and CREATE_OR_PATCH: never send the user's atomic lists with a field manager
      String patch = jsonPatch(live, from, to).toString();
      call(key, "patch", () -> esResource(key).patch(PatchContext.of(PatchType.JSON), patch));
    } else {
      ObjectNode apply = JsonNodeFactory.instance.objectNode();
      apply.put("apiVersion", K8sNames.ES_API_VERSION);
      apply.put("kind", K8sNames.ES_KIND);
      ObjectNode meta = apply.putObject("metadata");
      meta.put("name", key.name());
      meta.put("namespace", key.namespace());
      JsonNode ann = wanted.path("metadata").path("annotations");
      ObjectNode ours = JsonNodeFactory.instance.objectNode();
      for (String k : List.of(K8sNames.OUR_MANAGED_REMOTE_CLUSTERS, K8sNames.OUR_OWNED_FIELDS)) {
        if (ann.has(k)) {
          ours.set(k, ann.get(k));
        }
      }
      if (!ours.isEmpty()) {
        meta.set("annotations", ours);
      }
      JsonNode label = wanted.path("metadata").path("labels").get(K8sNames.LABEL_FOR_CLUSTER);
      if (label != null) {
        meta.putObject("labels").set(K8sNames.LABEL_FOR_CLUSTER, label);
      }
      ObjectNode spec = apply.putObject("spec");
      for (String f : SPEC_FIELDS) {
        boolean changed = !live.path("spec").path(f).equals(wanted.path("spec").path(f));
        if (wanted.path("spec").has(f) && (changed || owns(f, live) || owns(f, wanted))) {
          spec.set(f, wanted.path("spec").get(f));
        }
      }
      GenericKubernetesResource body = Serialization.generic(apply);
      call(
          key,
          "apply",
          () ->
              client
                  .genericKubernetesResources(ELASTICSEARCH)
                  .inNamespace(key.namespace())
                  .resource(body)
                  .fieldManager(fieldManager)
                  .forceConflicts()
                  .serverSideApply());
    }
    return change(K8sNames.ES_KIND, key, ChangeAction.UPDATED);
  }

  /**
   * A JSON patch (RFC 6902) from one view to the other, replacing whole top-level spec fields
   * and single annotations, guarded by a test of the resource version (optimistic locking). JSON
   * merge patch would do, but the mock server merges lists instead of replacing them. Not
   * zjsonpatch's {@code JsonDiff}: it descends into {@code nodeSets}, {@code remoteClusters} and
   * {@code secureSettings}, which ECK's CRD declares atomic, and writes index-based operations on
   * them that would race with the user's own edits; here a changed top-level field is replaced
   * whole, under the resource-version test (docs/k8s.md).
   */
  private static ArrayNode jsonPatch(ObjectNode live, ObjectNode from, ObjectNode to) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode ops = f.arrayNode();
    JsonNode version = live.path("metadata").path("resourceVersion");
    if (version.isTextual()) {
      ops.addObject().put("op", "test").put("path", "/metadata/resourceVersion").set("value", version);
    }
    ObjectNode fromAnn = (ObjectNode) from.path("metadata").path("annotations");
    ObjectNode toAnn = (ObjectNode) to.path("metadata").path("annotations");
    if (!live.path("metadata").path("annotations").isObject()) {
      if (!toAnn.isEmpty()) {
        ops.addObject().put("op", "add").put("path", "/metadata/annotations").set("value", toAnn);
      }
    } else {
      diffFields(ops, "/metadata/annotations/", fromAnn, toAnn);
    }
    ObjectNode fromLabels = (ObjectNode) from.path("metadata").path("labels");
    ObjectNode toLabels = (ObjectNode) to.path("metadata").path("labels");
    if (!fromLabels.equals(toLabels)) {
      if (!live.path("metadata").path("labels").isObject()) {
        ops.addObject().put("op", "add").put("path", "/metadata/labels").set("value", toLabels);
      } else {
        diffFields(ops, "/metadata/labels/", fromLabels, toLabels);
      }
    }
    if (!live.path("spec").isObject()) {
      ops.addObject().put("op", "add").put("path", "/spec").set("value", to.path("spec"));
    } else {
      diffFields(ops, "/spec/", (ObjectNode) from.path("spec"), (ObjectNode) to.path("spec"));
    }
    return ops;
  }

  private static void diffFields(ArrayNode ops, String prefix, ObjectNode from, ObjectNode to) {
    Set<String> keys = new java.util.TreeSet<>();
    from.fieldNames().forEachRemaining(keys::add);
    to.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      String path = prefix + k.replace("~", "~0").replace("/", "~1");
      JsonNode a = from.get(k);
      JsonNode b = to.get(k);
      if (b == null) {
        ops.addObject().put("op", "remove").put("path", path);
      } else if (a == null) {
        ops.addObject().put("op", "add").put("path", path).set("value", b);
      } else if (!a.equals(b)) {
        ops.addObject().put("op", "replace").put("path", path).set("value", b);
      }
    }
  }

  /** Whether the adapter's annotations on {@code o} say it owns something in a spec field. */
  private static boolean owns(String field, ObjectNode o) {
    JsonNode ann = o.path("metadata").path("annotations");
    Set<String> tokens = K8sNames.splitAliases(ann.path(K8sNames.OUR_OWNED_FIELDS).asText(null));
    switch (field) {
      case "remoteClusters":
        return !K8sNames.splitAliases(ann.path(K8sNames.OUR_MANAGED_REMOTE_CLUSTERS).asText(null))
            .isEmpty();
      case "nodeSets":
        return tokens.stream().anyMatch(t -> t.startsWith(EsMerger.CONFIG) || t.equals(EsMerger.VOLUME));
      case "secureSettings":
        return tokens.contains(EsMerger.SECURE_SETTINGS);
      default:
        return tokens.stream().anyMatch(t -> t.startsWith("spec." + field + "."));
    }
  }

  private static ObjectNode esView(ObjectNode o) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    JsonNode ann = o.path("metadata").path("annotations");
    ObjectNode meta = v.putObject("metadata");
    meta.set("annotations", ann.isObject() ? ann.deepCopy() : JsonNodeFactory.instance.objectNode());
    // only our label (the StackConfigPolicy's selector); the user's labels are not compared
    JsonNode label = o.path("metadata").path("labels").get(K8sNames.LABEL_FOR_CLUSTER);
    ObjectNode labels = meta.putObject("labels");
    if (label != null) {
      labels.set(K8sNames.LABEL_FOR_CLUSTER, label);
    }
    JsonNode spec = o.path("spec");
    v.set("spec", spec.isObject() ? spec.deepCopy() : JsonNodeFactory.instance.objectNode());
    return v;
  }

  /**
   * Creates or updates a resource the adapter owns.
   *
   * @param r the wanted resource
   * @return what was done
   * @throws OwnershipConflict when a resource of that name exists without our label
   */
  public ResourceChange applyOwned(HasMetadata r) {
    String what = describe(r);
    @SuppressWarnings("unchecked")
    Resource<HasMetadata> res =
        r instanceof GenericKubernetesResource && EckFeatureNames.SCP_KIND.equals(r.getKind())
            ? (Resource<HasMetadata>) (Resource<?>) client.genericKubernetesResources(STACK_CONFIG_POLICY)
                .inNamespace(r.getMetadata().getNamespace()).resource((GenericKubernetesResource) r)
            : client.resource(r);
    HasMetadata live = call(what, "get", res::get);
    if (live == null) {
      if (mode == ApplyMode.CREATE_OR_PATCH) {
        call(what, "create", res::create);
      } else {
        call(what, "apply", () -> res.fieldManager(fieldManager).forceConflicts().serverSideApply());
      }
      return change(r, ChangeAction.CREATED);
    }
    if (!isOurs(live)) {
      throw new OwnershipConflict(
          what + " exists but is not managed by remote-clusters (no label "
              + K8sNames.LABEL_MANAGED_BY + "=" + K8sNames.MANAGED_BY + "); it is left alone");
    }
    ObjectNode want = Serialization.tree(r);
    ObjectNode have = Serialization.tree(live);
    if (covers(have, want) && have.path("data").equals(want.path("data"))) {
      // fields the API server adds (clusterIP, nodePort, ...) do not count as a difference
      return change(r, ChangeAction.UNCHANGED);
    }
    ObjectNode patch = EsMerger.mergePatch(restrict(have, want, Set.of("data")), want);
    if (mode == ApplyMode.CREATE_OR_PATCH) {
      String body = patch.toString();
      call(what, "patch", () -> res.patch(PatchContext.of(PatchType.JSON_MERGE), body));
    } else {
      call(what, "apply", () -> res.fieldManager(fieldManager).forceConflicts().serverSideApply());
    }
    return change(r, ChangeAction.UPDATED);
  }

  /** Whether every value of {@code want} is in {@code have} (lists element by element). */
  static boolean covers(JsonNode have, JsonNode want) {
    if (want.isObject()) {
      if (!have.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : want.properties()) {
        JsonNode h = have.get(e.getKey());
        if (h == null || !covers(h, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!covers(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    return want.equals(have) || (want.isValueNode() && have.isValueNode()
        && want.asText().equals(have.asText()));
  }

  /** The parts of {@code have} that {@code want} speaks about (whole for {@code full} keys). */
  private static ObjectNode restrict(ObjectNode have, ObjectNode want, Set<String> full) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = want.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode h = have.get(e.getKey());
      if (h == null) {
        continue;
      }
      if (h instanceof ObjectNode && e.getValue() instanceof ObjectNode && !full.contains(e.getKey())) {
        out.set(e.getKey(), restrict((ObjectNode) h, (ObjectNode) e.getValue(), full));
      } else {
        out.set(e.getKey(), h);
      }
    }
    return out;
  }

  /**
   * Deletes the Secrets, ConfigMaps and Services this adapter made for a cluster that are not in
   * {@code keep}.
   *
   * @param key the cluster
   * @param keep names to keep, as {@code Kind/name}
   * @return the deletions
   */
  public List<ResourceChange> deleteStale(EsKey key, Set<String> keep) {
    Map<String, String> labels = OwnedResources.labels(key.name());
    List<HasMetadata> found = new ArrayList<>();
    String ns = key.namespace();
    found.addAll(call("Secret " + ns, "list", () -> client.secrets().inNamespace(ns).withLabels(labels).list().getItems()));
    found.addAll(call("ConfigMap " + ns, "list", () -> client.configMaps().inNamespace(ns).withLabels(labels).list().getItems()));
    found.addAll(call("Service " + ns, "list", () -> client.services().inNamespace(ns).withLabels(labels).list().getItems()));
    found.addAll(stackConfigPolicies(ns, labels));
    List<ResourceChange> out = new ArrayList<>();
    for (HasMetadata r : found) {
      if (!keep.contains(r.getKind() + "/" + r.getMetadata().getName())) {
        call(describe(r), "delete", () -> r instanceof GenericKubernetesResource
            ? client.genericKubernetesResources(STACK_CONFIG_POLICY).inNamespace(ns)
                .resource((GenericKubernetesResource) r).delete()
            : client.resource(r).delete());
        out.add(change(r, ChangeAction.DELETED));
      }
    }
    return out;
  }

  /** Our StackConfigPolicies; none when ECK's CRD is not installed. */
  private List<HasMetadata> stackConfigPolicies(String ns, Map<String, String> labels) {
    try {
      return new ArrayList<>(
          client.genericKubernetesResources(STACK_CONFIG_POLICY)
              .inNamespace(ns).withLabels(labels).list().getItems());
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      return call("StackConfigPolicy " + ns, "list", () -> {
        throw e;
      });
    }
  }

  private static boolean isOurs(HasMetadata r) {
    Map<String, String> l = r.getMetadata().getLabels();
    return l != null && K8sNames.MANAGED_BY.equals(l.get(K8sNames.LABEL_MANAGED_BY));
  }

  private Resource<GenericKubernetesResource> esResource(EsKey key) {
    return client
        .genericKubernetesResources(ELASTICSEARCH)
        .inNamespace(key.namespace())
        .withName(key.name());
  }

  /** {@return {@code Kind namespace/name}} @param r the resource */
  public static String describe(HasMetadata r) {
    return r.getKind() + " " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  private static ResourceChange change(HasMetadata r, ChangeAction a) {
    return new ResourceChange(r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName(), a);
  }

  private static ResourceChange change(String kind, EsKey key, ChangeAction a) {
    return new ResourceChange(kind, key.namespace(), key.name(), a);
  }

  private static <T> T call(EsKey key, String step, java.util.function.Supplier<T> s) {
    return call(K8sNames.ES_KIND + " " + key, step, s);
  }

  private static <T> T call(String what, String step, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (KubernetesClientException e) {
      throw new K8sAdapterException(what, step, e.getCode(), e);
    }
  }

  /** A resource of the name the adapter wants exists and is not the adapter's. */
  public static final class OwnershipConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what conflicts
     */
    public OwnershipConflict(String message) {
      super(message);
    }
  }
}
