package io.github.remoteclusters.testkit.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.KeyStoreWrapper;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.elasticsearch.xpack.core.XPackPlugin;
import org.elasticsearch.xpack.security.testkit.SamlFreeSecurity;

/**
 * Starts one real single-node Elasticsearch cluster in this JVM and keeps it running until standard
 * input ends or the JVM is asked to stop.
 *
 * <pre>
 * java -cp NODE_CLASSPATH io.github.remoteclusters.testkit.node.NodeMain HOME [--security] [setting=value ...]
 * </pre>
 *
 * <p>{@code --security} loads x-pack (licensing and security, without SAML) and the analysis
 * components of the security index; the security settings themselves, the file-realm users in
 * {@code HOME/config} and the certificates come from the launcher. Without it the node has no
 * x-pack at all. A {@code HOME/config/elasticsearch.keystore} that exists at start is loaded as
 * the node's secure settings, as a distribution does.
 *
 * <p>Defaults, each of which a {@code setting=value} argument overrides: {@code
 * network.host=127.0.0.1}, {@code http.port=0} and {@code transport.port=0} (ephemeral ports),
 * {@code discovery.type=single-node}; data, logs and config live under {@code HOME}.
 *
 * <p>The protocol with the launching process, on the original standard output:
 *
 * <ul>
 *   <li>{@code STARTED http=HOST:PORT transport=HOST:PORT [remote_cluster=HOST:PORT] seconds=S}
 *       once the node serves requests;
 *   <li>{@code FAILED <exception>} and a stack trace when it could not start (exit status 1);
 *   <li>{@code KEYSTORE <id> OK} or {@code KEYSTORE <id> FAILED <reason>} for each keystore command.
 * </ul>
 *
 * <p>Standard input carries keystore commands, one a line, so that secrets never appear on a
 * command line: {@code keystore-set <id> <setting> <value in base64>} and {@code keystore-remove
 * <id> <setting>} update {@code HOME/config/elasticsearch.keystore} (created on first use) as
 * {@code elasticsearch-keystore add --force} and {@code remove} do; the launcher then calls {@code
 * POST _nodes/reload_secure_settings}.
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
    Path home = Path.of(args[0]).toAbsolutePath();
    try {
      List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
      boolean security = rest.remove("--security");
      Node node = start(home, security, rest);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, out), "node-shutdown"));
      Path logs = Path.of(node.settings().get("path.logs"));
      Path remoteClusterPorts = logs.resolve("remote_cluster.ports");
      out.printf(
          "STARTED http=%s transport=%s%s seconds=%.1f%n",
          firstLine(logs.resolve("http.ports")),
          firstLine(logs.resolve("transport.ports")),
          Files.exists(remoteClusterPorts)
              ? " remote_cluster=" + firstLine(remoteClusterPorts)
              : "",
          (System.nanoTime() - startNanos) / 1e9);
    } catch (Throwable t) {
      out.println("FAILED " + t);
      t.printStackTrace(out);
      System.exit(1);
    }
    serveCommands(home.resolve("config"), out);
    System.exit(0);
  }

  private static Node start(Path home, boolean security, List<String> settingArgs)
      throws Exception {
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
    Path config = home.resolve("config");
    Files.createDirectories(config);
    // as the launcher of a distribution: the keystore's entries are the node's secure settings
    KeyStoreWrapper keystore = KeyStoreWrapper.load(config);
    if (keystore != null) {
      keystore.decrypt(new char[0]);
      builder.setSecureSettings(keystore);
    }
    Settings settings = builder.build();
    Files.writeString(config.resolve("log4j2.properties"), LOG4J2_PROPERTIES);
    String nodeName = settings.get("node.name");
    Environment env =
        InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> nodeName);
    LogConfigurator.setNodeName(nodeName);
    LogConfigurator.configure(env, false);
    List<Class<? extends Plugin>> plugins = new ArrayList<>();
    plugins.add(Netty4Plugin.class);
    plugins.add(RootInfoPlugin.class);
    if (security) {
      plugins.add(XPackPlugin.class);
      plugins.add(SamlFreeSecurity.class);
      plugins.add(SecurityIndexAnalysisPlugin.class);
    }
    Node node = new EmbeddedNode(env, plugins);
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

  /**
   * Runs keystore commands from standard input until it ends: the launching JVM closed it or died.
   */
  private static void serveCommands(Path config, PrintStream out) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.trim().split(" ");
        if (parts.length < 3) {
          continue;
        }
        String id = parts[1];
        try {
          updateKeystore(config, parts);
          out.println("KEYSTORE " + id + " OK");
        } catch (Exception e) {
          out.println("KEYSTORE " + id + " FAILED " + String.valueOf(e).replace('\n', ' '));
        }
      }
    } catch (IOException e) {
      // a broken pipe means the same as end of input
    }
  }

  /** Changes one entry of the password-less keystore, creating it when it does not exist. */
  private static void updateKeystore(Path config, String[] command) throws Exception {
    KeyStoreWrapper keystore = KeyStoreWrapper.load(config);
    if (keystore == null) {
      keystore = KeyStoreWrapper.create();
    } else {
      keystore.decrypt(new char[0]);
    }
    switch (command[0]) {
      case "keystore-set" -> {
        if (command.length != 4) {
          throw new IllegalArgumentException("usage: keystore-set ID SETTING BASE64_VALUE");
        }
        byte[] value = Base64.getDecoder().decode(command[3]);
        keystore.setString(command[2], new String(value, StandardCharsets.UTF_8).toCharArray());
      }
      case "keystore-remove" -> keystore.remove(command[2]);
      default -> throw new IllegalArgumentException("unknown command [" + command[0] + "]");
    }
    keystore.save(config, new char[0]);
  }
}
