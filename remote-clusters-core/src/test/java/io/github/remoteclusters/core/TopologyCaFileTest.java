package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster's {@code caFile}: relative to the topology file, checked to be a PEM certificate. */
class TopologyCaFileTest {

  @TempDir Path dir;

  private Path topology(String caFile) throws IOException {
    Path file = dir.resolve("conf/topology.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "clusters:\n"
        + "  - {name: a, version: \"9.5.3\", deployment: self-managed, url: \"https://a:9200\","
        + " caFile: \"" + caFile + "\"}\n");
    return file;
  }

  @Test
  void aRelativeCaFileIsReadFromTheTopologyFilesFolder() throws IOException {
    Path ca = dir.resolve("conf/certs/ca.crt");
    Files.createDirectories(ca.getParent());
    Files.writeString(ca, Pem.writeCertificates(
        List.of(Certificates.createCa(CaRequest.of("test CA")).certificate())));
    TopologyReadResult r = TopologyReader.read(topology("certs/ca.crt"));
    assertThat(r).isInstanceOf(TopologyReadResult.Loaded.class);
    Cluster a = ((TopologyReadResult.Loaded) r).topology().clusters().get(0);
    assertThat(a.caFile()).isEqualTo(ca.toAbsolutePath().normalize());
    assertThat(a.toString()).contains("caFile=");
  }

  @Test
  void aMissingCaFileIsAProblemAtItsPath() throws IOException {
    TopologyReadResult r = TopologyReader.read(topology("nope.crt"));
    assertThat(r).isInstanceOfSatisfying(TopologyReadResult.Failed.class, f -> {
      assertThat(f.problems()).hasSize(1);
      Problem p = f.problems().get(0);
      assertThat(p.path()).isEqualTo("clusters[0].caFile");
      assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
      assertThat(p.message()).contains("nope.crt").contains("does not exist");
    });
  }

  @Test
  void aFileThatIsNotPemIsAProblem() throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/key.pem"), "-----BEGIN NOTHING-----\n");
    TopologyReadResult r = TopologyReader.read(topology("key.pem"));
    assertThat(r).isInstanceOfSatisfying(TopologyReadResult.Failed.class, f ->
        assertThat(f.problems().get(0).message()).contains("is not a PEM certificate file"));
  }
}
