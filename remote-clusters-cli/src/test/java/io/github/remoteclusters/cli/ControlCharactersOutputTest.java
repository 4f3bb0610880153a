package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.security.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input echoed by the command line cannot forge lines, colour the terminal or reorder text: every
 * line of standard error is one message, every control and bidi character from the input is
 * escaped, and {@code --json} stays one valid JSON document with the values escaped for terminals.
 */
class ControlCharactersOutputTest {

  @TempDir Path dir;

  static final String[] NASTY = {
    "b\\nerror: forged", "\\e[31mred\\e[0m", "nul\\0byte", "abc\\u202Edcb", "c1\\x9bx",
    "del\\x7f", "nel\\Nx", "ls\\Lx", "cr\\rhere", "tab\\there",
  };

  /** A topology whose alias (YAML double-quoted, escapes as YAML reads them) is the given text. */
  Path topology(String yamlQuotedAlias, String yamlQuotedName) throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "clusters:\n"
        + "  - {name: \"" + yamlQuotedName + "\", version: \"9.1.3\", deployment: self-managed}\n"
        + "  - {name: b, version: \"9.1.3\", deployment: self-managed}\n"
        + "links:\n  - {local: a, remote: b, alias: \"" + yamlQuotedAlias + "\"}\n");
    return file;
  }

  static void assertSafe(String output) {
    for (String line : output.split("\n", -1)) {
      assertThat(line.chars().noneMatch(c -> SafeText.isUnsafe((char) c)))
          .as("line [%s]", line.replace("\u001b", "ESC")).isTrue();
    }
  }

  @Test
  void aNewLineInAnAliasCannotForgeASecondErrorLine() throws IOException {
    CliRun run = CliRun.of("validate", topology("b\\nerror: forged", "a").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).noneMatch(l -> l.startsWith("error: forged"));
    assertThat(run.err()).contains("b\\nerror: forged");
    assertSafe(run.out());
    assertSafe(run.err());
  }

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedNastyInputIsEscapedInTextAndJson(long seed) throws IOException {
    Random r = new Random(seed);
    String alias = NASTY[r.nextInt(NASTY.length)];
    String name = r.nextBoolean() ? "a" : NASTY[r.nextInt(NASTY.length)];
    Path file = topology(alias, name);
    for (List<String> args : List.of(List.of("validate"), List.of("plan"),
        List.of("validate", "--json"), List.of("plan", "--json"))) {
      String[] a = new String[args.size() + 1];
      a[0] = args.get(0);
      a[1] = file.toString();
      for (int i = 1; i < args.size(); i++) {
        a[i + 1] = args.get(i);
      }
      CliRun run = CliRun.of(a);
      assertThat(run.exitCode()).as("seed %d %s: %s", seed, args, run.err()).isEqualTo(2);
      assertSafe(run.out());
      assertSafe(run.err());
      if (args.contains("--json") && !run.out().isBlank()) {
        JsonNode doc = Json.MAPPER.readTree(run.out());
        assertThat(doc).as("seed %d %s", seed, args).isNotNull();
        assertThat(run.out().strip().lines().count()).as("one JSON document").isEqualTo(1);
      }
    }
  }

  @Test
  void anUnknownOptionWithAnEscapeSequenceIsEscaped() throws IOException {
    CliRun run = CliRun.of("validate", topology("b", "a").toString(),
        "--bad\u001b[2Jclear\nerror: forged");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\u001b").contains("bad\\u001B[2Jclear\\nerror: forged");
    assertThat(run.err().lines()).noneMatch(l -> l.startsWith("error: forged"));
  }

  @Test
  void jsonOutputEscapesBidiAndC1ForTerminalsButKeepsTheValue() throws IOException {
    String text = "x\u202Ey\u009bz\u007f";
    String json = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().put("m", text));
    assertThat(json).isEqualTo("{\"m\":\"x\\u202Ey\\u009Bz\\u007F\"}");
    assertThat(Json.MAPPER.readTree(json).get("m").asText()).isEqualTo(text);
  }
}
