package io.github.remoteclusters.testkit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.testkit.internal.KitConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link EsCluster}: starts the clusters a test class declares,
 * fills its fields, and stops the clusters after the class. Registered by {@link EsCluster}; there
 * is no need to name it.
 *
 * @since 0.1.0
 */
public final class TestClusterExtension
    implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor {

  private static final System.Logger LOG = System.getLogger(TestClusterExtension.class.getName());

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestClusterExtension.class);

  /**
   * The running clusters of one test class, by name; closing stops those not shared with other
   * classes.
   */
  private record Running(Map<String, TestCluster> clusters, Set<String> shared)
      implements AutoCloseable {
    @Override
    public void close() {
      clusters.forEach(
          (name, cluster) -> {
            if (!shared.contains(name)) {
              cluster.close();
            }
          });
    }
  }

  /**
   * Creates the extension; JUnit does this.
   *
   * @since 0.1.0
   */
  public TestClusterExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, EsCluster.class);
    if (!fields.isEmpty()) {
      inject(fields, null, running(context, testClass, fields));
    }
  }

  /**
   * Fills instance fields. With {@code @TestInstance(PER_CLASS)} the instance is created before
   * {@code beforeAll}, so the clusters may have to be started here.
   */
  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    Class<?> testClass = testInstance.getClass();
    List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, EsCluster.class);
    if (!fields.isEmpty()) {
      inject(fields, testInstance, running(context, testClass, fields));
    }
  }

  /** The clusters of a test class, started on first use and kept in the class's store. */
  private static Running running(ExtensionContext context, Class<?> testClass, List<Field> fields) {
    // get-then-put rather than computeIfAbsent: that is new in JUnit 6, getOrComputeIfAbsent is
    // deprecated there, and this extension also serves JUnit 5 users. Callbacks for one class
    // run on one thread.
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Running running = store.get(testClass, Running.class);
    if (running == null) {
      running = start(context, testClass, fields);
      store.put(testClass, running);
    }
    return running;
  }

  private static Running start(ExtensionContext context, Class<?> testClass, List<Field> fields) {
    Map<String, ClusterSpec> all = specsOf(fields);
    Set<String> sharedNames = sharedNames(fields);
    List<ClusterSpec> own = new ArrayList<>();
    List<ClusterSpec> shared = new ArrayList<>();
    all.values().forEach(s -> (sharedNames.contains(s.name()) ? shared : own).add(s));
    List<TestCluster> started = new ArrayList<>();
    if (!shared.isEmpty()) {
      started.addAll(TestClusters.shared(shared));
    }
    if (!own.isEmpty()) {
      started.addAll(
          TestClusters.startAll(
              KitConfig.fromSystemProperties().workDir().resolve(testClass.getName()), own));
    }
    Map<String, TestCluster> byName = new LinkedHashMap<>();
    for (TestCluster c : started) {
      byName.put(c.name(), c);
      String summary =
          c.version()
              + " http="
              + c.httpUri()
              + " transport="
              + c.transportAddress()
              + " started in "
              + c.startupTime().toMillis()
              + " ms, log "
              + c.logFile();
      // IDEs show report entries; Surefire and Failsafe show the log
      context.publishReportEntry("es-cluster." + c.name(), summary);
      LOG.log(System.Logger.Level.INFO, "cluster " + c.name() + " " + summary);
    }
    return new Running(byName, sharedNames);
  }

  /** The names of the clusters declared shared; all fields naming one must agree. */
  private static Set<String> sharedNames(List<Field> fields) {
    Map<String, Boolean> byName = new LinkedHashMap<>();
    for (Field field : fields) {
      EsCluster a = AnnotationSupport.findAnnotation(field, EsCluster.class).orElseThrow();
      String name = clusterName(field, a);
      Boolean before = byName.put(name, a.shared());
      if (before != null && before != a.shared()) {
        throw new ExtensionConfigurationException(
            "cluster ["
                + name
                + "] is declared both shared and not shared (field "
                + describe(field)
                + "); give shared = true on every field naming it, or on none");
      }
    }
    Set<String> out = new HashSet<>();
    byName.forEach((name, shared) -> {
      if (shared) {
        out.add(name);
      }
    });
    return out;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Running running =
        context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), Running.class);
    if (running != null) {
      running.close();
    }
  }

  /** One spec per cluster name, merged over the fields that name it. */
  static Map<String, ClusterSpec> specsOf(List<Field> fields) {
    Map<String, ClusterSpec> specs = new LinkedHashMap<>();
    for (Field field : fields) {
      checkType(field);
      EsCluster a = AnnotationSupport.findAnnotation(field, EsCluster.class).orElseThrow();
      ClusterSpec spec =
          ClusterSpec.of(clusterName(field, a), a.version()).withSecurity(a.security());
      if (a.remoteClusterServer()) {
        spec = spec.withRemoteClusterServer();
      }
      for (String setting : a.settings()) {
        int eq = setting.indexOf('=');
        if (eq <= 0) {
          throw new ExtensionConfigurationException(
              "setting [" + setting + "] of field " + describe(field) + " is not key=value");
        }
        spec = spec.withSetting(setting.substring(0, eq), setting.substring(eq + 1));
      }
      specs.merge(spec.name(), spec, (x, y) -> merge(x, y, field));
    }
    return specs;
  }

  private static ClusterSpec merge(ClusterSpec x, ClusterSpec y, Field field) {
    String version = x.version();
    if (!x.version().equals(y.version())) {
      if (!x.version().equals(EsCluster.LATEST) && !y.version().equals(EsCluster.LATEST)) {
        throw new ExtensionConfigurationException(
            "cluster ["
                + x.name()
                + "] is declared with versions "
                + x.version()
                + " and "
                + y.version()
                + " (field "
                + describe(field)
                + "); give the version on one field only");
      }
      version = x.version().equals(EsCluster.LATEST) ? y.version() : x.version();
    }
    Map<String, String> settings = new LinkedHashMap<>(x.settings());
    settings.putAll(y.settings());
    Security security =
        x.security().compareTo(y.security()) >= 0 ? x.security() : y.security();
    boolean server = x.remoteClusterServer() || y.remoteClusterServer();
    return new ClusterSpec(
        x.name(), version, settings, server ? Security.TLS : security, server, null, List.of());
  }

  private static String clusterName(Field field, EsCluster a) {
    return a.name().isEmpty() ? field.getName().toLowerCase(Locale.ROOT) : a.name();
  }

  private static void checkType(Field field) {
    Class<?> type = field.getType();
    if (type != TestCluster.class && type != ElasticsearchClient.class) {
      throw new ExtensionConfigurationException(
          "field "
              + describe(field)
              + " is annotated @EsCluster but has type "
              + type.getName()
              + "; use TestCluster or ElasticsearchClient");
    }
  }

  private static void inject(List<Field> fields, Object instance, Running running) {
    List<Field> wanted = new ArrayList<>();
    for (Field f : fields) {
      if (Modifier.isStatic(f.getModifiers()) == (instance == null)) {
        wanted.add(f);
      }
    }
    for (Field field : wanted) {
      EsCluster a = AnnotationSupport.findAnnotation(field, EsCluster.class).orElseThrow();
      TestCluster cluster = running.clusters().get(clusterName(field, a));
      Object value = field.getType() == TestCluster.class ? cluster : cluster.client();
      try {
        field.setAccessible(true);
        field.set(instance, value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ExtensionConfigurationException(
            "cannot set field " + describe(field) + ": " + e.getMessage(), e);
      }
    }
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getSimpleName() + "." + field.getName();
  }
}
