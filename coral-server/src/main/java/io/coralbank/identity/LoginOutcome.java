package io.coralbank.identity;

/** What a login with a client id and secret came to. */
public sealed interface LoginOutcome {

  record LoggedIn(ApiClient client) implements LoginOutcome {}

  /** Unknown client, wrong secret, disabled client, or a client of another dialect: all alike. */
  record WrongCredentials() implements LoginOutcome {}

  /** The credentials were right but the caller's address is outside the client's allow-list. */
  record AddressNotAllowed() implements LoginOutcome {}
}
