package io.coralbank.web;

/**
 * A dialect and the base path it is served under.
 *
 * @param surface the dialect
 * @param basePath normalised: starts with "/", no trailing "/", and "" for the root
 */
public record MountedDialect(DialectSurface surface, String basePath) {

  /** Whether {@code path} (a request URI without query) belongs to this dialect. */
  public boolean contains(String path) {
    return basePath.isEmpty()
        || path.equals(basePath)
        || (path.startsWith(basePath) && path.charAt(basePath.length()) == '/');
  }

  /** The base path as an operator writes it: "/" for the root. */
  public String displayPath() {
    return basePath.isEmpty() ? "/" : basePath;
  }

  /** Where the dialect's OpenAPI document is served. */
  public String openApiDocumentPath() {
    return basePath + "/openapi.json";
  }
}
