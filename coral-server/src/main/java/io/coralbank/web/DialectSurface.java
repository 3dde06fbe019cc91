package io.coralbank.web;

/**
 * What the framework needs from a dialect: its name, where its controllers live, how it names
 * request ids and how it renders a failure. One bean per dialect, declared in the dialect's own
 * package.
 */
public interface DialectSurface {

  /** The dialect's name, as in configuration ({@code coral.dialects.<name>.base-path}). */
  String name();

  /** The package whose controllers are mounted under this dialect's base path. */
  default String controllerPackage() {
    return getClass().getPackageName();
  }

  /**
   * The API clients that call this dialect, or empty when the dialect authenticates otherwise (the
   * admin API's operator token).
   */
  default java.util.Optional<io.coralbank.identity.ClientDialect> clientDialect() {
    return java.util.Optional.empty();
  }

  /** Whether the dialect requires {@code Idempotency-Key} values to be UUIDs (BCB does). */
  default boolean idempotencyKeysAreUuids() {
    return false;
  }

  /** A new request id in the dialect's convention. */
  String newRequestId();

  /** The failure in the dialect's error shape, with the status the dialect documents. */
  RenderedError render(RequestFailure failure, String requestId);
}
