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

  @Test
  void inputOverSixteenMebibytesIsRefusedWithAMessage() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      byte[] line = "# padding padding padding padding padding padding padding padding\n"
          .getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written <= TextInput.MAX_BYTES; written += line.length) {
        out.write(line);
      }
    }
    assertThatThrownBy(() -> TextInput.read(big))
        .isInstanceOf(TextInput.UnreadableInputException.class)
        .hasMessage("cannot read [" + big + "]: larger than 16 MiB, the most this tool reads");
    // exactly the limit is still read
    Path limit = Files.write(dir.resolve("limit.json"), new byte[TextInput.MAX_BYTES]);
    assertThat(TextInput.read(limit)).hasSize(TextInput.MAX_BYTES);
  }

  @Test
  void endlessInputIsRefusedNotReadIntoMemory() {
    java.io.InputStream endless = new java.io.InputStream() {
      @Override
      public int read() {
        return 'a';
      }
    };
    assertThatThrownBy(() -> TextInput.read("-", endless))
        .isInstanceOf(TextInput.UnreadableInputException.class)
        .hasMessage("cannot read [-]: larger than 16 MiB, the most this tool reads");
    if (Files.isReadable(Path.of("/dev/zero"))) {
      // a device is not opened at all: /dev/zero would be endless, /dev/tty would wait for a key
      assertThat(TopologyReader.read(Path.of("/dev/zero")).problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).isEqualTo("cannot read [/dev/zero]: not a regular"
              + " file (a FIFO, device or socket); give a file, or - for standard input"));
    }
  }

  @Test
  void invalidUtf8OnStandardInputIsUnreadable() {
    assertThatThrownBy(() -> TextInput.read("-", new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, '}'})))
        .isInstanceOf(TextInput.UnreadableInputException.class)
        .hasMessage("cannot read [-]: not UTF-8 text");
  }
}
