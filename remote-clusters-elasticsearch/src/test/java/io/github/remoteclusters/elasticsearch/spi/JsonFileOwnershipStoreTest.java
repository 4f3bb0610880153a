package io.github.remoteclusters.elasticsearch.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileOwnershipStoreTest {

  @TempDir Path dir;

  @Test
  void savesReadsAndForgetsAcrossInstances() throws IOException {
    Path file = dir.resolve("sub/owned.json");
    OwnershipStore a = OwnershipStore.jsonFile(file);
    assertThat(a.owned("x")).isEmpty();
    a.save("x", Set.of("b", "a"));
    a.save("y", Set.of("c"));
    assertThat(Files.readString(file)).contains("\"x\" : {").contains("\"a\" : {").contains("\"topology\" : \"\"");
    OwnershipStore b = OwnershipStore.jsonFile(file);
    assertThat(b.owned("x")).containsExactlyInAnyOrder("a", "b");
    b.save("x", Set.of());
    assertThat(OwnershipStore.jsonFile(file).owned("x")).isEmpty();
    assertThat(OwnershipStore.jsonFile(file).owned("y")).containsExactly("c");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("owned.json", "owned.json.lock");
    }
  }

  @Test
  void aDamagedFileIsReportedWithItsPath() throws IOException {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, "{\"clusters\": []}");
    assertThatThrownBy(() -> OwnershipStore.jsonFile(file).owned("x"))
        .hasMessageContaining(file.toString()).hasMessageContaining("invalid");
  }

  @Test
  void inMemoryStoreForgetsEmptySets() {
    OwnershipStore s = OwnershipStore.inMemory();
    s.save("x", Set.of("a"));
    assertThat(s.owned("x")).containsExactly("a");
    s.save("x", Set.of());
    assertThat(s.owned("x")).isEmpty();
  }

  @Test
  void endpointsRedactCredentialsAndTakeThemFromTheUrl() {
    ClusterEndpoint e = ClusterEndpoint.fromUrl("https://elastic:s3cret@es.example.com:9200");
    assertThat(e.url().toString()).isEqualTo("https://es.example.com:9200");
    assertThat(e.authorization()).isEqualTo("Basic ZWxhc3RpYzpzM2NyZXQ=");
    assertThat(e.toString()).doesNotContain("s3cret").doesNotContain("ZWxh");
    assertThatThrownBy(() -> ClusterEndpoint.of("es.example.com:9200"))
        .hasMessageContaining("expected http://HOST:PORT");
  }
}
