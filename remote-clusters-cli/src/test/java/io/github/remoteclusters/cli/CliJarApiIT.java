package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's program compiled against the shipped CLI jar ({@code target/remote-clusters.jar}, the
 * jar a user downloads) and run with nothing else on its class path (issue 18): it plans an ECK
 * topology with its own {@code AccessValidator} that rejects one link's access and renders with
 * {@code EckAdapter.render(topology, plan)}. The rejected link gets no rendered resource (the
 * render is rejected, naming the validator's problem), while the default planner's plan of the same
 * topology renders both links: the adapter executes the plan it is given, never a default one.
 */
class CliJarApiIT {

  private static final String PROGRAM = """
      import io.github.remoteclusters.core.Problem;
      import io.github.remoteclusters.core.ProblemCode;
      import io.github.remoteclusters.core.Topology;
      import io.github.remoteclusters.core.TopologyReader;
      import io.github.remoteclusters.core.plan.AccessValidator;
      import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
      import io.github.remoteclusters.core.plan.TopologyPlan;
      import io.github.remoteclusters.k8s.EckAdapter;
      import io.github.remoteclusters.k8s.EckOptions;
      import io.github.remoteclusters.k8s.RenderResult;
      import java.util.List;

      public class Program {
        static final String YAML = String.join("\\n",
            "clusters:",
            "  - {name: local, version: \\"9.1.3\\", deployment: eck, eck: {name: c1, namespace: ns1}}",
            "  - {name: remote, version: \\"9.1.3\\", deployment: eck, eck: {name: c2, namespace: ns2}}",
            "links:",
            "  - {local: local, remote: remote, alias: logs-link, security: api-key,",
            "     access: {search: [{names: [\\"logs-*\\"]}]}}",
            "  - {local: remote, remote: local, alias: secrets-link, security: api-key,",
            "     access: {search: [{names: [\\"secret-*\\"]}]}}",
            "");

        public static void main(String[] args) {
          Topology t = TopologyReader.parse(YAML).orElseThrow();
          AccessValidator noSecrets = (access, path, version) ->
              access.search().stream().anyMatch(s -> s.names().contains("secret-*"))
                  ? List.of(new Problem(ProblemCode.ACCESS_INVALID, path,
                      "our policy: no secret-* across clusters"))
                  : List.of();
          EckAdapter adapter = EckAdapter.of(EckOptions.defaults());
          print("default", adapter.render(t, RemoteClusterPlanner.create().plan(t)));
          TopologyPlan plan = RemoteClusterPlanner.create().withAccessValidator(noSecrets).plan(t);
          print("policy", adapter.render(t, plan));
        }

        static void print(String name, RenderResult r) {
          if (r instanceof RenderResult.Rendered ok) {
            String json = EckAdapter.toJson(ok.resources());
            System.out.println(name + " rendered " + ok.resources().size()
                + " logs-link=" + json.contains("logs-link")
                + " secrets-link=" + json.contains("secrets-link"));
          } else {
            System.out.println(name + " rejected " + r.problems());
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void aProgramAgainstTheCliJarRendersNothingForALinkItsOwnPlannerRejects() throws Exception {
    Path jar = Path.of("target", "remote-clusters.jar").toAbsolutePath();
    assertThat(jar).as("the shaded CLI jar, built in the package phase").exists();
    Path src = dir.resolve("Program.java");
    Files.writeString(src, PROGRAM);
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, "-cp", jar.toString(), "-d", out.toString(),
        src.toString());
    assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();

    String output = run(jar, out);
    assertThat(output).contains("default rendered ").contains("logs-link=true")
        .contains("secrets-link=true");
    assertThat(output.lines().filter(l -> l.startsWith("policy")).toList()).singleElement()
        .satisfies(l -> assertThat(l).startsWith("policy rejected ")
            .contains("our policy: no secret-* across clusters")
            .doesNotContain("rendered"));
  }

  private static String run(Path jar, Path classes) throws IOException, InterruptedException {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar + File.pathSeparator + classes, "Program");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the program ends").isTrue();
    String output = new String(bytes, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
