package io.github.remoteclusters.testkit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.testkit.internal.KitConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestClusterExtension.class);

  /** The running clusters of one test class, by name; closing stops them all. */
  private record Running(Map<String, TestCluster> clusters) implements AutoCloseable {
    @Override
    public void close() {
      clusters.values().forEach(TestCluster::close);
    }
  }

  /** Creates the extension; JUnit does this. */
  public TestClusterExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, EsCluster.class);
    if (fields.isEmpty()) {
      return;
    }
    List<ClusterSpec> specs = List.copyOf(specsOf(fields).values());
    List<TestCluster> started =
        TestClusters.startAll(
            KitConfig.fromSystemProperties().workDir().resolve(testClass.getName()), specs);
    Map<String, TestCluster> byName = new LinkedHashMap<>();
    started.forEach(c -> byName.put(c.name(), c));
    Running running = new Running(byName);
    context.getStore(NAMESPACE).put(testClass, running);
    inject(fields, null, running);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    Running running =
        context.getStore(NAMESPACE).get(testInstance.getClass(), Running.class);
    if (running != null) {
      List<Field> fields =
          AnnotationSupport.findAnnotatedFields(testInstance.getClass(), EsCluster.class);
      inject(fields, testInstance, running);
    }
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
      ClusterSpec spec = ClusterSpec.of(clusterName(field, a), a.version());
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
    return new ClusterSpec(x.name(), version, settings);
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
