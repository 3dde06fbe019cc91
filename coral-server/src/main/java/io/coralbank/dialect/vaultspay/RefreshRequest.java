package io.coralbank.dialect.vaultspay;

/** {@code POST /as/api/v1/saas-refresh-token}. */
public record RefreshRequest(String refreshToken) {}
