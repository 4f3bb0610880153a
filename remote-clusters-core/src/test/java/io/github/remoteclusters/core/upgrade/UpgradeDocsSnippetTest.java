package io.github.remoteclusters.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippet of docs/upgrades.md compiles against this module and runs on the example. */
class UpgradeDocsSnippetTest {

  @TempDir Path dir;

  @Test
  void snippetCompilesAndPlansTheHubAndSpokeExample() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "upgrades.md"));
    int start = doc.indexOf("```java\n");
    assertThat(start).as("a java block in docs/upgrades.md").isNotNegative();
    String code = doc.substring(start + 8, doc.indexOf("```", start + 8));
    Path source = dir.resolve("UpgradeExample.java");
    Files.writeString(source, code);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, null, diagnostics, "-Xlint:all", "-Werror", "-d", dir.toString(),
        "-cp", System.getProperty("java.class.path"), source.toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    String out = run(Path.of("..", "examples", "upgrades", "hub-and-spoke.yaml").toString());
    assertThat(out).contains("wave 1: [ClusterUpgrade[cluster=", "upgrade plan:");
  }

  private String run(String file) throws IOException, ReflectiveOperationException {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Method main = loader.loadClass("UpgradeExample").getMethod("main", String[].class);
      main.invoke(null, (Object) List.of(file).toArray(new String[0]));
    } finally {
      System.setOut(saved);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
