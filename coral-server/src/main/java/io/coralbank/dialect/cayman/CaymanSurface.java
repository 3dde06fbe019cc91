package io.coralbank.dialect.cayman;

import com.github.f4b6a3.ulid.UlidCreator;
import io.coralbank.identity.ClientDialect;
import io.coralbank.web.DialectSurface;
import io.coralbank.web.RenderedError;
import io.coralbank.web.RequestFailure;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Cayman's conventions: request ids are {@code req_} followed by a ULID, and the request id is in
 * the error body as well as in {@code X-Request-Id}. Codes are the documented ones ({@code
 * validation_error}, {@code unauthorized}, ...) and, where the documentation names none, snake_case
 * codes in the same style.
 */
@Component
class CaymanSurface implements DialectSurface {

  @Override
  public String name() {
    return "cayman";
  }

  @Override
  public Optional<ClientDialect> clientDialect() {
    return Optional.of(ClientDialect.CAYMAN);
  }

  @Override
  public String newRequestId() {
    return "req_" + UlidCreator.getMonotonicUlid();
  }

  @Override
  public RenderedError render(RequestFailure failure, String requestId) {
    return switch (failure.kind()) {
      case NOT_AUTHENTICATED ->
          error(401, "unauthorized", "Missing or invalid API key.", requestId);
      case TOKEN_EXPIRED, TOKEN_MALFORMED, SESSION_EXPIRED ->
          error(401, "unauthorized", "Missing or invalid API key.", requestId);
      case NOT_PERMITTED -> error(403, "forbidden", failure.detail(), requestId);
      case ADDRESS_NOT_ALLOWED -> error(403, "ip_not_allowed", failure.detail(), requestId);
      case IDEMPOTENCY_KEY_REUSED ->
          error(422, "idempotency_key_reused", failure.detail(), requestId);
      case IDEMPOTENCY_KEY_IN_USE ->
          error(409, "idempotency_key_in_use", failure.detail(), requestId);
      case RATE_LIMITED -> error(429, "rate_limited", failure.detail(), requestId);
      case ROUTE_NOT_FOUND -> error(404, "not_found", failure.detail(), requestId);
      case METHOD_NOT_ALLOWED -> error(405, "method_not_allowed", failure.detail(), requestId);
      case NOT_ACCEPTABLE -> error(406, "not_acceptable", failure.detail(), requestId);
      case BODY_TOO_LARGE -> error(413, "payload_too_large", failure.detail(), requestId);
      case UNSUPPORTED_MEDIA_TYPE ->
          error(415, "unsupported_media_type", failure.detail(), requestId);
      case MALFORMED_REQUEST -> error(400, "validation_error", failure.detail(), requestId);
      case INTERNAL_ERROR -> error(500, "internal_error", failure.detail(), requestId);
    };
  }

  private static RenderedError error(int status, String code, String message, String requestId) {
    return new RenderedError(
        status,
        MediaType.APPLICATION_JSON,
        new CaymanErrorResponse(new CaymanErrorResponse.Error(code, message, requestId)));
  }
}
