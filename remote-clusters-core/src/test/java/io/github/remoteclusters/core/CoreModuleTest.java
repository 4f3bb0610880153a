package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Core is a named module that exports its API packages only and needs no Elasticsearch client: the
 * descriptor of the compiled classes, as {@code jar --describe-module} shows it for the jar.
 */
class CoreModuleTest {

  private static ModuleDescriptor descriptor() throws Exception {
    Path classes = Path.of(Cluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(classes).findAll().stream()
        .map(ModuleReference::descriptor)
        .filter(d -> d.name().equals("io.github.remoteclusters.core"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void exportsOnlyApiPackagesUnqualified() throws Exception {
    ModuleDescriptor d = descriptor();
    assertThat(d.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .isEqualTo(Set.of(
            "io.github.remoteclusters.core",
            "io.github.remoteclusters.core.plan",
            "io.github.remoteclusters.core.settings",
            "io.github.remoteclusters.core.upgrade"));
    assertThat(d.packages()).contains("io.github.remoteclusters.core.internal");
    assertThat(d.opens()).isEmpty();
  }

  @Test
  void needsNoElasticsearchClient() throws Exception {
    assertThat(descriptor().requires().stream().map(ModuleDescriptor.Requires::name))
        .noneMatch(n -> n.startsWith("elasticsearch") || n.startsWith("co.elastic")
            || n.startsWith("org.apache.httpcomponents"))
        .contains("io.github.remoteclusters.compat", "io.github.remoteclusters.security");
  }
}
