package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema names exactly the keys the reader accepts. */
class TopologySchemaTest {

  static JsonNode schema() throws Exception {
    try (InputStream in = TopologyReader.class.getResourceAsStream(TopologyReader.SCHEMA_RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }

  static List<String> keys(JsonNode properties) {
    List<String> out = new ArrayList<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static List<Problem> unknownKeys(String yaml) {
    TopologyReadResult r = TopologyReader.parse(yaml);
    return r.problems().stream().filter(p -> p.code() == ProblemCode.UNKNOWN_KEY).toList();
  }

  @Test
  void everySchemaKeyIsKnownToTheReader() throws Exception {
    JsonNode s = schema();
    for (String key : keys(s.at("/$defs/cluster/properties"))) {
      assertThat(unknownKeys("clusters:\n  - {name: a, version: \"9.1.0\", deployment: eck, "
          + key + ": null}\n")).as(key).isEmpty();
    }
    for (String key : keys(s.at("/$defs/cluster/properties/eck/properties"))) {
      assertThat(unknownKeys("clusters:\n  - {name: a, version: \"9.1.0\", deployment: eck, eck: {"
          + key + ": null}}\n")).as(key).isEmpty();
    }
    for (String key : keys(s.at("/$defs/link/properties"))) {
      assertThat(unknownKeys("clusters: []\nlinks:\n  - {local: a, remote: b, alias: c, " + key
          + ": null}\n")).as(key).isEmpty();
    }
    for (String key : keys(s.at("/$defs/link/properties/transport/properties"))) {
      assertThat(unknownKeys("clusters: []\nlinks:\n  - {local: a, remote: b, alias: c, transport: {"
          + key + ": null}}\n")).as(key).isEmpty();
    }
    for (String key : keys(s.at("/properties"))) {
      assertThat(unknownKeys("clusters: []\n" + (key.equals("clusters") ? "" : "\"" + key + "\": null\n")))
          .as(key).isEmpty();
    }
  }

  @Test
  void schemaForbidsWhatTheReaderForbids() throws Exception {
    JsonNode s = schema();
    assertThat(s.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(s.at("/$defs/cluster/additionalProperties").asBoolean(true)).isFalse();
    assertThat(s.at("/$defs/link/additionalProperties").asBoolean(true)).isFalse();
    assertThat(keys(s.at("/$defs/cluster/properties"))).hasSize(17);
    assertThat(keys(s.at("/$defs/link/properties"))).hasSize(13);
    assertThat(unknownKeys("clusters: []\nlinks:\n  - {local: a, remote: b, alias: c, nope: 1}\n"))
        .singleElement().extracting(Problem::path).isEqualTo("links[0].nope");
  }
}
