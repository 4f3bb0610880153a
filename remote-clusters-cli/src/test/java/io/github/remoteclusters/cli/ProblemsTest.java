package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  static List<String> print(List<Problem> problems) {
    StringWriter w = new StringWriter();
    try (PrintWriter err = new PrintWriter(w)) {
      Problems.print(err, problems);
    }
    return w.toString().lines().toList();
  }

  @Test
  void oneWarningPerLinkForAThousandLinksIsOneLineWithTheCountAndTheFirstPaths() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      problems.add(new Problem(ProblemCode.SECURITY_DISABLED, "links[" + i + "].security",
          "security [none]: for development only"));
    }
    problems.add(new Problem(ProblemCode.SECURITY_DEPRECATED, "links[7].security", "other"));
    assertThat(print(problems)).containsExactly(
        "warning SECURITY_DISABLED at links[0].security, links[1].security, links[2].security"
            + " and 1997 more (2000 in all): security [none]: for development only",
        "warning SECURITY_DEPRECATED at links[7].security: other");
  }

  @Test
  void fewWarningsAndEveryErrorArePrintedOneByOne() {
    List<Problem> problems = List.of(
        new Problem(ProblemCode.SECURITY_DISABLED, "links[0].security", "m"),
        new Problem(ProblemCode.SECURITY_DISABLED, "links[1].security", "m"),
        new Problem(ProblemCode.SECURITY_DISABLED, "links[2].security", "m"));
    assertThat(print(problems)).hasSize(3);
  }
}
