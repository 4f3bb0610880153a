package io.github.remoteclusters.elasticsearch.spi;

import io.github.remoteclusters.core.plan.LinkFootprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.core.SecurityModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned ownership file: footprints (v3), today's v2 upgraded, v1 proves nothing, future refused. */
class OwnershipVersionsTest {

  @TempDir Path dir;

  /** Exactly what version 2 (the release before footprints) wrote: pretty-printed, owner per alias. */
  private static final String TODAYS_V2 = "{\n"
      + "  \"version\" : 2,\n"
      + "  \"clusters\" : {\n"
      + "    \"a\" : {\n"
      + "      \"to-b\" : \"/etc/rc/topology.yml\",\n"
      + "      \"to-c\" : \"/etc/rc/other.yml\"\n"
      + "    },\n"
      + "    \"d\" : {\n"
      + "      \"to-e\" : \"\"\n"
      + "    }\n"
      + "  }\n"
      + "}\n";

  @Test
  void todaysVersion2FileIsReadAndUpgradedWithoutLosingARecord() throws IOException {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, TODAYS_V2);
    JsonFileOwnershipStore mine = new JsonFileOwnershipStore(file, "/etc/rc/topology.yml");
    assertThat(mine.owned("a")).containsExactly("to-b");
    assertThat(mine.owned("d")).containsExactly("to-e");
    assertThat(mine.footprints("a").get("to-b").keyId()).isNull();
    // a save writes version 3 and keeps every record, another topology's included
    mine.record(LinkFootprint.planned("a", "to-x", "x", SecurityModel.API_KEY, "k", "r"));
    String after = Files.readString(file);
    assertThat(after).contains("\"version\" : 3");
    JsonFileOwnershipStore all = new JsonFileOwnershipStore(file);
    assertThat(all.owners("a")).containsEntry("to-b", "/etc/rc/topology.yml")
        .containsEntry("to-c", "/etc/rc/other.yml").containsEntry("to-x", "/etc/rc/topology.yml");
    assertThat(all.owned("d")).containsExactly("to-e");
    assertThat(new JsonFileOwnershipStore(file, "/etc/rc/other.yml").owned("a"))
        .containsExactly("to-c");
  }

  @Test
  void aFootprintSurvivesAFileRoundTripAndIsForgottenAlone() {
    Path file = dir.resolve("owned.json");
    OwnershipStore s = OwnershipStore.jsonFile(file, "t");
    LinkFootprint f = LinkFootprint.planned("a", "to-b", "b", SecurityModel.API_KEY,
        "remote-clusters-a-to-b", "remote-clusters-to-b").withKeyId("Kx1");
    s.record(f);
    s.record(LinkFootprint.planned("a", "to-c", "c", SecurityModel.CERTIFICATE, null, null));
    LinkFootprint read = OwnershipStore.jsonFile(file, "t").footprints("a").get("to-b");
    assertThat(read).isEqualTo(f.withTopology("t"));
    assertThat(read.credentialsSetting()).isEqualTo("cluster.remote.to-b.credentials");
    assertThat(OwnershipStore.jsonFile(file, "t").footprints("a").get("to-c").apiKey()).isFalse();
    s.forget("a", "to-b");
    assertThat(s.owned("a")).containsExactly("to-c");
    assertThat(s.ownerId()).isEqualTo(OwnershipStore.jsonFile(file, "t").ownerId())
        .isNotEqualTo(OwnershipStore.jsonFile(dir.resolve("other.json"), "t").ownerId());
  }

  @Test
  void aVersion1FileProvesNothingAndIsNotRewrittenAway() throws IOException {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, "{\"clusters\":{\"a\":[\"users-own\"]}}");
    JsonFileOwnershipStore s = new JsonFileOwnershipStore(file, "t");
    assertThat(s.owned("a")).isEmpty();
    assertThat(s.unproven("a")).containsExactly("users-own");
    s.save("a", Set.of("mine"));
    assertThat(s.owned("a")).containsExactly("mine");
    assertThat(s.unproven("a")).containsExactly("users-own"); // kept, still not claimed
    s.record(LinkFootprint.planned("a", "users-own", "b", SecurityModel.CERTIFICATE, null, null));
    assertThat(s.owned("a")).containsExactlyInAnyOrder("mine", "users-own"); // adopted on purpose
  }

  @Test
  void aFutureVersionIsRefusedAndTheFileLeftUntouched() throws IOException {
    Path file = dir.resolve("owned.json");
    String future = "{\"version\":99,\"clusters\":{\"a\":{\"x\":{\"topology\":\"t\",\"new\":1}}}}";
    Files.writeString(file, future);
    OwnershipStore s = OwnershipStore.jsonFile(file, "t");
    for (Runnable r : List.<Runnable>of(() -> s.owned("a"), () -> s.save("a", Set.of("y")),
        () -> s.record(LinkFootprint.aliasOnly("a", "y", "", true)), () -> s.forget("a", "x"))) {
      assertThatThrownBy(r::run).isInstanceOf(OwnershipException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("version 99")
          .hasMessageContaining("newer")
          .satisfies(e -> assertThat(((OwnershipException) e).reason())
              .isEqualTo(OwnershipException.Reason.INVALID));
    }
    assertThat(Files.readString(file)).isEqualTo(future);
  }

  @Test
  void aVersion3FootprintOfTheWrongShapeNamesItsPath() throws IOException {
    Path file = dir.resolve("owned.json");
    Files.writeString(file, "{\"version\":3,\"clusters\":{\"a\":{\"x\":{\"topology\":\"t\","
        + "\"security\":\"kerberos\"}}}}");
    assertThatThrownBy(() -> OwnershipStore.jsonFile(file, "t").owned("a"))
        .hasMessageContaining("clusters.a.x.security").hasMessageContaining("kerberos");
  }

  @Test
  void anotherTopologysAliasCannotBeRecorded() {
    Path file = dir.resolve("owned.json");
    OwnershipStore.jsonFile(file, "one").record(LinkFootprint.aliasOnly("a", "x", "", true));
    assertThatThrownBy(() -> OwnershipStore.jsonFile(file, "two")
        .record(LinkFootprint.aliasOnly("a", "x", "", true)))
        .hasMessageContaining("owned by topology [one]");
  }
}
