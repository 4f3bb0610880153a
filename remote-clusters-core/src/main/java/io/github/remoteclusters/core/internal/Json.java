package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
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

  /** JSON mapper that rejects duplicate keys and anything after the document ({@code {} x}). */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * The most characters (code points) read as YAML: SnakeYAML's own default limit, made explicit
   * and checked before parsing (SnakeYAML counts while it scans, which for one long value takes
   * minutes).
   */
  public static final int MAX_YAML_CODE_POINTS = 3 * 1024 * 1024;

  /**
   * The longest line read as YAML. No value of a topology or settings document comes near it;
   * SnakeYAML's time to scan one line grows with the square of its length (a 10 MB value takes
   * about a minute), so longer lines are refused before parsing.
   */
  public static final int MAX_YAML_LINE = 128 * 1024;

  /** YAML mapper that rejects duplicate keys, with explicit SnakeYAML limits. */
  public static final ObjectMapper YAML =
      YAMLMapper.builder(YAMLFactory.builder().loaderOptions(loaderOptions()).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(MAX_YAML_CODE_POINTS);
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(0);
    o.setNestingDepthLimit(100);
    return o;
  }

  /** Node factory. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * Parses JSON when the text starts with '{' or '[', YAML otherwise. YAML larger than {@link
   * #MAX_YAML_CODE_POINTS} or with a line longer than {@link #MAX_YAML_LINE} is refused before
   * parsing; JSON with anything after the document is refused.
   */
  public static JsonNode parse(String text) throws JsonProcessingException {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    if (!json) {
      checkYamlSize(text);
    }
    JsonNode node = (json ? JSON : YAML).readTree(text);
    return node == null ? NODES.missingNode() : node;
  }

  /**
   * Refuses YAML text that is too large, or has a line too long, to be parsed in reasonable time
   * and memory: a linear scan, before SnakeYAML sees it.
   *
   * @param text the text
   * @throws JsonProcessingException naming the line and the limit
   */
  public static void checkYamlSize(String text) throws JsonProcessingException {
    if (text.length() > MAX_YAML_CODE_POINTS
        && text.codePointCount(0, text.length()) > MAX_YAML_CODE_POINTS) {
      throw new JsonParseException(null, "the YAML input has "
          + text.codePointCount(0, text.length()) + " characters, more than "
          + MAX_YAML_CODE_POINTS + ", the most read as YAML (JSON is read up to 16 MiB)");
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_YAML_LINE) {
          throw new JsonParseException(null, "line " + line + " has " + (i - start)
              + " characters, more than " + MAX_YAML_LINE + ", the longest line read as YAML;"
              + " no value is that long",
              new JsonLocation(ContentReference.unknown(), -1L, start, line, 1));
        }
        line++;
        start = i + 1;
      }
    }
  }

  /** Renders a parse error as "line L, column C: message" with the path where it happened. */
  public static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException) {
      return describe((MarkedYAMLException) e.getCause());
    }
    var loc = e.getLocation();
    String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Trailing token")) {
      return where + "unexpected content after the end of the JSON document";
    }
    return where + firstLine(original);
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
