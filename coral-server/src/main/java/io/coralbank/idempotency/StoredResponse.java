package io.coralbank.idempotency;

/** The final response of the first execution, replayed to every retry. */
public record StoredResponse(int status, String contentType, byte[] body) {}
