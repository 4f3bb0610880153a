package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {

  @TempDir Path dir;

  @Test
  void readsFilesAndStandardInput() throws IOException {
    Path f = Files.writeString(dir.resolve("t.yaml"), "clusters: []\n");
    assertThat(TextInput.read(f)).isEqualTo("clusters: []\n");
    assertThat(TextInput.read("-", new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("{}");
  }

  @Test
  void failuresNameTheFileAndTheReasonInWords() throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> TextInput.read(missing))
        .isInstanceOf(TextInput.UnreadableInputException.class)
        .hasMessage("cannot read [" + missing + "]: no such file");
    assertThatThrownBy(() -> TextInput.read(dir.toString(), System.in))
        .hasMessage("cannot read [" + dir + "]: it is a directory");
    Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> TextInput.read(latin1)).hasMessageEndingWith(": not UTF-8 text");
  }

  @Test
  void topologyReaderReportsTheSameReasonAsAProblem() {
    TopologyReadResult r = TopologyReader.read(dir.resolve("nope.yaml"));
    assertThat(r).isInstanceOf(TopologyReadResult.Failed.class);
    assertThat(((TopologyReadResult.Failed) r).problems())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo(ProblemCode.UNREADABLE);
          assertThat(p.message()).endsWith("nope.yaml]: no such file");
        });
  }
}
