package io.coralbank.dialect.vaultspay;

import io.coralbank.identity.ClientDialect;
import io.coralbank.web.DialectSurface;
import io.coralbank.web.RenderedError;
import io.coralbank.web.RequestFailure;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * VaultsPay's conventions. Documented codes are used as documented (1002 UNAUTHENTICATED, 1010
 * BAD_REQUEST); failures VaultsPay documents no code for get 1000 plus the HTTP status (1404
 * NOT_FOUND, ...), as written down in {@code docs/api/vaultspay.md}.
 */
@Component
class VaultsPaySurface implements DialectSurface {

  @Override
  public String name() {
    return "vaultspay";
  }

  @Override
  public Optional<ClientDialect> clientDialect() {
    return Optional.of(ClientDialect.VAULTSPAY);
  }

  @Override
  public String newRequestId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public RenderedError render(RequestFailure failure, String requestId) {
    return switch (failure.kind()) {
      case NOT_AUTHENTICATED ->
          error(
              401,
              1002,
              "UNAUTHENTICATED",
              "You are not authenticated. Please login to continue.",
              List.of());
      case TOKEN_EXPIRED ->
          error(
              401,
              1003,
              "TOKEN_EXPIRED",
              "Your access token has expired. Please get a new token.",
              List.of());
      case TOKEN_MALFORMED ->
          error(400, 1036, "INVALID_TOKEN", "Invalid access token provided.", List.of());
      case SESSION_EXPIRED ->
          error(
              401,
              1004,
              "SESSION_EXPIRED",
              "Your session has expired. Please login again.",
              List.of());
      case NOT_PERMITTED -> error(403, 1008, "NO_PRIVILEGE", "Insufficient Privilege.", List.of());
      case ADDRESS_NOT_ALLOWED ->
          error(403, 1007, "IP_NOT_WHITELISTED", "Your IP is not whitelisted.", List.of());
      case IDEMPOTENCY_KEY_REUSED ->
          error(
              422,
              1000,
              "INVALID_PAYLOAD",
              "Invalid payload. Please check your request.",
              List.of(new VaultsPayErrorResponse.FieldError("Idempotency-Key", failure.detail())));
      case IDEMPOTENCY_KEY_IN_USE -> error(409, 1409, "CONFLICT", failure.detail(), List.of());
      case RATE_LIMITED ->
          error(429, 1005, "THROTTLE", "Too many requests. Please try again later.", List.of());
      case ROUTE_NOT_FOUND -> error(404, 1404, "NOT_FOUND", failure.detail(), List.of());
      case METHOD_NOT_ALLOWED ->
          error(405, 1405, "METHOD_NOT_ALLOWED", failure.detail(), List.of());
      case NOT_ACCEPTABLE -> error(406, 1406, "NOT_ACCEPTABLE", failure.detail(), List.of());
      case BODY_TOO_LARGE -> error(413, 1413, "PAYLOAD_TOO_LARGE", failure.detail(), List.of());
      case UNSUPPORTED_MEDIA_TYPE ->
          error(415, 1415, "UNSUPPORTED_MEDIA_TYPE", failure.detail(), List.of());
      case MALFORMED_REQUEST ->
          error(
              400,
              1010,
              "BAD_REQUEST",
              "Invalid request.",
              List.of(new VaultsPayErrorResponse.FieldError("body", failure.detail())));
      case INTERNAL_ERROR -> error(500, 1500, "INTERNAL_ERROR", failure.detail(), List.of());
    };
  }

  private static RenderedError error(
      int status,
      int code,
      String type,
      String message,
      List<VaultsPayErrorResponse.FieldError> errors) {
    return new RenderedError(
        status,
        MediaType.APPLICATION_JSON,
        new VaultsPayErrorResponse(code, message, type, errors));
  }
}
