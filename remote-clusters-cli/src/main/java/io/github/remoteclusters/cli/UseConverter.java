package io.github.remoteclusters.cli;

import io.github.remoteclusters.compat.Use;
import picocli.CommandLine;

/** Converts {@code --use} values, with the compat module's message for bad ones. */
final class UseConverter implements CommandLine.ITypeConverter<Use> {
  @Override
  public Use convert(String value) {
    try {
      return Use.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
