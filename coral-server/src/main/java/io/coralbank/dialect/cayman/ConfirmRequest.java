package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /v1/payments/intents/{id}/confirm}: the client secret and a card; or, for {@code
 * /pay}, the client secret and optionally the payer's {@code source_wallet}.
 */
public record ConfirmRequest(
    @JsonProperty("client_secret") String clientSecret,
    @JsonProperty("payment_method") PaymentMethod paymentMethod,
    @JsonProperty("source_wallet") String sourceWallet) {

  public record PaymentMethod(String type, Card card) {}

  public record Card(
      String number,
      @JsonProperty("exp_month") Integer expMonth,
      @JsonProperty("exp_year") Integer expYear,
      String cvc) {}
}
