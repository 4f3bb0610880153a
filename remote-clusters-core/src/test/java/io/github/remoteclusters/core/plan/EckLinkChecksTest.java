package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the ECK adapter used to make itself, now the planner's (issue 18 item 1): a link between
 * two cluster names that are one ECK resource, and the length of the key name ECK makes.
 */
class EckLinkChecksTest {

  private static String topology(String localEck, String remoteEck, String alias) {
    return """
        clusters:
          - {name: a, version: "9.1.5", deployment: eck, license: enterprise, eck: %s}
          - {name: b, version: "9.1.5", deployment: eck, license: enterprise, eck: %s}
        links:
          - {local: a, remote: b, alias: %s, security: api-key,
             access: {search: [{names: ["logs-*"]}]}}
        """.formatted(localEck, remoteEck, alias);
  }

  @Test
  void twoClusterNamesOfOneEckResourceAreASelfLink() {
    List<Problem> problems =
        Plans.rejected(topology("{name: logs, namespace: ns}", "{name: logs, namespace: ns}", "x"));
    assertThat(problems).filteredOn(p -> p.code() == ProblemCode.SELF_LINK)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("link [x]").contains("ns/logs"));
  }

  @Test
  void sameNameInAnotherNamespaceIsNoSelfLink() {
    Plan p = Plans.plan(topology("{name: logs, namespace: ns}", "{name: logs, namespace: other}",
        "x"));
    assertThat(p.alias()).isEqualTo("x");
  }

  @Test
  void theKeyNameEckMakesIsAtMost256Characters() {
    String alias = "a".repeat(256 - "eck-ns-logs-".length());
    Plans.plan(topology("{name: logs, namespace: ns}", "{name: m, namespace: ns}", alias));
    List<Problem> problems = Plans.rejected(
        topology("{name: logs, namespace: ns}", "{name: m, namespace: ns}", alias + "b"));
    assertThat(problems).filteredOn(p -> p.code() == ProblemCode.INVALID_VALUE)
        .singleElement()
        .satisfies(p -> assertThat(p.message())
            .contains("257 characters long: api key name may not be more than 256"));
  }
}
