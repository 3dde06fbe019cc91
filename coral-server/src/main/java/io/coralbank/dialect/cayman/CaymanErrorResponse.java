package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Cayman's error body: every error response has this shape, wrapped in {@code error}. */
public record CaymanErrorResponse(Error error) {

  /**
   * @param code a stable code such as {@code validation_error}
   * @param message a human-readable sentence
   * @param requestId the id also sent in {@code X-Request-Id}
   */
  public record Error(String code, String message, @JsonProperty("request_id") String requestId) {}
}
