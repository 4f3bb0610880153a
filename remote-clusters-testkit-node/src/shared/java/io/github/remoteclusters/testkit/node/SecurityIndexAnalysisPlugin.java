package io.github.remoteclusters.testkit.node;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components the {@code .security} index settings name: the {@code uax_url_email}
 * tokenizer and the {@code pattern_capture} and {@code unique} token filters. A distribution gets
 * them from its analysis-common module, which is not on Maven Central; without them the security
 * index cannot be created, so API keys and native users and roles fail with {@code Unknown filter
 * type [pattern_capture]}. Each wraps the Lucene class analysis-common wraps.
 */
public final class SecurityIndexAnalysisPlugin extends Plugin implements AnalysisPlugin {

  /** Creates the plugin; Elasticsearch calls this reflectively. */
  public SecurityIndexAnalysisPlugin() {}

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of(
        "uax_url_email",
        (indexSettings, env, name, settings) ->
            TokenizerFactory.newFactory(name, UAX29URLEmailTokenizer::new));
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(
        "pattern_capture",
        AnalysisPlugin.requiresAnalysisSettings(
            (indexSettings, env, name, settings) -> {
              List<String> regexes = settings.getAsList("patterns");
              Pattern[] patterns = regexes.stream().map(Pattern::compile).toArray(Pattern[]::new);
              boolean preserveOriginal = settings.getAsBoolean("preserve_original", true);
              return filter(
                  name, in -> new PatternCaptureGroupTokenFilter(in, preserveOriginal, patterns));
            }),
        "unique",
        (indexSettings, env, name, settings) -> filter(name, RemoveDuplicatesTokenFilter::new));
  }

  private static TokenFilterFactory filter(String name, UnaryOperator<TokenStream> filter) {
    return new TokenFilterFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public TokenStream create(TokenStream tokenStream) {
        return filter.apply(tokenStream);
      }
    };
  }
}
