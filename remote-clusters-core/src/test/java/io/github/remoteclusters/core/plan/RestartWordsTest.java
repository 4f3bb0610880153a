package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.internal.Restarts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 item 5: in every plan, a step's words and its {@code restartsNodes} flag agree. The
 * flag follows ECK: a pod template or config change restarts (ECK rolls the StatefulSets), the
 * contents of the {@code certificateAuthorities} ConfigMap, keystore reloads and dynamic settings
 * do not (ECK's {@code pkg/controller/elasticsearch/certificates/transport/trust.go} writes those
 * CAs into the transport certificate Secrets the pods already mount; Elasticsearch reloads CA
 * files: "Elasticsearch monitors the SSL resources for updates", Elastic docs, security settings,
 * SSL files).
 */
class RestartWordsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "enable the remote cluster server (rolling restart)|true",
        "restart the nodes one at a time|true",
        "the CA files are reloaded: no restart|false",
        "a new or rotated key needs no restart|false",
        "reload the keystore so that it takes effect without a restart|false",
        "later key changes restart nothing|false",
        "kubectl create configmap remote-ca|false"
      })
  void wordsThatAnnounceOrDenyARestart(String text, boolean restart) {
    assertThat(Restarts.wordsSayRestart(text)).isEqualTo(restart);
  }

  static Stream<Path> examples() throws IOException {
    return ExamplesTest.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExamplePlanSaysWhatItsFlagsSay(Path file) {
    TopologyReadResult read = TopologyReader.read(file);
    assertThat(disagreements(file.toString(), read.orElseThrow())).isEmpty();
  }

  @Test
  void everyGeneratedPlanSaysWhatItsFlagsSay() {
    List<String> wrong = new ArrayList<>();
    for (GeneratedTopologies.Generated g : GeneratedTopologies.generate(1900, 400)) {
      wrong.addAll(disagreements(g.toString(), g.topology()));
    }
    assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
  }

  /** Steps whose words and flag disagree, as readable lines. */
  static List<String> disagreements(String source, Topology topology) {
    List<String> out = new ArrayList<>();
    TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
    for (PlanResult r : plan.links()) {
      if (!(r instanceof PlanResult.Planned)) {
        continue;
      }
      List<PlanStep> steps = ((PlanResult.Planned) r).plan().steps();
      for (int i = 0; i < steps.size(); i++) {
        PlanStep s = steps.get(i);
        String words = wordsOf(s);
        if (Restarts.wordsSayRestart(words) != s.restartsNodes()) {
          out.add(source + " links[" + r.index() + "] step " + (i + 1) + " " + s.action() + " on "
              + s.target() + ": restartsNodes " + s.restartsNodes() + " but the words say "
              + (s.restartsNodes() ? "no restart" : "a restart") + ": " + words);
        }
      }
    }
    return out;
  }

  static String wordsOf(PlanStep s) {
    StringBuilder words = new StringBuilder(s.description());
    if (s instanceof ManualStep) {
      ((ManualStep) s).instructions().forEach(l -> words.append(" | ").append(l));
    }
    return words.toString();
  }
}
