package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Shared Jackson set-up: strict duplicate detection, YAML or JSON by content. Not API. */
public final class Json {

  /** JSON mapper that rejects duplicate keys. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** YAML mapper that rejects duplicate keys. */
  public static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Node factory. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Parses JSON when the text starts with '{' or '[', YAML otherwise. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    JsonNode node = (json ? JSON : YAML).readTree(text);
    return node == null ? NODES.missingNode() : node;
  }

  /** Renders a parse error as "line L, column C: message" with the path where it happened. */
  public static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException) {
      return describe((MarkedYAMLException) e.getCause());
    }
    var loc = e.getLocation();
    String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    return where + firstLine(e.getOriginalMessage());
  }

  /**
   * One line for a YAML parser error: where and what, without SnakeYAML's excerpt, caret and
   * {@code in 'reader'} lines: {@code line 3, column 4: expected <block end>, but found '<block
   * mapping start>' (while parsing a block collection)}.
   */
  public static String describe(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String where =
        mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
    String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
    return where + problem + context;
  }

  /** A message's first line, without SnakeYAML's {@code in 'reader'} position. */
  public static String firstLine(String message) {
    if (message == null) {
      return "malformed input";
    }
    String line = message.strip().lines().findFirst().orElse("malformed input");
    int reader = line.indexOf(" in 'reader'");
    return reader > 0 ? line.substring(0, reader) : line;
  }

  /** The path (a.b[2].c) where the parser was when it failed, or "". */
  public static String pathOf(JsonProcessingException e) {
    Object processor = e.getProcessor();
    if (!(processor instanceof JsonParser)) {
      return "";
    }
    return pathOf(((JsonParser) processor).getParsingContext());
  }

  /** The path (a.b[2].c) of a parser context, or "" at the root. */
  public static String pathOf(JsonStreamContext ctx) {
    StringBuilder out = new StringBuilder();
    build(ctx, out);
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
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(ctx.getCurrentName());
    }
  }

  /** Pretty JSON text. */
  public static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /** Compact JSON text. */
  public static String compact(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  /** The JSON type name of a node, for messages. */
  public static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case ARRAY:
        return "a list";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
