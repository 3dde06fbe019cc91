package io.coralbank.web;

import io.coralbank.identity.AccessDecision;
import io.coralbank.identity.AccessTokens;
import io.coralbank.identity.ApiClient;
import io.coralbank.identity.ApiKeys;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.TokenClaims;
import io.coralbank.identity.TokenVerification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides, before any handler of a dialect with API clients runs, whether the caller may call it:
 * valid credentials (a token, or an API key where the dialect uses keys), an address in the
 * client's allow-list, and the permission the handler declares. Built once here, so no handler can
 * forget it; each dialect renders the refusals in its own shape.
 */
@Component
class AccessInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
  private static final String BEARER = "Bearer ";

  private final DialectRegistry registry;
  private final AccessTokens tokens;
  private final ApiKeys apiKeys;

  AccessInterceptor(DialectRegistry registry, AccessTokens tokens, ApiKeys apiKeys) {
    this.registry = registry;
    this.tokens = tokens;
    this.apiKeys = apiKeys;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<ClientDialect> dialect =
        registry.owning(method.getBeanType()).flatMap(DialectSurface::clientDialect);
    if (dialect.isEmpty() || method.hasMethodAnnotation(PublicEndpoint.class)) {
      return true;
    }
    RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
    if (required == null) {
      log.error("Endpoint {} declares no permission; refusing it", method);
      throw new RequestRefused(FailureKind.NOT_PERMITTED, "This endpoint is not available.");
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new RequestRefused(FailureKind.NOT_AUTHENTICATED, "Authentication failed");
    }
    String credential = header.substring(BEARER.length()).trim();
    Authenticated authenticated =
        dialect.get().usesApiKeys()
            ? byApiKey(dialect.get(), credential)
            : byToken(dialect.get(), credential);
    Caller caller = authenticated.caller();
    AuditSubject.set(request, new AuditSubject("client:" + caller.clientId(), caller.customerId()));
    switch (AccessDecision.decide(
        authenticated.client(), caller.permissions(), request.getRemoteAddr(), required.value())) {
      case ALLOWED -> request.setAttribute(Caller.ATTRIBUTE, caller);
      case ADDRESS_NOT_ALLOWED ->
          throw new RequestRefused(
              FailureKind.ADDRESS_NOT_ALLOWED,
              "Requests from this address are not allowed for this client.");
      case NOT_PERMITTED ->
          throw new RequestRefused(
              FailureKind.NOT_PERMITTED,
              "The credentials do not carry the permission " + required.value() + ".");
    }
    return true;
  }

  /** Who is calling, and their client as it stands now (for its allow-list). */
  private record Authenticated(Caller caller, ApiClient client) {}

  private Authenticated byApiKey(ClientDialect dialect, String apiKey) {
    ApiClient client =
        apiKeys
            .authenticate(dialect, apiKey)
            .orElseThrow(
                () -> new RequestRefused(FailureKind.NOT_AUTHENTICATED, "Authentication failed"));
    return new Authenticated(
        new Caller(client.clientId(), client.customerId(), client.permissions()), client);
  }

  /** A token's permissions are those it was issued with, not the client's current ones. */
  private Authenticated byToken(ClientDialect dialect, String token) {
    return switch (tokens.verify(dialect, token)) {
      case TokenVerification.Valid valid -> {
        TokenClaims claims = valid.claims();
        yield new Authenticated(
            new Caller(claims.clientId(), claims.customerId(), List.copyOf(claims.permissions())),
            valid.client());
      }
      case TokenVerification.Invalid invalid -> {
        log.info("Token refused: {}", invalid.reason());
        throw new RequestRefused(kindOf(invalid.reason()), "Authentication failed");
      }
    };
  }

  private static FailureKind kindOf(TokenVerification.Reason reason) {
    return switch (reason) {
      case MALFORMED -> FailureKind.TOKEN_MALFORMED;
      case EXPIRED -> FailureKind.TOKEN_EXPIRED;
      case ALGORITHM_NOT_ALLOWED,
          UNKNOWN_KEY,
          BAD_SIGNATURE,
          WRONG_ISSUER_OR_AUDIENCE,
          CLIENT_NOT_ACTIVE ->
          FailureKind.NOT_AUTHENTICATED;
    };
  }
}
