package io.coralbank.dialect.bcb;

import io.coralbank.identity.ClientDialect;
import io.coralbank.web.DialectSurface;
import io.coralbank.web.RenderedError;
import io.coralbank.web.RequestFailure;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * BCB's conventions: UUID request ids, and errors as {@code {"error": "<CODE>", "message": "..."}}
 * with upper-snake codes such as {@code BAD_REQUEST}, the style BCB's own examples use.
 */
@Component
class BcbSurface implements DialectSurface {

  /** Bermuda Commercial Bank's BIC, which BCB returns with every new virtual account. */
  static final String BIC = "BPBKBMHM";

  @Override
  public String name() {
    return "bcb";
  }

  @Override
  public Optional<ClientDialect> clientDialect() {
    return Optional.of(ClientDialect.BCB);
  }

  @Override
  public boolean idempotencyKeysAreUuids() {
    return true;
  }

  @Override
  public String newRequestId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public RenderedError render(RequestFailure failure, String requestId) {
    return switch (failure.kind()) {
      case NOT_AUTHENTICATED -> error(401, "UNAUTHORIZED", "Authentication failed");
      // BCB gives every token problem the same answer.
      case TOKEN_EXPIRED, TOKEN_MALFORMED, SESSION_EXPIRED ->
          error(401, "UNAUTHORIZED", "Authentication failed");
      case NOT_PERMITTED -> error(403, "FORBIDDEN", failure.detail());
      // BCB's IP-restriction guide gives the error text itself as the code.
      case ADDRESS_NOT_ALLOWED -> error(403, "IP address not allowed", failure.detail());
      case IDEMPOTENCY_KEY_REUSED -> error(422, "IDEMPOTENCY_KEY_REUSED", failure.detail());
      // BCB's errors guide lists 409 "Conflict detected".
      case IDEMPOTENCY_KEY_IN_USE -> error(409, "CONFLICT", failure.detail());
      // BCB's rate-limiting guide: the text is the code, and the body adds retry_after.
      case RATE_LIMITED ->
          new RenderedError(
              429,
              MediaType.APPLICATION_JSON,
              new BcbRateLimitResponse(
                  "Rate limit exceeded",
                  failure.detail(),
                  failure.retryAt() == null ? null : failure.retryAt().toString()));
      case ROUTE_NOT_FOUND -> error(404, "NOT_FOUND", failure.detail());
      case METHOD_NOT_ALLOWED -> error(405, "METHOD_NOT_ALLOWED", failure.detail());
      case NOT_ACCEPTABLE -> error(406, "NOT_ACCEPTABLE", failure.detail());
      case BODY_TOO_LARGE -> error(413, "PAYLOAD_TOO_LARGE", failure.detail());
      case UNSUPPORTED_MEDIA_TYPE -> error(415, "UNSUPPORTED_MEDIA_TYPE", failure.detail());
      case MALFORMED_REQUEST -> error(400, "BAD_REQUEST", failure.detail());
      // BCB's errors guide gives this exact message for 500.
      case INTERNAL_ERROR -> error(500, "INTERNAL_SERVER_ERROR", "An unknown error occurred");
    };
  }

  private static RenderedError error(int status, String code, String message) {
    return new RenderedError(
        status, MediaType.APPLICATION_JSON, new BcbErrorResponse(code, message));
  }
}
