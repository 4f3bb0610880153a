package io.github.remoteclusters.testkit.node;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts one real single-node Elasticsearch cluster in this JVM and keeps it running until standard
 * input ends or the JVM is asked to stop.
 *
 * <pre>
 * java -cp NODE_CLASSPATH io.github.remoteclusters.testkit.node.NodeMain HOME [setting=value ...]
 * </pre>
 *
 * <p>Defaults, each of which a {@code setting=value} argument overrides: {@code
 * network.host=127.0.0.1}, {@code http.port=0} and {@code transport.port=0} (ephemeral ports),
 * {@code discovery.type=single-node}; data, logs and config live under {@code HOME}.
 *
 * <p>The protocol with the launching process, on the original standard output:
 *
 * <ul>
 *   <li>{@code STARTED http=HOST:PORT transport=HOST:PORT seconds=S} once the node serves requests;
 *   <li>{@code FAILED <exception>} and a stack trace when it could not start (exit status 1).
 * </ul>
 *
 * The node stops cleanly on SIGTERM and when standard input reaches end of file, which is what
 * happens when the launching JVM dies: a test run that crashes leaves no node behind.
 */
public final class NodeMain {

  /** Everything the node logs goes to {@code HOME/logs/<cluster name>.log}. */
  private static final String LOG4J2_PROPERTIES =
      """
      status = error
      appender.file.type = File
      appender.file.name = file
      appender.file.fileName = ${sys:es.logs.base_path}${sys:file.separator}${sys:es.logs.cluster_name}.log
      appender.file.layout.type = PatternLayout
      appender.file.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
      rootLogger.level = info
      rootLogger.appenderRef.file.ref = file
      """;

  private NodeMain() {}

  /**
   * Starts the node.
   *
   * @param args the node's home directory, then {@code setting=value} pairs
   */
  public static void main(String[] args) {
    long startNanos = System.nanoTime();
    // Elasticsearch routes System.out and System.err into its log once logging is configured;
    // the launcher reads this stream, so keep it.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length == 0) {
      out.println("FAILED usage: NodeMain HOME [setting=value ...]");
      System.exit(2);
    }
    try {
      Node node = start(Path.of(args[0]).toAbsolutePath(), List.of(args).subList(1, args.length));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, out), "node-shutdown"));
      Path logs = Path.of(node.settings().get("path.logs"));
      out.printf(
          "STARTED http=%s transport=%s seconds=%.1f%n",
          firstLine(logs.resolve("http.ports")),
          firstLine(logs.resolve("transport.ports")),
          (System.nanoTime() - startNanos) / 1e9);
    } catch (Throwable t) {
      out.println("FAILED " + t);
      t.printStackTrace(out);
      System.exit(1);
    }
    waitForEndOfInput();
    System.exit(0);
  }

  private static Node start(Path home, List<String> settingArgs) throws Exception {
    Settings.Builder builder =
        Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "testkit")
            .put("network.host", "127.0.0.1")
            .put("http.port", "0")
            .put("transport.port", "0")
            .put("discovery.type", "single-node")
            // the node writes its bound addresses to logs/http.ports and logs/transport.ports
            .put("node.portsfile", true);
    for (String arg : settingArgs) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("argument [" + arg + "] is not setting=value");
      }
      builder.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    if (builder.get("node.name") == null) {
      builder.put("node.name", builder.get("cluster.name") + "-0");
    }
    Settings settings = builder.build();
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config").resolve("log4j2.properties"), LOG4J2_PROPERTIES);
    String nodeName = settings.get("node.name");
    Environment env =
        InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> nodeName);
    LogConfigurator.setNodeName(nodeName);
    LogConfigurator.configure(env, false);
    Node node = new EmbeddedNode(env, List.of(Netty4Plugin.class, RootInfoPlugin.class));
    node.start();
    return node;
  }

  private static String firstLine(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).get(0).trim();
  }

  private static void close(Node node, PrintStream out) {
    try {
      node.close();
    } catch (IOException | RuntimeException e) {
      e.printStackTrace(out);
    }
  }

  /** Blocks until standard input ends: the launching JVM closed it or died. */
  private static void waitForEndOfInput() {
    try {
      while (System.in.read() != -1) {
        // input carries no commands; only its end matters
      }
    } catch (IOException e) {
      // a broken pipe means the same as end of input
    }
  }
}
