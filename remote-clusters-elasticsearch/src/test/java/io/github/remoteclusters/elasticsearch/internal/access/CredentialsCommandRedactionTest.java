package io.github.remoteclusters.elasticsearch.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriteException;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21 item 7: whatever a failing credentials command prints about the key, in any encoding,
 * is redacted from the message (and so from the CLI's text and {@code --json} output, which print
 * that message).
 */
class CredentialsCommandRedactionTest {

  static final String ID = "VuaCfGcBCdbkQm-e5aOx";
  static final String KEY = "ui2lp2axTNmsyakw9tvNnw";
  static final String ENCODED =
      Base64.getEncoder().encodeToString((ID + ":" + KEY).getBytes(StandardCharsets.UTF_8));
  static final Cluster LOCAL =
      Cluster.of("dc-1", EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED);

  /** Shell snippets that print the secret read from stdin in one form or another. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "echo \"bad key $s\"",
      "echo \"decoded: $(printf %s \"$s\" | base64 -d)\"",
      "printf %s \"$s\" | base64 -d | cut -d: -f1 | sed 's/^/id=/'",
      "printf %s \"$s\" | base64 -d | cut -d: -f2 | sed 's/^/key=/'",
      "printf %s \"$s\" | tr '+/' '-_' | tr -d '='",
      "printf %s \"$s\" | tr -d '='",
      "printf %s \"$s\" | base64 -d | cut -d: -f2 | tr -d '\\n' | base64",
      "printf '%s' \"$s\" | base64 -d; echo; echo \"$s\"",
  })
  void aFailingCommandNeverEchoesAFormOfTheSecret(String print) {
    CredentialWriter w = CredentialWriter.command(
        "s=$(cat); { " + print + "; } >&2; exit 1", null, Duration.ofSeconds(20));
    assertThatThrownBy(() -> w.store(LOCAL, "dc2", ENCODED))
        .isInstanceOfSatisfying(CredentialWriteException.class, e -> {
          assertThat(e.getMessage()).contains("::redacted::");
          assertNoForm(e.getMessage(), ID, KEY, ENCODED);
        });
  }

  static void assertNoForm(String message, String id, String key, String encoded) {
    assertThat(message).doesNotContain(id).doesNotContain(key).doesNotContain(encoded)
        .doesNotContain(encoded.replace("=", ""))
        .doesNotContain(encoded.replace('+', '-').replace('/', '_').replace("=", ""))
        .doesNotContain(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))
            .replace("=", ""));
  }

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  static String random(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** Random keys (ids and key parts as Elasticsearch makes them), printed in random forms. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedKeysInEveryFormAreRedacted(long seed) {
    Random r = new Random(seed);
    String id = random(r, 20);
    String key = random(r, 22);
    Base64.Encoder std = Base64.getEncoder();
    String encoded = std.encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
    List<String> forms = new ArrayList<>(List.of(encoded, id + ":" + key, id, key,
        encoded.replace("=", ""), Base64.getUrlEncoder().encodeToString(
            (id + ":" + key).getBytes(StandardCharsets.UTF_8)),
        Base64.getUrlEncoder().withoutPadding().encodeToString(
            (id + ":" + key).getBytes(StandardCharsets.UTF_8)),
        std.encodeToString(key.getBytes(StandardCharsets.UTF_8)),
        std.withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
    StringBuilder out = new StringBuilder("error:");
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(r.nextBoolean() ? " " : "\n").append(random(r, r.nextInt(5)))
          .append(forms.get(r.nextInt(forms.size()))).append(r.nextBoolean() ? "" : ".");
    }
    // the key given in either alphabet, as the command line would pass it on
    String given = r.nextBoolean() ? encoded : encoded.replace('+', '-').replace('/', '_');
    String red = CommandCredentialWriter.redact(out.toString(), given);
    assertThat(red).as("seed %d: %s", seed, red).contains("::redacted::");
    assertThat(red).as("seed %d", seed).doesNotContain(id).doesNotContain(key)
        .doesNotContain(encoded.replace("=", ""));
  }
}
