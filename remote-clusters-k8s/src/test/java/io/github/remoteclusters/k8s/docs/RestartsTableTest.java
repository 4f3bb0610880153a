package io.github.remoteclusters.k8s.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table "Rolling restarts per operation" of docs/k8s.md is filled from the plans themselves:
 * for every docs scenario, the number of steps with {@code "restartsNodes": true} per side.
 */
class RestartsTableTest {

  private static final Path DOC = Path.of("..", "docs", "k8s.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| [^|]+ \\| `([^`]+)` \\| (\\d+) \\| (\\d+) \\|.*$");

  @TempDir Path dir;

  /** Restarts per side in a scenario's plan: {local, remote}. */
  private int[] restarts(DocsScenario s) throws Exception {
    Path d = Files.createTempDirectory(dir, "s");
    Topology t = DocsScenariosTest.read(s, d);
    JsonNode link = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(PlanFormatter.toJson(RemoteClusterPlanner.create().plan(t))).path("links").get(0);
    int[] out = new int[2];
    for (JsonNode step : link.path("steps")) {
      assertThat(step.has("restartsNodes")).as(step.toString()).isTrue();
      // the step's words and its flag agree (issue 19 item 5)
      StringBuilder words = new StringBuilder(step.path("description").asText());
      step.path("instructions").forEach(l -> words.append(" | ").append(l.asText()));
      assertThat(io.github.remoteclusters.core.internal.Restarts.wordsSayRestart(words.toString()))
          .as("%s: %s", s, words).isEqualTo(step.path("restartsNodes").asBoolean());
      if (step.path("restartsNodes").asBoolean()) {
        out[step.path("target").asText().equals("local") ? 0 : 1]++;
      }
    }
    return out;
  }

  @Test
  void theTableOfRestartsIsThePlansOwn() throws Exception {
    Map<String, int[]> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOC)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        table.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
      }
    }
    List<String> wrong = new ArrayList<>();
    List<DocsScenario> all = DocsScenariosTest.scenarios().toList();
    for (DocsScenario s : all) {
      int[] plan = restarts(s);
      int[] doc = table.get(s.toString());
      if (doc == null) {
        wrong.add("no row for `" + s + "` | " + plan[0] + " | " + plan[1] + " |");
      } else if (doc[0] != plan[0] || doc[1] != plan[1]) {
        wrong.add("`" + s + "`: the table says " + doc[0] + " | " + doc[1] + ", the plan "
            + plan[0] + " | " + plan[1]);
      }
    }
    assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    assertThat(table).as("rows of the table").hasSize(all.size());
  }
}
