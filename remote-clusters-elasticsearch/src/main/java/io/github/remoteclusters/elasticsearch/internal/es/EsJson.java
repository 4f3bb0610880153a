package io.github.remoteclusters.elasticsearch.internal.es;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.util.Locale;

/**
 * The applier's JSON: the JSON text core's API gives (request bodies of {@code StepEncoder},
 * access of {@code CrossClusterAccess}) as trees, and the words of its own file errors. Not API.
 */
public final class EsJson {

  /** Strict JSON: a duplicate key is an error, as in Elasticsearch. */
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private EsJson() {}

  /** {@return a new empty object} */
  public static ObjectNode object() {
    return JSON.getNodeFactory().objectNode();
  }

  /**
   * The tree of JSON text that core wrote.
   *
   * @param text the text, or null
   * @return the tree, or null for null
   */
  public static JsonNode tree(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("core wrote JSON that does not parse", e);
    }
  }

  /**
   * The JSON of an access value, as Elasticsearch takes it.
   *
   * @param access the value
   * @return a new object node
   */
  public static ObjectNode access(CrossClusterAccess access) {
    return (ObjectNode) tree(access.toJson());
  }

  /**
   * A tree as compact text.
   *
   * @param node the tree
   * @return the text
   */
  public static String compact(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /**
   * Where and what a parse error is, in one line.
   *
   * @param e the error
   * @return {@code line L, column C: message}
   */
  public static String describe(JsonProcessingException e) {
    var loc = e.getLocation();
    String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    String message = e.getOriginalMessage();
    return where + (message == null ? "malformed input" : message.strip().lines().findFirst().orElse("malformed input"));
  }

  /**
   * The path of the value a parse error stopped in, such as {@code a.b[2]}.
   *
   * @param e the error
   * @return the path, empty at the root
   */
  public static String pathOf(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    if (e.getProcessor() instanceof JsonParser parser) {
      build(parser.getParsingContext(), out);
    }
    return out.toString();
  }

  private static void build(JsonStreamContext ctx, StringBuilder out) {
    if (ctx == null || ctx.inRoot()) {
      return;
    }
    build(ctx.getParent(), out);
    if (ctx.inArray()) {
      out.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
    } else if (ctx.getCurrentName() != null) {
      out.append(out.length() > 0 ? "." : "").append(ctx.getCurrentName());
    }
  }

  /**
   * A value's kind in words.
   *
   * @param node the value, or null
   * @return {@code an object}, {@code a list}, {@code a string}, ... or {@code nothing}
   */
  public static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list";
    } else if (node.isObject()) {
      return "an object";
    } else if (node.isTextual()) {
      return "a string";
    } else if (node.isNumber()) {
      return "a number";
    } else if (node.isBoolean()) {
      return "a boolean";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
