package io.coralbank.web;

import java.time.Instant;
import java.util.Set;

/**
 * A failure of the HTTP layer, ready for a dialect to render.
 *
 * @param kind what went wrong
 * @param detail a sentence safe to show the client: never an exception message or class name
 * @param allowedMethods for {@link FailureKind#METHOD_NOT_ALLOWED}, the methods the path accepts
 * @param retryAt for {@link FailureKind#RATE_LIMITED}, when the caller may try again
 */
public record RequestFailure(
    FailureKind kind, String detail, Set<String> allowedMethods, Instant retryAt) {

  public RequestFailure {
    allowedMethods = allowedMethods == null ? Set.of() : Set.copyOf(allowedMethods);
  }

  public RequestFailure(FailureKind kind, String detail, Set<String> allowedMethods) {
    this(kind, detail, allowedMethods, null);
  }

  public static RequestFailure of(FailureKind kind, String detail) {
    return new RequestFailure(kind, detail, Set.of(), null);
  }
}
