package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Optional;

/**
 * What reading YAML into a tree would get wrong without a word: a second document (only the first
 * would be read) and aliases ({@code *name}, which Jackson reads as the string {@code name}). Not
 * API.
 */
public final class YamlShape {

  /**
   * One problem.
   *
   * @param path where, as {@code clusters[0].name}, or "" for the document
   * @param message what, starting with the line and column
   */
  public record Issue(String path, String message) {}

  private YamlShape() {}

  /**
   * Checks YAML text that has already parsed without error; JSON text (starting with '{' or '[')
   * has neither documents nor aliases and is not checked.
   *
   * @param text the text
   * @return the first issue, if any
   */
  public static Optional<Issue> check(String text) {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return Optional.empty();
    }
    try (JsonParser parser = Json.YAML.getFactory().createParser(text)) {
      if (!(parser instanceof YAMLParser)) {
        return Optional.empty();
      }
      YAMLParser yaml = (YAMLParser) parser;
      int depth = 0;
      int documents = 0;
      JsonToken token;
      while ((token = yaml.nextToken()) != null) {
        if (depth == 0 && (documents == 0 || token != JsonToken.VALUE_NULL)) {
          documents++;
          if (documents > 1) {
            return Optional.of(new Issue("", where(yaml.currentTokenLocation())
                + "a second YAML document starts here (after '---'): a topology file holds one"
                + " document; split it into several files"));
          }
        }
        if (yaml.isCurrentAlias()) {
          return Optional.of(new Issue(Json.pathOf(yaml.getParsingContext()), where(yaml.currentTokenLocation())
              + "YAML aliases are not supported (*" + yaml.getText()
              + "): write the value out"));
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the tree was read without error; a failure here is reported by that read, not here
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }
}
