package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project on JUnit 5.11 and one on JUnit 6 both run a test kit test: the consumer test is
 * compiled and run in a separate JVM whose class path has the test kit, its runtime dependencies
 * and that JUnit version only (copied to target/junit-* by the build), never this build's JUnit.
 */
class JUnitConsumerIT {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"junit-5.11", "junit-6"})
  void aConsumerProjectRunsATestKitTest(String junit, @TempDir Path work) throws Exception {
    List<String> junitJars = jars(Path.of("target", junit).toAbsolutePath());
    assertThat(junitJars).as("JUnit jars copied by the build into target/" + junit).hasSize(7);
    String classPath =
        String.join(File.pathSeparator, junitJars) + File.pathSeparator + testKitClassPath();

    Path sources = work.resolve("src");
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> files = new ArrayList<>();
    for (String name : List.of("ConsumerTest.java", "RunConsumerTests.java")) {
      Path file = Files.createDirectories(sources.resolve("consumer")).resolve(name);
      try (InputStream in = getClass().getResourceAsStream("/consumer/" + name)) {
        Files.copy(in, file);
      }
      files.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath));
    args.addAll(files);
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String repo = System.getProperty("maven.repo.local");
    if (repo != null) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    command.addAll(
        List.of("-cp", classes + File.pathSeparator + classPath, "consumer.RunConsumerTests"));
    Process process =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(output).as(output).contains("found=1 succeeded=1 failed=0");
    assertThat(process.exitValue()).isZero();
  }

  private static List<String> jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(Path::toString).filter(f -> f.endsWith(".jar")).sorted().collect(Collectors.toList());
    }
  }

  /** This build's test class path without JUnit, without test classes: what a user's build adds. */
  private static String testKitClassPath() {
    String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(full.split(File.pathSeparator))
        .filter(entry -> !entry.contains("/org/junit/") && !entry.contains("/opentest4j/")
            && !entry.contains("/apiguardian/") && !entry.contains("/assertj/")
            && !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
