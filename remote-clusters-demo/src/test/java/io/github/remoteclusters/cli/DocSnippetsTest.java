package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against all modules (this module's
 * test class path has them all). The convention, also written in README.md:
 *
 * <ul>
 *   <li>a block that declares a type ({@code class}, {@code record}, {@code interface}, {@code
 *       enum}) is a compilation unit: its own imports, its own types;
 *   <li>any other block is statements: its {@code import} lines are kept, the rest becomes the body
 *       of a method that may throw; {@link #DEFAULT_IMPORTS} are added when the block has no import
 *       of its own;
 *   <li>values a statement block uses but does not create are declared in an HTML comment on the
 *       line before the block, {@code <!-- given: char[] password; List<X509Certificate> chain -->}
 *       (invisible on a rendered page): they become the method's parameters.
 * </ul>
 */
class DocSnippetsTest {

  /** Added to statement blocks without imports: the public packages and common JDK ones. */
  static final List<String> DEFAULT_IMPORTS =
      List.of(
          "io.github.remoteclusters.compat.*",
          "io.github.remoteclusters.security.*",
          "io.github.remoteclusters.security.apikey.*",
          "io.github.remoteclusters.security.certs.*",
          "io.github.remoteclusters.core.*",
          "io.github.remoteclusters.elasticsearch.*",
          "io.github.remoteclusters.core.plan.*",
          "io.github.remoteclusters.core.settings.*",
          "io.github.remoteclusters.k8s.*",
          "io.github.remoteclusters.testkit.*",
          "java.nio.file.*",
          "java.security.*",
          "java.security.cert.*",
          "java.time.*",
          "java.util.*");

  static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
  static final Pattern TYPE =
      Pattern.compile("(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+|final\\s+|abstract\\s+)*"
          + "(class|record|interface|enum)\\s+(\\w+)");
  static final Pattern PUBLIC_TYPE =
      Pattern.compile("(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*public\\s+(?:final\\s+|abstract\\s+)*"
          + "(?:class|record|interface|enum)\\s+(\\w+)");

  @TempDir Path dir;

  static final Pattern GIVEN = Pattern.compile("<!-- given: (.*) -->\\s*$");

  record Snippet(String file, int index, int line, String code, String given) {
    @Override
    public String toString() {
      return file + " block " + index + " (line " + line + ")";
    }
  }

  static Stream<Snippet> snippets() throws IOException {
    Path root = Path.of("..");
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher m = BLOCK.matcher(text);
      int index = 0;
      while (m.find()) {
        String before = text.substring(0, m.start());
        int line = (int) before.lines().count() + 1;
        List<String> previous = before.lines().toList();
        Matcher given = previous.isEmpty() ? null : GIVEN.matcher(previous.get(previous.size() - 1));
        String parameters = given != null && given.find() ? given.group(1).replace(';', ',') : "";
        out.add(new Snippet(root.relativize(file).toString(), ++index, line, m.group(1), parameters));
      }
    }
    return out.stream();
  }

  /** {@return the compilation unit for a snippet, in its own package} */
  static String unit(Snippet s, String pkg) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : s.code().split("\n", -1)) {
      if (line.startsWith("import ")) {
        imports.append(line).append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    if (TYPE.matcher(s.code()).find()) {
      return "package " + pkg + ";\n" + imports + body;
    }
    if (imports.length() == 0) {
      DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
    }
    return "package " + pkg + ";\n" + imports
        + "class Snippet {\n  void run(" + s.given() + ") throws Exception {\n" + body + "  }\n}\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snippets")
  void compiles(Snippet s) throws IOException {
    String pkg = "snippet." + s.file().replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT) + "_" + s.index();
    Matcher pub = PUBLIC_TYPE.matcher(s.code());
    String name = pub.find() ? pub.group(1) : "Snippet";
    Path source = Files.createDirectories(dir.resolve("src").resolve(pkg.replace('.', '/'))).resolve(name + ".java");
    Files.writeString(source, unit(s, pkg));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> options = List.of("-proc:none", "-d", Files.createDirectories(dir.resolve("out")).toString(),
          "-cp", classPath + File.pathSeparator + dir.resolve("out"));
      boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
          files.getJavaFileObjects(source.toFile())).call();
      String errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> s.file() + ":" + (s.line() + d.getLineNumber() - lineOffset(s)) + ": "
              + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
      assertThat(ok).as("%s does not compile:%n%s%n--- as compiled:%n%s", s, errors, Files.readString(source)).isTrue();
    }
  }

  /** Lines the wrapper adds before the snippet's own first line (approximate for wrapped blocks). */
  private static long lineOffset(Snippet s) {
    return TYPE.matcher(s.code()).find() ? 1 : 4;
  }
}
