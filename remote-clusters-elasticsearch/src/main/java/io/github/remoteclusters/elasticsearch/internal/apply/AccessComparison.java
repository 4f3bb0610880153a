package io.github.remoteclusters.elasticsearch.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether what Elasticsearch stores (a cross-cluster API key's {@code access}, a role) already
 * says what the plan asks for, so that a reconcile writes only on a real difference. Not API.
 *
 * <p>Elasticsearch echoes a document with its defaults filled in ({@code allow_restricted_indices:
 * false}, empty lists for absent privileges) and may reorder lists of names; those differences do
 * not count.
 */
final class AccessComparison {

  private AccessComparison() {}

  /**
   * Whether every field of the desired document has the same meaning in the stored one.
   *
   * @param desired the plan's body (fields it does not name are not compared)
   * @param stored what Elasticsearch returned, or null when there is nothing
   * @param alwaysCompared fields compared even when the plan does not name them
   * @return true when nothing needs writing
   */
  static boolean same(JsonNode desired, JsonNode stored, String... alwaysCompared) {
    if (stored == null || !desired.isObject()) {
      return false;
    }
    java.util.Set<String> fields = new java.util.TreeSet<>(List.of(alwaysCompared));
    desired.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode mine = canonical(desired.get(field));
      JsonNode theirs = canonical(stored.get(field));
      if (!mine.equals(theirs)) {
        return false;
      }
    }
    return true;
  }

  /** Defaults dropped, single names made lists, lists of texts sorted, empties removed. */
  static JsonNode canonical(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node == null || node.isNull()) {
      return f.arrayNode();
    }
    if (node.isObject()) {
      ObjectNode out = f.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (k.equals("allow_restricted_indices") && !v.asBoolean(true)) {
          continue;
        }
        if (k.equals("names") || k.equals("clusters") || k.equals("privileges")) {
          v = v.isArray() ? v : f.arrayNode().add(v);
        }
        JsonNode c = canonical(v);
        if ((c.isArray() || c.isObject()) && c.isEmpty()) {
          continue;
        }
        out.set(k, c);
      }
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(i -> items.add(canonical(i)));
      if (items.stream().allMatch(JsonNode::isTextual)) {
        items.sort(Comparator.comparing(JsonNode::asText));
      } else {
        items.sort(Comparator.comparing(JsonNode::toString));
      }
      ArrayNode out = f.arrayNode();
      items.forEach(out::add);
      return out;
    }
    return node;
  }
}
