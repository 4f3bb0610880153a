package io.github.remoteclusters.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * ECK's {@code Elasticsearch} v1 CRD schema (the {@code openAPIV3Schema} of ECK's published CRD,
 * pod templates trimmed; copied from {@code ../shared/spec/eck-elasticsearch-v1.schema.json} into
 * the test resources) as a JSON Schema validator.
 *
 * <p>Like {@code kubectl apply} with its default strict field validation, an object whose schema
 * lists {@code properties} rejects fields it does not list, unless the schema says {@code
 * x-kubernetes-preserve-unknown-fields} (nodeSet {@code config}, {@code podTemplate}).
 */
final class EckCrdSchema {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Schema SCHEMA = load(false);
  private static final Schema SCHEMA_32 = load(true);

  private EckCrdSchema() {}

  /**
   * The schema; for ECK 3.2 without {@code spec.remoteClusterServer.service}, which ECK 3.3 added
   * (ECK PR #8892: the 3.2.0 CRD's {@code remoteClusterServer} has only {@code enabled}).
   */
  private static Schema load(boolean eck32) {
    try (InputStream in = EckCrdSchema.class.getResourceAsStream("/eck/eck-elasticsearch-v1.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("eck/eck-elasticsearch-v1.schema.json is not on the test class path");
      }
      JsonNode schema = MAPPER.readTree(in).get("schema");
      if (eck32) {
        ((ObjectNode) schema.at("/properties/spec/properties/remoteClusterServer/properties"))
            .remove("service");
      }
      strict(schema);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(MAPPER.writeValueAsString(schema), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes every object schema that lists properties and does not preserve unknown fields. */
  private static void strict(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      if (o.has("properties")
          && !o.has("additionalProperties")
          && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
          && !o.has("x-kubernetes-embedded-resource")) {
        o.put("additionalProperties", false);
      }
    }
    node.forEach(EckCrdSchema::strict);
  }

  /**
   * The schema errors of an {@code Elasticsearch} resource.
   *
   * @param resource the resource
   * @return the messages, each naming the field; empty when valid
   */
  static List<String> errors(HasMetadata resource) {
    try {
      return errors(MAPPER.writeValueAsString(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The schema errors of an {@code Elasticsearch} resource given as JSON.
   *
   * @param json the resource
   * @return the messages; empty when valid
   */
  static List<String> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /**
   * The schema errors of an {@code Elasticsearch} resource given as JSON, against the shape of
   * ECK 3.2's CRD.
   *
   * @param json the resource
   * @return the messages; empty when valid
   */
  static List<String> errors32(String json) {
    return SCHEMA_32.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }
}
