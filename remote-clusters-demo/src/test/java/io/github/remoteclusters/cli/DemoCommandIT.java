package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on its default, the API-key model: two secured nodes with TLS and a remote
 * cluster server, plan, apply by the reconciler (key created, stored in the keystore, reloaded),
 * cross-cluster search as a user holding only the planned role, status with credentials.
 */
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
        .contains("remote cluster server 127.0.0.1:")
        .contains("POST /_security/cross_cluster/api_key")
        .contains("local: applied (reads 3, writes 3)")
        .contains("again: in_place (writes 0)")
        .contains("as user demo-reader, who holds only the planned role remote-remote")
        .contains("hit remote:demo/1")
        .contains("local/remote: connected (sniff 127.0.0.1:")
        .contains("cluster_credentials set, owned")
        .contains("demo OK");
  }

  @Test
  void anUnknownSecurityModelIsUnusableInput() {
    StringWriter err = new StringWriter();
    int code = DemoCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo",
        "--security", "kerberos");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--security [kerberos] is invalid");
  }

  @Test
  void otherCommandsStillWork() {
    StringWriter out = new StringWriter();
    int code = DemoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "compat",
        "8.19.0", "9.5.0");
    assertThat(code).isZero();
  }
}
