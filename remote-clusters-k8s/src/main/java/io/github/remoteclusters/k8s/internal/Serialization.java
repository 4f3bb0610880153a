package io.github.remoteclusters.k8s.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.UncheckedIOException;
import java.util.List;

/** Conversions between fabric8 objects, Jackson trees, YAML and JSON. */
public final class Serialization {

  /**
   * Plain Jackson: the fabric8 model classes carry their Jackson annotations, and fabric8's own
   * {@code KubernetesSerialization} would start SLF4J (a warning on standard error of the CLI).
   */
  private static final ObjectMapper K8S = new ObjectMapper();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  private Serialization() {}

  /** {@return the tree of a fabric8 object} @param resource the object */
  public static ObjectNode tree(Object resource) {
    return K8S.convertValue(resource, ObjectNode.class);
  }

  /** {@return a JSON value as plain Java values (maps, lists, strings, numbers)} @param value the value */
  public static Object plain(com.fasterxml.jackson.databind.JsonNode value) {
    return K8S.convertValue(value, Object.class);
  }

  /**
   * The JSON tree of a text the security module or the core wrote (an access, a body).
   *
   * @param json the text
   * @return the tree
   */
  public static JsonNode parse(String json) {
    try {
      return K8S.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return a generic resource from a tree} @param tree the tree */
  public static GenericKubernetesResource generic(ObjectNode tree) {
    return K8S.convertValue(tree, GenericKubernetesResource.class);
  }

  /**
   * Multi-document YAML, one document per resource, each starting with {@code ---}.
   *
   * @param resources the resources
   * @return the YAML
   */
  public static String yaml(List<? extends HasMetadata> resources) {
    StringBuilder sb = new StringBuilder();
    try {
      for (HasMetadata r : resources) {
        sb.append("---\n").append(YAML.writeValueAsString(tree(r)));
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  /**
   * One JSON document: a Kubernetes {@code v1 List} of the resources.
   *
   * @param resources the resources
   * @return the JSON text
   */
  public static String json(List<? extends HasMetadata> resources) {
    ObjectNode list = JSON.createObjectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    resources.forEach(r -> items.add(tree(r)));
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
