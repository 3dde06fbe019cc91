package io.coralbank.dialect.cayman;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Payment intents over HTTP: created by the merchant, paid by card with only the client secret (the
 * simulated card network answers as the clock moves) or from another customer's wallet.
 */
@Import(CaymanSandboxTest.FixedClock.class)
class CaymanPaymentIntentsTest extends CaymanSandboxTest {

  private static final String INTENT =
      "{\"amount\": \"99.00\", \"currency\": \"USD\", \"description\": \"Subscription\","
          + " \"metadata\": {\"plan\": \"pro\"}}";

  private HttpResponse<String> confirm(String intentId, String secret, String card) {
    return send(
        request("/cayman/v1/payments/intents/" + intentId + "/confirm")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"client_secret\": \""
                        + secret
                        + "\", \"payment_method\": {\"type\":"
                        + " \"card\", \"card\": {\"number\": \""
                        + card
                        + "\", \"exp_month\": 12,"
                        + " \"exp_year\": 2030, \"cvc\": \"123\"}}}")));
  }

  @Test
  void aCardPaymentSettlesIntoTheMerchantsWalletWhenTheCardNetworkApproves() {
    Customer merchant = customer();
    String wallet = wallet(merchant, "USD", null);

    HttpResponse<String> created = post(merchant, "/v1/payments/intents", INTENT, null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode intent = body(created);
    String id = intent.path("id").asString();
    String secret = intent.path("client_secret").asString();
    assertThat(id).matches("pi_[0-9A-Z]{26}");
    assertThat(intent.path("status").asString()).isEqualTo("REQUIRES_PAYMENT_METHOD");
    assertThat(intent.path("amount").asString()).isEqualTo("99.00");
    assertThat(intent.path("metadata").path("plan").asString()).isEqualTo("pro");
    assertThat(secret).startsWith(id + "_secret_");
    assertThat(body(get(merchant, "/v1/payments/intents/" + id)).has("client_secret")).isFalse();

    HttpResponse<String> confirmed = confirm(id, secret, "4242424242424242");

    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(body(confirmed).path("status").asString()).isEqualTo("PROCESSING");
    assertThat(body(confirmed).has("metadata")).isFalse();
    JsonNode succeeded =
        advanceUntil(
            merchant, "/v1/payments/intents/" + id, Duration.ofMinutes(11), status("SUCCEEDED"));
    assertThat(succeeded.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(succeeded.path("payment_method").path("card").path("last4").asString())
        .isEqualTo("4242");
    assertThat(succeeded.path("payment_method").path("card").path("brand").asString())
        .isEqualTo("visa");
    assertThat(balances(merchant, wallet)).containsExactly("99.00", "0.00");
    JsonNode event = body(get(merchant, "/v1/events?type=payment.succeeded")).path("data").get(0);
    assertThat(event.path("data").path("object").path("id").asString()).isEqualTo(id);
    assertThat(event.toString()).doesNotContain("4242424242424242");
  }

  @Test
  void aDeclinedCardFailsTheIntentAndMovesNothing() {
    Customer merchant = customer();
    String wallet = wallet(merchant, "USD", null);
    JsonNode intent = body(post(merchant, "/v1/payments/intents", INTENT, null));
    String id = intent.path("id").asString();

    confirm(id, intent.path("client_secret").asString(), "4000000000000002");
    JsonNode failed =
        advanceUntil(
            merchant, "/v1/payments/intents/" + id, Duration.ofMinutes(11), status("FAILED"));

    assertThat(failed.path("failure_reason").asString()).isEqualTo("card_declined");
    assertThat(balances(merchant, wallet)).containsExactly("0.00", "0.00");
    assertThat(body(get(merchant, "/v1/events?type=payment.failed")).path("data")).hasSize(1);
  }

  @Test
  void theClientSecretAloneConfirmsOnceAndAWrongOneFindsNothing() {
    Customer merchant = customer();
    wallet(merchant, "USD", null);
    JsonNode intent = body(post(merchant, "/v1/payments/intents", INTENT, null));
    String id = intent.path("id").asString();
    String secret = intent.path("client_secret").asString();

    assertThat(confirm(id, id + "_secret_wrong", "4242424242424242").statusCode()).isEqualTo(404);
    assertThat(confirm(id, secret, "4242424242424241").statusCode()).isEqualTo(400);
    assertThat(confirm(id, secret, "4242424242424242").statusCode()).isEqualTo(200);
    HttpResponse<String> again = confirm(id, secret, "4242424242424242");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).path("error").path("code").asString())
        .isEqualTo("payment_intent_unexpected_state");
  }

  @Test
  void anotherCustomerPaysFromItsOwnWalletAtOnceAndALowBalanceFailsTheIntent() {
    Customer merchant = customer();
    String merchantWallet = wallet(merchant, "USD", null);
    Customer payer = customer();
    String payerWallet = wallet(payer, "USD", "150.00");
    JsonNode first = body(post(merchant, "/v1/payments/intents", INTENT, null));
    JsonNode second = body(post(merchant, "/v1/payments/intents", INTENT, null));

    HttpResponse<String> paid =
        post(
            payer,
            "/v1/payments/intents/" + first.path("id").asString() + "/pay",
            "{\"client_secret\": \"" + first.path("client_secret").asString() + "\"}",
            null);
    HttpResponse<String> tooLow =
        post(
            payer,
            "/v1/payments/intents/" + second.path("id").asString() + "/pay",
            "{\"client_secret\": \"" + second.path("client_secret").asString() + "\"}",
            null);

    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    assertThat(body(paid).path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(body(tooLow).path("status").asString()).isEqualTo("FAILED");
    assertThat(body(tooLow).path("failure_reason").asString()).isEqualTo("insufficient_funds");
    assertThat(balances(payer, payerWallet)).containsExactly("51.00", "0.00");
    assertThat(balances(merchant, merchantWallet)).containsExactly("99.00", "0.00");
    assertThat(get(payer, "/v1/payments/intents/" + first.path("id").asString()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theMerchantCancelsAnUnpaidIntentAndBadRequestsAreRefused() {
    Customer merchant = customer();
    wallet(merchant, "USD", null);
    JsonNode intent = body(post(merchant, "/v1/payments/intents", INTENT, null));
    String id = intent.path("id").asString();

    HttpResponse<String> canceled =
        post(merchant, "/v1/payments/intents/" + id + "/cancel", null, null);

    assertThat(body(canceled).path("status").asString()).isEqualTo("CANCELED");
    assertThat(
            confirm(id, intent.path("client_secret").asString(), "4242424242424242").statusCode())
        .isEqualTo(409);
    assertThat(post(customer(), "/v1/payments/intents/" + id + "/cancel", null, null).statusCode())
        .isEqualTo(404);
    assertThat(
            post(merchant, "/v1/payments/intents", INTENT.replace("USD", "EUR"), null).statusCode())
        .isEqualTo(400);
    assertThat(
            post(merchant, "/v1/payments/intents", INTENT.replace("\"pro\"", "7"), null)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(merchant, "/v1/payments/intents", INTENT.replace("99.00", "99.001"), null)
                .statusCode())
        .isEqualTo(400);
    JsonNode list = body(get(merchant, "/v1/payments/intents"));
    assertThat(list.path("data").get(0).path("id").asString()).isEqualTo(id);
  }
}
