package io.coralbank.identity;

/** The outcome of checking an access token. */
public sealed interface TokenVerification {

  /** The token is valid; {@code client} is its client as it stands now (active). */
  record Valid(TokenClaims claims, ApiClient client) implements TokenVerification {}

  /** Why a token was refused; the client learns only that authentication failed. */
  record Invalid(Reason reason) implements TokenVerification {}

  /** Kept for logs and tests, never shown to a client. */
  enum Reason {
    MALFORMED,
    ALGORITHM_NOT_ALLOWED,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_ISSUER_OR_AUDIENCE,
    EXPIRED,
    CLIENT_NOT_ACTIVE
  }
}
