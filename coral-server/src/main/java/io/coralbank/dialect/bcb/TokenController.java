package io.coralbank.dialect.bcb;

import io.coralbank.identity.AccessTokens;
import io.coralbank.identity.ApiClient;
import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.IssuedToken;
import io.coralbank.web.ClientLogin;
import io.coralbank.web.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's token endpoint, the only path without a version. A token lives 40 minutes; there are no
 * refresh tokens. A wrong secret, an unknown or disabled client and a client of another dialect all
 * answer the same 401.
 */
@RestController
class TokenController {

  private final ApiClients clients;
  private final AccessTokens tokens;

  TokenController(ApiClients clients, AccessTokens tokens) {
    this.clients = clients;
    this.tokens = tokens;
  }

  @PublicEndpoint
  @PostMapping(
      path = "/auth/token",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request) {
    ApiClient client =
        ClientLogin.logIn(
            clients,
            ClientDialect.BCB,
            body.clientId(),
            body.clientSecret(),
            request,
            "Requests from this address are not allowed for this client.");
    IssuedToken issued = tokens.issue(client);
    return new TokenResponse(
        issued.token(), AccessTokens.BCB_LIFETIME.toSeconds(), BcbTime.format(issued.expiresAt()));
  }
}
