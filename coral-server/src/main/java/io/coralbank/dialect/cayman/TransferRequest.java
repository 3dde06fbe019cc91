package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/transfers}: {@code amount} (a decimal string, or a number), {@code currency},
 * optional {@code source_wallet}, {@code destination} and optional {@code reference}.
 */
public record TransferRequest(
    JsonNode amount,
    String currency,
    @JsonProperty("source_wallet") String sourceWallet,
    Destination destination,
    String reference) {

  /**
   * Where the money goes: {@code type} {@code iban} ({@code iban}, {@code system}, {@code name}),
   * {@code crypto_address} ({@code network}, {@code address}) or {@code wallet} ({@code
   * wallet_id}).
   */
  public record Destination(
      String type,
      String iban,
      String system,
      String name,
      String network,
      String address,
      @JsonProperty("wallet_id") String walletId) {}
}
