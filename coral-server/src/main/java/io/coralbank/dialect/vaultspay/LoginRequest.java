package io.coralbank.dialect.vaultspay;

/** {@code POST /as/api/v1/saas-login}: the app's credentials from "Dashboard > API Keys". */
public record LoginRequest(String clientId, String clientSecret) {}
