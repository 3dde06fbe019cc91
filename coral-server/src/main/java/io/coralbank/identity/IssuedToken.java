package io.coralbank.identity;

import java.time.Instant;

/** A signed access token and when it expires. */
public record IssuedToken(String token, Instant expiresAt) {}
