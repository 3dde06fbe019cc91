package io.coralbank.dialect.bcb;

/** {@code POST /auth/token}: "the API credentials containing client ID and client secret". */
public record TokenRequest(String clientId, String clientSecret) {}
