package io.coralbank.dialect.vaultspay;

/** The login answer, unwrapped as VaultsPay documents it (not inside {@code data}). */
public record LoginResponse(
    String accessToken, String accessTokenExpiry, String refreshToken, String refreshTokenExpiry) {}
