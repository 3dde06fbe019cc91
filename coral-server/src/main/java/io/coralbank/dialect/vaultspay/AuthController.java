package io.coralbank.dialect.vaultspay;

import io.coralbank.identity.ApiClient;
import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.IssuedSession;
import io.coralbank.identity.RefreshOutcome;
import io.coralbank.identity.Sessions;
import io.coralbank.web.ClientLogin;
import io.coralbank.web.FailureKind;
import io.coralbank.web.PublicEndpoint;
import io.coralbank.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * VaultsPay's authentication service ({@code /as}): login with the app's credentials, and renewal
 * of the access token with the refresh token. Expiries are written as VaultsPay's examples write
 * them ({@code 2024-09-23T18:33:10.049+00:00}).
 */
@RestController
class AuthController {

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private final ApiClients clients;
  private final Sessions sessions;

  AuthController(ApiClients clients, Sessions sessions) {
    this.clients = clients;
    this.sessions = sessions;
  }

  @PublicEndpoint
  @PostMapping(
      path = "/as/api/v1/saas-login",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  LoginResponse login(@RequestBody LoginRequest body, HttpServletRequest request) {
    ApiClient client =
        ClientLogin.logIn(
            clients,
            ClientDialect.VAULTSPAY,
            body.clientId(),
            body.clientSecret(),
            request,
            "Your IP is not whitelisted.");
    IssuedSession session = sessions.open(client);
    return new LoginResponse(
        session.access().token(),
        format(session.access().expiresAt()),
        session.refreshToken(),
        format(session.refreshTokenExpiry()));
  }

  @PublicEndpoint
  @PostMapping(
      path = "/as/api/v1/saas-refresh-token",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  DataEnvelope<RefreshedToken> refresh(@RequestBody RefreshRequest body) {
    if (!Sessions.looksLikeRefreshToken(body.refreshToken())) {
      throw new RequestRefused(FailureKind.TOKEN_MALFORMED, "Invalid refresh token provided.");
    }
    return switch (sessions.refresh(body.refreshToken())) {
      case RefreshOutcome.Refreshed refreshed ->
          new DataEnvelope<>(
              new RefreshedToken(
                  refreshed.access().token(), format(refreshed.access().expiresAt())));
      case RefreshOutcome.Expired expired ->
          throw new RequestRefused(FailureKind.SESSION_EXPIRED, "The refresh token has expired.");
      case RefreshOutcome.Invalid invalid ->
          throw new RequestRefused(FailureKind.TOKEN_MALFORMED, "Invalid refresh token provided.");
      case RefreshOutcome.ClientNotActive inactive ->
          throw new RequestRefused(FailureKind.NOT_AUTHENTICATED, "Authentication failed");
    };
  }

  private static String format(Instant instant) {
    return EXPIRY.format(instant.atOffset(ZoneOffset.UTC));
  }
}
