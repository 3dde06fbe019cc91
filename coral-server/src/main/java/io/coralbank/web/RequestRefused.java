package io.coralbank.web;

/**
 * Thrown by a handler to refuse a request with one of the framework's failures (401, 403, 400,
 * ...); the owning dialect renders it like every other failure of that kind.
 */
public class RequestRefused extends RuntimeException {

  private final RequestFailure failure;

  public RequestRefused(FailureKind kind, String detail) {
    this(RequestFailure.of(kind, detail));
  }

  public RequestRefused(RequestFailure failure) {
    super(failure.detail(), null, false, false);
    this.failure = failure;
  }

  public RequestFailure failure() {
    return failure;
  }
}
