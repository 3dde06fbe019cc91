package io.coralbank.dialect.bcb;

import io.coralbank.identity.AccessTokens;
import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.TokenClaims;
import io.coralbank.identity.TokenVerification;
import io.coralbank.web.AuditSubject;
import io.coralbank.web.FailureKind;
import io.coralbank.web.FailureWriter;
import io.coralbank.web.RequestFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides, before any BCB handler runs, whether the caller may call it: a valid token (401
 * otherwise), an address in the client's allow-list (403 "IP address not allowed"), and the
 * permission claim the handler declares (403). Built once here so no handler can forget it.
 */
@Component
class BcbAccessInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(BcbAccessInterceptor.class);
  private static final String BEARER = "Bearer ";

  private final AccessTokens tokens;
  private final ApiClients clients;
  private final FailureWriter failures;

  BcbAccessInterceptor(AccessTokens tokens, ApiClients clients, FailureWriter failures) {
    this.tokens = tokens;
    this.clients = clients;
    this.failures = failures;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().getPackageName().equals(BcbSurface.class.getPackageName())) {
      return true;
    }
    if (method.hasMethodAnnotation(BcbPublic.class)) {
      return true;
    }
    BcbPermission required = method.getMethodAnnotation(BcbPermission.class);
    if (required == null) {
      log.error("BCB endpoint {} declares no permission; refusing it", method);
      return refuse(
          request, response, FailureKind.NOT_PERMITTED, "This endpoint is not available.");
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse(request, response, FailureKind.NOT_AUTHENTICATED, "Authentication failed");
    }
    TokenVerification verification =
        tokens.verify(ClientDialect.BCB, header.substring(BEARER.length()).trim());
    if (!(verification instanceof TokenVerification.Valid valid)) {
      log.info("BCB token refused: {}", ((TokenVerification.Invalid) verification).reason());
      return refuse(request, response, FailureKind.NOT_AUTHENTICATED, "Authentication failed");
    }
    TokenClaims claims = valid.claims();
    AuditSubject.set(request, new AuditSubject("client:" + claims.clientId(), claims.customerId()));
    boolean addressAllowed =
        clients
            .findForToken(claims.clientId())
            .map(client -> client.allowsAddress(request.getRemoteAddr()))
            .orElse(false);
    if (!addressAllowed) {
      return refuse(
          request,
          response,
          FailureKind.ADDRESS_NOT_ALLOWED,
          "Requests from this address are not allowed for this client.");
    }
    if (!claims.permissions().contains(required.value())) {
      return refuse(
          request,
          response,
          FailureKind.NOT_PERMITTED,
          "The token does not carry the permission " + required.value() + ".");
    }
    request.setAttribute(
        BcbCaller.ATTRIBUTE,
        new BcbCaller(claims.clientId(), claims.customerId(), claims.permissions()));
    return true;
  }

  private boolean refuse(
      HttpServletRequest request, HttpServletResponse response, FailureKind kind, String detail)
      throws IOException {
    failures.write(request, response, RequestFailure.of(kind, detail));
    return false;
  }
}
