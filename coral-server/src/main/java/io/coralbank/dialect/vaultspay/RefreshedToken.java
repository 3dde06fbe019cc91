package io.coralbank.dialect.vaultspay;

/** A renewed access token, inside {@code data} as VaultsPay documents it. */
public record RefreshedToken(String accessToken, String accessTokenExpiry) {}
