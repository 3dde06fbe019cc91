package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A payment intent as its merchant sees it; {@code client_secret} only in the answer to its
 * creation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentIntentView(
    String id,
    String status,
    String amount,
    String currency,
    String description,
    Map<String, String> metadata,
    @JsonProperty("payment_method") PaymentMethod paymentMethod,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("client_secret") String clientSecret,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PaymentMethod(String type, Card card) {}

  public record Card(String brand, String last4) {}

  /** What a payer holding only the client secret sees: the payment, nothing about the merchant. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ForPayer(
      String id,
      String status,
      String amount,
      String currency,
      @JsonProperty("failure_reason") String failureReason) {}
}
