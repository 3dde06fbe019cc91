package io.coralbank.dialect.bcb;

import com.fasterxml.jackson.annotation.JsonProperty;

/** BCB's 429 body: its error response with {@code retry_after}, when the window resets. */
public record BcbRateLimitResponse(
    String error, String message, @JsonProperty("retry_after") String retryAfter) {}
