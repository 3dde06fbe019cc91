package io.coralbank.web;

/**
 * Every failure the HTTP layer itself can produce, before or around a handler. Each dialect maps
 * every kind in an exhaustive {@code switch} without {@code default}, so adding a kind breaks the
 * build until each dialect has decided how to render it.
 */
public enum FailureKind {
  /** Credentials are missing or wrong. */
  NOT_AUTHENTICATED,
  /** The access token was valid but has expired. */
  TOKEN_EXPIRED,
  /** The access or refresh token is not a token at all (cannot be parsed). */
  TOKEN_MALFORMED,
  /** The refresh token has expired: the client must log in again. */
  SESSION_EXPIRED,
  /** The credentials are valid but do not carry the permission the endpoint needs. */
  NOT_PERMITTED,
  /** The client may not call from the request's address. */
  ADDRESS_NOT_ALLOWED,
  /** The idempotency key was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED,
  /** The first request with this idempotency key is still running. */
  IDEMPOTENCY_KEY_IN_USE,
  /** The caller has used up its requests for the current window. */
  RATE_LIMITED,
  /** No endpoint exists at this path. */
  ROUTE_NOT_FOUND,
  /** The path exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED,
  /** The endpoint cannot produce any media type the {@code Accept} header allows. */
  NOT_ACCEPTABLE,
  /** The request body is larger than the configured limit. */
  BODY_TOO_LARGE,
  /** The request body's {@code Content-Type} is not one the endpoint reads. */
  UNSUPPORTED_MEDIA_TYPE,
  /** The body is not valid JSON or does not fit the expected shape, or a parameter is invalid. */
  MALFORMED_REQUEST,
  /** Something failed inside Coral; the client learns only the request id. */
  INTERNAL_ERROR
}
