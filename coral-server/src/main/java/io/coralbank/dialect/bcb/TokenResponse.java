package io.coralbank.dialect.bcb;

/**
 * {@code POST /auth/token}: {@code token} as BCB documents it; {@code expiresIn} (seconds) and
 * {@code expiresAt} are Coral's additions.
 */
public record TokenResponse(String token, long expiresIn, String expiresAt) {}
