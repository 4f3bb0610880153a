package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end: two real nodes, plan, apply, cross-cluster search, status. */
class DemoCommandIT {

  @TempDir Path dir;

  @Test
  void demoFindsTheRemoteDocumentFromTheLocalCluster() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DemoCli.run(new PrintWriter(out), new PrintWriter(err), "demo", "--dir",
        dir.toString());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("local: applied (reads 2, writes 1)")
        .contains("again: in_place (writes 0)")
        .contains("hit remote:demo/1")
        .contains("local/remote: connected (sniff 127.0.0.1:")
        .contains("demo OK");
  }

  @Test
  void otherCommandsStillWork() {
    StringWriter out = new StringWriter();
    int code = DemoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "compat",
        "8.19.0", "9.5.0");
    assertThat(code).isZero();
  }
}
