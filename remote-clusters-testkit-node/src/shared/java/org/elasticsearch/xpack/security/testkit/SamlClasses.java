package org.elasticsearch.xpack.security.testkit;

/** Which security classes belong to SAML and so need OpenSAML, which is not on Maven Central. */
final class SamlClasses {

  private SamlClasses() {}

  /**
   * Whether a transport action or REST handler class is part of SAML.
   *
   * @param type the class
   * @return true for {@code ...saml...} packages and {@code Saml*} classes
   */
  static boolean isSaml(Class<?> type) {
    String name = type.getName();
    return name.contains(".saml.") || name.contains("Saml");
  }
}
