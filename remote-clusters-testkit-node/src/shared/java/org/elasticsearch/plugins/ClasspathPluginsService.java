package org.elasticsearch.plugins;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

/**
 * A plugins service whose plugins are plain classes on the JVM class path, with no plugin
 * directories or descriptors on disk. Part of remote-clusters-testkit, not of Elasticsearch: it
 * lives in this package to reach package-private members of {@link PluginsService}.
 */
public class ClasspathPluginsService extends PluginsService {

  private final List<LoadedPlugin> classpathPlugins;

  /**
   * Loads the given plugin classes.
   *
   * @param settings the node settings
   * @param env the node environment
   * @param pluginClasses the plugin classes, all loadable by this class's loader
   */
  public ClasspathPluginsService(
      Settings settings, Environment env, Collection<Class<? extends Plugin>> pluginClasses) {
    super(settings, env.configDir(), new PluginsLoader(Set.of(), Set.of(), Map.of()));
    List<LoadedPlugin> loaded = new ArrayList<>();
    for (Class<? extends Plugin> type : pluginClasses) {
      Plugin instance = loadPlugin(type, settings, env.configDir());
      loaded.add(
          new LoadedPlugin(
              ClasspathPluginDescriptor.of(type),
              instance,
              ClasspathPluginsService.class.getClassLoader()));
    }
    loadExtensions(loaded);
    this.classpathPlugins = List.copyOf(loaded);
  }

  @Override
  protected List<LoadedPlugin> plugins() {
    return classpathPlugins;
  }

  @Override
  public PluginsAndModules info() {
    return new PluginsAndModules(
        classpathPlugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(),
        List.of());
  }

  /**
   * Loads service providers the way the per-plugin class loaders of a distribution would.
   *
   * <p>All plugins here share one class loader, so {@link ServiceLoader} also finds providers meant
   * for plugins that are not loaded (any other Elasticsearch jar on the class path has some). A
   * provider whose constructor takes a plugin gets that plugin, or is skipped when the plugin is not
   * loaded; any other provider is built with its no-argument constructor.
   */
  @Override
  public <T> List<? extends T> loadServiceProviders(Class<T> service) {
    List<T> result = new ArrayList<>();
    ServiceLoader<T> loader =
        ServiceLoader.load(service, ClasspathPluginsService.class.getClassLoader());
    for (ServiceLoader.Provider<T> provider : loader.stream().toList()) {
      Class<? extends T> type = provider.type();
      try {
        T instance = instantiate(type);
        if (instance != null) {
          result.add(instance);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("failed to create service provider " + type.getName(), e);
      }
    }
    return result;
  }

  private <T> T instantiate(Class<? extends T> type) throws ReflectiveOperationException {
    boolean wantsPlugin = false;
    for (Constructor<?> ctor : type.getConstructors()) {
      Class<?>[] params = ctor.getParameterTypes();
      if (params.length == 1 && Plugin.class.isAssignableFrom(params[0])) {
        wantsPlugin = true;
        for (LoadedPlugin plugin : classpathPlugins) {
          if (params[0].isInstance(plugin.instance())) {
            return type.cast(ctor.newInstance(plugin.instance()));
          }
        }
      }
    }
    return wantsPlugin ? null : type.getConstructor().newInstance();
  }
}
