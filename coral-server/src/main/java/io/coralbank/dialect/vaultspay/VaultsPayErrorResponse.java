package io.coralbank.dialect.vaultspay;

import java.util.List;

/**
 * VaultsPay's error body.
 *
 * @param code VaultsPay's numeric error code, such as 1010
 * @param message a human-readable sentence
 * @param type the code's name, such as {@code BAD_REQUEST}
 * @param errors per-field reasons; empty when the error concerns no field
 */
public record VaultsPayErrorResponse(
    int code, String message, String type, List<FieldError> errors) {

  /** One field's problem: {@code key} names the field, {@code reason} says what is wrong. */
  public record FieldError(String key, String reason) {}
}
