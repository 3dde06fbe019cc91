package io.coralbank.dialect.bcb;

/**
 * BCB's error body: {@code error} identifies the condition, {@code message} describes it. Both are
 * required in BCB's schema.
 */
public record BcbErrorResponse(String error, String message) {}
