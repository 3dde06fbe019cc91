package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may pay from which account, retries with the same key, an account's payments as pages and
 * CSV, and payments in another currency than the account's, on today's rate or a dealer's quote.
 */
class BcbPaymentsAccessAndCurrencyTest extends BcbPaymentsFixture {

  @Test
  void paymentsNeedTheirPermissionAndStayWithinTheCustomer() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String id =
        body(post(payer, "/v1/payments/swift", swift(from, "USD", "1", "X1"), null))
            .path("id")
            .asString();
    Customer reader = customer("[\"get-accounts\"]");
    String readersAccount = account(reader, "USD", "100.00");
    Customer stranger = customer();

    assertThat(
            post(reader, "/v1/payments/swift", swift(readersAccount, "USD", "1", "X1"), null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(reader, "/v1/payments/ach-local", ach(readersAccount, "USD", "1", "HSBC"), null)
                .statusCode())
        .isEqualTo(403);
    assertThat(read(reader, "/v1/accounts/" + readersAccount + "/payments").statusCode())
        .isEqualTo(403);
    assertThat(read(stranger, "/v1/payments/" + id + "/status").statusCode()).isEqualTo(404);
    assertThat(read(stranger, "/v1/accounts/" + from + "/payments").statusCode()).isEqualTo(404);
    assertThat(body(read(stranger, "/v1/payments/" + id + "/status")).path("error").asString())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyHoldsTheAmountOnce() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String key = UUID.randomUUID().toString();
    String request = swift(from, "USD", "40", "X1");

    HttpResponse<String> first = post(payer, "/v1/payments/swift", request, key);
    HttpResponse<String> retry = post(payer, "/v1/payments/swift", request, key);
    HttpResponse<String> changed =
        post(payer, "/v1/payments/swift", swift(from, "USD", "41", "X1"), key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(changed.statusCode()).isEqualTo(422);
    assertThat(balances(payer, from)).containsExactly("100.00", "60.00", "40.00");
  }

  @Test
  void anAccountsPaymentsPageNewestFirstStayStableAndComeAsCsv() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    for (String amount : List.of("1", "2", "3")) {
      post(payer, "/v1/payments/swift", swift(from, "USD", amount, "X" + amount), null);
    }

    JsonNode first = body(read(payer, "/v1/accounts/" + from + "/payments?pageSize=2"));
    post(payer, "/v1/payments/swift", swift(from, "USD", "4", "X4"), null);
    String token = first.path("meta").path("pagination").path("page_token").asString();
    JsonNode second =
        body(read(payer, "/v1/accounts/" + from + "/payments?pageStart=2&pageToken=" + token));

    assertThat(first.path("meta").path("pagination").path("total_size").asLong()).isEqualTo(3);
    assertThat(first.path("data").get(0).path("creditAmount").path("amount").asString())
        .isEqualTo("3.00");
    assertThat(first.path("data").get(1).path("creditAmount").path("amount").asString())
        .isEqualTo("2.00");
    assertThat(second.path("data").size()).isEqualTo(1);
    assertThat(second.path("data").get(0).path("creditAmount").path("amount").asString())
        .isEqualTo("1.00");
    assertThat(second.path("meta").path("pagination").path("page_token").isNull()).isTrue();
    HttpResponse<String> csv =
        send(
            request("/bcb/v1/accounts/" + from + "/payments")
                .header("Authorization", "Bearer " + payer.token())
                .header("Accept", "text/csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElseThrow()).contains("transactionId");
    assertThat(csv.body().lines().count()).isEqualTo(5);
  }

  @Test
  void aCrossCurrencyPaymentUsesTheCustomersLiveQuoteAndTodaysRateOnceItExpired() {
    assertThat(admin("PUT", "/admin/v1/fx-rates/USD/EUR", "{\"rate\": \"0.9200\"}").statusCode())
        .isEqualTo(200);
    Customer payer = customer();
    String from = account(payer, "USD", "5000.00");
    JsonNode quote =
        body(
            read(
                payer,
                "/v1/fx-quotes?unitCurrency=USD&currencyOfTransfer=EUR&instructedAmount=1000.00"));
    assertThat(quote.path("convertedAmount").path("amount").asString()).isEqualTo("915.40");
    admin("PUT", "/admin/v1/fx-rates/USD/EUR", "{\"rate\": \"0.8000\"}");

    JsonNode quoted =
        body(
            post(
                payer,
                "/v1/payments/swift",
                swift(from, "EUR", "\"915.40\"", "DE89370400440532013000"),
                null));
    clock.set(clock.instant().plus(Duration.ofMinutes(2)));
    JsonNode repriced =
        body(
            post(
                payer,
                "/v1/payments/swift",
                swift(from, "EUR", "\"915.40\"", "DE89370400440532013000"),
                null));

    assertThat(quoted.path("details").path("exchangeRate").asString()).isEqualTo("0.9154");
    assertThat(quoted.path("details").path("debitAmount").path("amount").asString())
        .isEqualTo("1000.00");
    assertThat(quoted.path("details").path("valueDate").asString()).isEqualTo("2025-01-09");
    assertThat(repriced.path("details").path("exchangeRate").asString()).isEqualTo("0.796");
    assertThat(repriced.path("details").path("debitAmount").path("amount").asString())
        .isEqualTo("1150.00");
    assertThat(balances(payer, from)).containsExactly("5000.00", "2850.00", "2150.00");
    JsonNode status = status(payer, quoted.path("id").asString());
    assertThat(status.path("exchangeRate").asString()).isEqualTo("0.9154");
    assertThat(status.path("creditAmount").path("currency").asString()).isEqualTo("EUR");
    assertThat(
            advanceUntil(payer, quoted.path("id").asString(), Duration.ofMinutes(9), "Completed")
                .path("status")
                .asString())
        .isEqualTo("Completed");
    assertThat(balances(payer, from)).containsExactly("4000.00", "2850.00", "1150.00");
    ledgerBalances();
  }

  @Test
  void aLargeCrossCurrencyPaymentIsReferredAndGoesThroughOnTheDealersQuote() {
    admin("PUT", "/admin/v1/fx-rates/USD/EUR", "{\"rate\": \"0.9200\"}");
    admin("PUT", "/admin/v1/fx-rates/USD/BMD", "{\"rate\": \"1\"}");
    Customer payer = customer();
    String from = account(payer, "USD", "200000.00");

    HttpResponse<String> referred =
        post(
            payer,
            "/v1/payments/swift",
            swift(from, "EUR", "\"150000.00\"", "DE89370400440532013000"),
            null);

    assertThat(referred.statusCode()).isEqualTo(400);
    assertThat(body(referred).path("error").asString()).isEqualTo("FX_REFERRED_TO_DEALING_DESK");
    assertThat(balances(payer, from)).containsExactly("200000.00", "200000.00", "0.00");
    Matcher referral =
        Pattern.compile("referred as ([0-9a-f-]{36})")
            .matcher(body(referred).path("message").asString());
    assertThat(referral.find()).isTrue();
    assertThat(
            admin(
                    "POST",
                    "/admin/v1/fx-referrals/" + referral.group(1) + "/quote",
                    "{\"rate\": \"0.9\"}")
                .statusCode())
        .isEqualTo(201);
    JsonNode dealerQuote = body(read(payer, "/v1/fx-referrals/" + referral.group(1))).path("quote");
    String deliverable = dealerQuote.path("convertedAmount").path("amount").asString();

    JsonNode accepted =
        body(
            post(
                payer,
                "/v1/payments/swift",
                swift(from, "EUR", "\"" + deliverable + "\"", "DE89370400440532013000"),
                null));

    assertThat(accepted.path("transactionStatus").asString()).isEqualTo("Pending");
    assertThat(accepted.path("details").path("exchangeRate").asString()).isEqualTo("0.9");
    assertThat(accepted.path("details").path("debitAmount").path("amount").asString())
        .isEqualTo(dealerQuote.path("instructedAmount").path("amount").asString());
  }
}
