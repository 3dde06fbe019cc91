package io.coralbank.identity;

import java.time.Instant;

/** A VaultsPay login: an access token and the refresh token that renews it. */
public record IssuedSession(IssuedToken access, String refreshToken, Instant refreshTokenExpiry) {}
