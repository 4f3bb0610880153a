package io.github.remoteclusters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the command line. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
