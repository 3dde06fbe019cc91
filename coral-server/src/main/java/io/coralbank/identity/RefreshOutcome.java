package io.coralbank.identity;

/** What a refresh token was good for. */
public sealed interface RefreshOutcome {

  record Refreshed(IssuedToken access) implements RefreshOutcome {}

  /** Not a refresh token Coral issued (or its secret is wrong). */
  record Invalid() implements RefreshOutcome {}

  /** It was valid but has expired: log in again. */
  record Expired() implements RefreshOutcome {}

  /** Its client was disabled. */
  record ClientNotActive() implements RefreshOutcome {}
}
