package io.coralbank.dialect.vaultspay;

/** VaultsPay wraps every successful response in {@code {"data": ...}}. */
public record DataEnvelope<T>(T data) {}
