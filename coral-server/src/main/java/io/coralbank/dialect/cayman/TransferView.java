package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A transfer: the documented {@code id}, {@code status}, {@code amount}, {@code currency}, {@code
 * created_at}, and, in the same style, where it came from and went, its reference, when it last
 * changed and why it failed.
 */
public record TransferView(
    String id,
    String status,
    String amount,
    String currency,
    @JsonProperty("source_wallet") String sourceWallet,
    Destination destination,
    String reference,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  /** The destination as the client gave it; fields that do not apply to its type are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Destination(
      String type,
      String iban,
      String system,
      String name,
      String network,
      String address,
      @JsonProperty("wallet_id") String walletId) {}
}
