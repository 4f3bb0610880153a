package io.github.remoteclusters.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user's own {@code Elasticsearch} manifests that a rendering is merged into ({@code k8s
 * render --base}): the merged output is a complete manifest whose nodeSets are the user's.
 *
 * <p>Reads YAML (several documents per file) or JSON, a {@code v1 List} included, from a file or
 * every {@code .yaml}, {@code .yml} and {@code .json} file of a folder (not recursive, in name
 * order). Other kinds are ignored.
 */
public final class BaseManifests {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<ObjectNode> elasticsearch;

  private BaseManifests(List<ObjectNode> elasticsearch) {
    this.elasticsearch = List.copyOf(elasticsearch);
  }

  /**
   * Manifests already parsed.
   *
   * @param resources the resources; only {@code Elasticsearch} ones are kept
   * @return the manifests
   */
  public static BaseManifests of(List<? extends HasMetadata> resources) {
    List<ObjectNode> out = new ArrayList<>();
    for (HasMetadata r : resources) {
      ObjectNode tree = Serialization.tree(r);
      if (isElasticsearch(tree)) {
        out.add(tree);
      }
    }
    return new BaseManifests(out);
  }

  /**
   * Reads a file or a folder of manifests.
   *
   * @param path the file or folder
   * @return the {@code Elasticsearch} resources as generic objects
   * @throws IllegalArgumentException when a file cannot be read or parsed, naming the file and
   *     the reason
   */
  public static List<GenericKubernetesResource> read(Path path) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot list [" + path + "]: " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            "[" + path + "] holds no .yaml, .yml or .json file");
      }
    } else if (Files.isRegularFile(path)) {
      files.add(path);
    } else {
      throw new IllegalArgumentException("[" + path + "] is neither a file nor a folder");
    }
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (Path f : files) {
      for (ObjectNode doc : documents(f)) {
        if (isElasticsearch(doc)) {
          out.add(Serialization.generic(doc));
        }
      }
    }
    return out;
  }

  private static List<ObjectNode> documents(Path file) {
    List<ObjectNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (!doc.isObject()) {
          throw new IllegalArgumentException(
              "[" + file + "]: a manifest must be an object but is " + doc.getNodeType());
        }
        if ("List".equals(doc.path("kind").asText()) && doc.path("items").isArray()) {
          doc.path("items").forEach(i -> {
            if (i.isObject()) {
              out.add((ObjectNode) i);
            }
          });
        } else {
          out.add((ObjectNode) doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? j.getOriginalMessage()
              + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")")
          : e.getMessage();
      throw new IllegalArgumentException("cannot read [" + file + "]: " + reason, e);
    }
    return out;
  }

  private static boolean isElasticsearch(JsonNode tree) {
    return K8sNames.ES_KIND.equals(tree.path("kind").asText())
        && tree.path("apiVersion").asText().startsWith("elasticsearch.k8s.elastic.co/");
  }

  /**
   * The user's manifest of a resource: same name, and same namespace or none (a manifest without
   * a namespace is applied to whichever namespace {@code kubectl -n} names).
   *
   * @param key the resource
   * @return a copy of the manifest, with the namespace set, or empty
   */
  public Optional<ObjectNode> find(EsKey key) {
    ObjectNode withoutNamespace = null;
    for (ObjectNode o : elasticsearch) {
      JsonNode meta = o.path("metadata");
      if (!key.name().equals(meta.path("name").asText())) {
        continue;
      }
      String ns = meta.path("namespace").asText("");
      if (ns.equals(key.namespace())) {
        return Optional.of(o.deepCopy());
      }
      if (ns.isEmpty() && withoutNamespace == null) {
        withoutNamespace = o;
      }
    }
    if (withoutNamespace == null) {
      return Optional.empty();
    }
    ObjectNode copy = withoutNamespace.deepCopy();
    ((ObjectNode) copy.get("metadata")).put("namespace", key.namespace());
    return Optional.of(copy);
  }

  /** {@return how many {@code Elasticsearch} manifests there are} */
  public int size() {
    return elasticsearch.size();
  }
}
