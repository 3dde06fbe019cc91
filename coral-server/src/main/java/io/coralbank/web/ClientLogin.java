package io.coralbank.web;

import io.coralbank.identity.ApiClient;
import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientDialect;
import io.coralbank.identity.LoginOutcome;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The part of a login endpoint every dialect shares: audit the claimed client, require both
 * credentials, log in and turn a refusal into the dialect's error. Each dialect then issues its own
 * kind of token and answers in its own shape.
 */
public final class ClientLogin {

  private ClientLogin() {}

  /**
   * Logs a client of {@code dialect} in or throws the refusal. A wrong secret, an unknown or
   * disabled client and a client of another dialect all answer the same 401, so a caller cannot
   * learn which client ids exist.
   *
   * @param addressNotAllowed the message, in the dialect's own words, for a caller outside the
   *     client's address allow-list
   */
  public static ApiClient logIn(
      ApiClients clients,
      ClientDialect dialect,
      String clientId,
      String clientSecret,
      HttpServletRequest request,
      String addressNotAllowed) {
    // Failed logins are audited under the client id they claimed; it is not a secret.
    AuditSubject.set(request, new AuditSubject("client:" + clientId, null));
    if (clientId == null || clientSecret == null) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, "clientId and clientSecret are required.");
    }
    return switch (clients.login(dialect, clientId, clientSecret, request.getRemoteAddr())) {
      case LoginOutcome.LoggedIn loggedIn -> loggedIn.client();
      case LoginOutcome.WrongCredentials wrong ->
          throw new RequestRefused(FailureKind.NOT_AUTHENTICATED, "Authentication failed");
      case LoginOutcome.AddressNotAllowed outside ->
          throw new RequestRefused(FailureKind.ADDRESS_NOT_ALLOWED, addressNotAllowed);
    };
  }
}
