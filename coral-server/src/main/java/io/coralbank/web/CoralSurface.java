package io.coralbank.web;

import java.util.UUID;

/**
 * Renders failures on paths that belong to no dialect (for example {@code /} or an unknown actuator
 * path) as problem details, Coral's own error shape.
 */
final class CoralSurface implements DialectSurface {

  @Override
  public String name() {
    return "coral";
  }

  @Override
  public String newRequestId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public RenderedError render(RequestFailure failure, String requestId) {
    return switch (failure.kind()) {
      case NOT_AUTHENTICATED ->
          ProblemJson.problem(401, "not_authenticated", failure.detail(), requestId);
      case TOKEN_EXPIRED, TOKEN_MALFORMED, SESSION_EXPIRED ->
          ProblemJson.problem(401, "not_authenticated", failure.detail(), requestId);
      case NOT_PERMITTED -> ProblemJson.problem(403, "not_permitted", failure.detail(), requestId);
      case ADDRESS_NOT_ALLOWED ->
          ProblemJson.problem(403, "address_not_allowed", failure.detail(), requestId);
      case IDEMPOTENCY_KEY_REUSED ->
          ProblemJson.problem(422, "idempotency_key_reused", failure.detail(), requestId);
      case IDEMPOTENCY_KEY_IN_USE ->
          ProblemJson.problem(409, "idempotency_key_in_use", failure.detail(), requestId);
      case RATE_LIMITED -> ProblemJson.problem(429, "rate_limited", failure.detail(), requestId);
      case ROUTE_NOT_FOUND -> ProblemJson.problem(404, "not_found", failure.detail(), requestId);
      case METHOD_NOT_ALLOWED ->
          ProblemJson.problem(405, "method_not_allowed", failure.detail(), requestId);
      case NOT_ACCEPTABLE ->
          ProblemJson.problem(406, "not_acceptable", failure.detail(), requestId);
      case BODY_TOO_LARGE ->
          ProblemJson.problem(413, "body_too_large", failure.detail(), requestId);
      case UNSUPPORTED_MEDIA_TYPE ->
          ProblemJson.problem(415, "unsupported_media_type", failure.detail(), requestId);
      case MALFORMED_REQUEST ->
          ProblemJson.problem(400, "malformed_request", failure.detail(), requestId);
      case INTERNAL_ERROR ->
          ProblemJson.problem(500, "internal_error", failure.detail(), requestId);
    };
  }
}
