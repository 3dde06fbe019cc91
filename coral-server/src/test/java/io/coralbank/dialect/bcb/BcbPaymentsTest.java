package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SWIFT and local ACH payments over HTTP: accepted as holds, settled, failed or returned by the
 * simulated network as the clock moves, with balances checked at each step, and every documented
 * refusal.
 */
class BcbPaymentsTest extends BcbPaymentsFixture {

  @Test
  void aSwiftPaymentHoldsItsAmountAtOnceAndPostsItWhenTheNetworkSettles() {
    Customer payer = customer();
    String from = account(payer, "USD", "1000.00");

    HttpResponse<String> response =
        post(payer, "/v1/payments/swift", swift(from, "USD", "\"250.00\"", "GB29NWBK6016"), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode payment = body(response);
    String id = payment.path("id").asString();
    assertThat(id).matches("FT\\d{5}[0-9A-Z]{5}");
    assertThat(payment.path("status").asString()).isEqualTo("success");
    assertThat(payment.path("transactionStatus").asString()).isEqualTo("Pending");
    assertThat(payment.path("uniqueIdentifier").asString()).startsWith("bcb-swift:");
    JsonNode details = payment.path("details");
    assertThat(details.path("creditAmount").path("amount").asString()).isEqualTo("250.00");
    assertThat(details.path("debitAmount").path("amount").asString()).isEqualTo("250.00");
    assertThat(details.path("debitAccountNumber").path("number").asString()).isEqualTo(from);
    assertThat(details.path("creditAccountNumber").path("number").asString())
        .isEqualTo("GB29NWBK6016");
    assertThat(details.path("valueDate").asString()).isEqualTo("2025-01-07");
    assertThat(details.path("exchangeRate").isNull()).isTrue();
    assertThat(balances(payer, from)).containsExactly("1000.00", "750.00", "250.00");

    JsonNode pending = status(payer, id);
    assertThat(pending.path("type").asString()).isEqualTo("Outward Swift Payment MT103 API");
    assertThat(pending.path("status").asString()).isEqualTo("Pending");
    assertThat(pending.path("transactionId").asString()).isEqualTo(id);
    assertThat(pending.path("externalReference").asString()).isEqualTo("PAYMENT-123456");
    assertThat(pending.path("remittanceInformation").asString()).isEqualTo("Payment for services");
    assertThat(pending.path("debitAmount").path("currency").asString()).isEqualTo("USD");
    assertThat(pending.path("creditAmount").path("amount").asString()).isEqualTo("250.00");
    assertThat(pending.path("valueDate").asString()).isEqualTo("2025-01-07");

    JsonNode settled = advanceUntil(payer, id, Duration.ofMinutes(11), "Completed");

    assertThat(settled.path("status").asString()).isEqualTo("Completed");
    assertThat(balances(payer, from)).containsExactly("750.00", "750.00", "0.00");
    JsonNode line = body(read(payer, "/v1/accounts/" + from + "/transactions")).path("data").get(0);
    assertThat(line.path("details").path("type").asString()).isEqualTo("Debit");
    assertThat(line.path("details").path("value").path("amount").asString()).isEqualTo("250.00");
    ledgerBalances();
  }

  @Test
  void aPaymentTheBeneficiaryBankRejectsFailsAndReleasesItsHold() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String id =
        body(post(payer, "/v1/payments/swift", swift(from, "USD", "60", "FAIL-0001"), null))
            .path("id")
            .asString();
    assertThat(balances(payer, from)).containsExactly("100.00", "40.00", "60.00");

    JsonNode failed = advanceUntil(payer, id, Duration.ofMinutes(11), "Failed");

    assertThat(failed.path("status").asString()).isEqualTo("Failed");
    assertThat(failed.path("statusReason").asString()).contains("rejected");
    assertThat(balances(payer, from)).containsExactly("100.00", "100.00", "0.00");
    ledgerBalances();
  }

  @Test
  void aReturnedPaymentSettlesThenComesBackAsReversed() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String id =
        body(post(payer, "/v1/payments/swift", swift(from, "USD", "30.00", "RETURN-9"), null))
            .path("id")
            .asString();

    assertThat(
            advanceUntil(payer, id, Duration.ofMinutes(11), "Completed").path("status").asString())
        .isEqualTo("Completed");
    assertThat(balances(payer, from)).containsExactly("70.00", "70.00", "0.00");

    JsonNode reversed = advanceUntil(payer, id, Duration.ofMinutes(21), "Reversed");

    assertThat(reversed.path("status").asString()).isEqualTo("Reversed");
    assertThat(reversed.path("statusReason").asString()).contains("returned");
    assertThat(balances(payer, from)).containsExactly("100.00", "100.00", "0.00");
    ledgerBalances();
  }

  @Test
  void aSandboxOperatorSettlesOrFailsAPaymentTheNetworkLeavesPending() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String first =
        body(post(payer, "/v1/payments/swift", swift(from, "USD", "10", "PEND-1"), null))
            .path("id")
            .asString();
    String second =
        body(post(payer, "/v1/payments/swift", swift(from, "USD", "20", "PEND-2"), null))
            .path("id")
            .asString();
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    assertThat(body(admin("GET", "/admin/v1/payments/" + first, null)).path("status").asString())
        .isEqualTo("PENDING");

    HttpResponse<String> settled = admin("POST", "/admin/v1/payments/" + first + "/settle", null);
    HttpResponse<String> failed =
        admin(
            "POST",
            "/admin/v1/payments/" + second + "/fail",
            "{\"reason\": \"Beneficiary name mismatch\"}");

    assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
    assertThat(body(settled).path("status").asString()).isEqualTo("COMPLETED");
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
    assertThat(body(failed).path("statusReason").asString()).isEqualTo("Beneficiary name mismatch");
    assertThat(admin("POST", "/admin/v1/payments/" + first + "/fail", null).statusCode())
        .isEqualTo(409);
    assertThat(admin("POST", "/admin/v1/payments/FT25007AAAAA/settle", null).statusCode())
        .isEqualTo(404);
    Customer fresh =
        new Customer(payer.id(), bcbToken(newCredentials(payer.id(), "{\"dialect\": \"bcb\"}")));
    assertThat(balances(fresh, from)).containsExactly("90.00", "90.00", "0.00");
    ledgerBalances();
  }

  @Test
  void eachDocumentedRefusalHasItsAnswerAndHoldsNothing() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String bmd = account(payer, "BMD", "100.00");
    String theirs = account(customer(), "USD", "100.00");
    String noAgentId =
        swift(from, "USD", "1", "X1")
            .replace("\"identification\": \"BANKBIC123\", ", "")
            .replace("[\"SWIFT/BIC code\"]", "[]");

    record Case(String path, String body, int status, String error) {}
    for (Case refused :
        List.of(
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "\"100.01\"", "X1"),
                400,
                "INSUFFICIENT_FUNDS"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "\"1.001\"", "X1"),
                400,
                "AMOUNT_HAS_TOO_MANY_DECIMALS"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "\"-1\"", "X1"),
                400,
                "AMOUNT_MUST_NOT_HAVE_A_SIGN"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "0", "X1"),
                400,
                "AMOUNT_MUST_BE_POSITIVE"),
            new Case("/v1/payments/swift", swift(from, "XYZ", "1", "X1"), 400, "BAD_REQUEST"),
            new Case("/v1/payments/swift", swift(theirs, "USD", "1", "X1"), 404, "NOT_FOUND"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "1", "X1").replace("OUR", "ALL"),
                400,
                "BAD_REQUEST"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "1", "X1")
                    .replace("\"Payment for services\"", "\"a\", \"b\", \"c\", \"d\", \"e\""),
                400,
                "BAD_REQUEST"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "1", "X1").replace("Payment for services", "x".repeat(36)),
                400,
                "BAD_REQUEST"),
            new Case(
                "/v1/payments/swift",
                swift(from, "USD", "1", "X1").replace("PAYMENT-123456", ""),
                400,
                "BAD_REQUEST"),
            new Case("/v1/payments/swift", noAgentId, 400, "BAD_REQUEST"),
            new Case(
                "/v1/payments/ach-local",
                ach(from, "USD", "1.00", "BARCLAYS"),
                400,
                "BANK_REFERENCE_NOT_FOUND"),
            new Case(
                "/v1/payments/ach-local",
                ach(from, "EUR", "1.00", "HSBC"),
                400,
                "CURRENCY_NOT_SUPPORTED"),
            new Case(
                "/v1/payments/ach-local",
                ach(bmd, "USD", "1.00", "HSBC"),
                400,
                "CURRENCIES_MUST_MATCH"),
            new Case(
                "/v1/payments/ach-local",
                ach(from, "USD", "1.00", "HSBC")
                    .replace("\"debitCurrency\": \"USD\"", "\"debitCurrency\": \"BMD\""),
                400,
                "CURRENCIES_MUST_MATCH"),
            new Case(
                "/v1/payments/ach-local",
                ach(from, "USD", "1.00", "HSBC").replace("[\"Invoice 881\"]", "[]"),
                400,
                "BAD_REQUEST"),
            new Case(
                "/v1/payments/ach-local",
                ach(from, "USD", "1.00", "HSBC")
                    .replace("[\"Invoice 881\"]", "[\"a\", \"b\", \"c\"]"),
                400,
                "BAD_REQUEST"))) {
      HttpResponse<String> response = post(payer, refused.path(), refused.body(), null);

      assertThat(response.statusCode()).as(refused.body()).isEqualTo(refused.status());
      assertThat(body(response).path("error").asString())
          .as(refused.body())
          .isEqualTo(refused.error());
      assertThat(body(response).path("message").asString()).isNotBlank();
    }
    assertThat(balances(payer, from)).containsExactly("100.00", "100.00", "0.00");
    assertThat(body(read(payer, "/v1/accounts/" + from + "/payments")).path("data").size())
        .isZero();
  }

  @Test
  void anAchPaymentToADirectoryBankGetsItsValueDateFromTheAchCutOff() {
    Customer payer = customer();
    String from = account(payer, "BMD", "500.00");

    JsonNode morning =
        body(
            post(payer, "/v1/payments/ach-local", ach(from, "BMD", "125.50", "BUTTERFIELD"), null));
    clock.set(Instant.parse("2025-01-07T19:20:00Z")); // 15:20 AST, after the 15:15 cut-off
    Customer later =
        new Customer(payer.id(), bcbToken(newCredentials(payer.id(), "{\"dialect\": \"bcb\"}")));
    JsonNode afternoon =
        body(post(later, "/v1/payments/ach-local", ach(from, "BMD", "10", "CLARIEN"), null));

    assertThat(morning.path("transactionStatus").asString()).isEqualTo("Pending");
    assertThat(morning.path("details").path("valueDate").asString()).isEqualTo("2025-01-07");
    assertThat(afternoon.path("details").path("valueDate").asString()).isEqualTo("2025-01-08");
    JsonNode status =
        advanceUntil(later, morning.path("id").asString(), Duration.ZERO, "Completed");
    assertThat(status.path("type").asString()).isEqualTo("Outward ACH Local Payment API");
    assertThat(status.path("debitAmount").path("amount").asString()).isEqualTo("125.50");
    assertThat(status.path("status").asString()).isEqualTo("Completed");
    assertThat(balances(later, from)).containsExactly("374.50", "364.50", "10.00");
    assertThat(
            advanceUntil(
                    later, afternoon.path("id").asString(), Duration.ofMinutes(11), "Completed")
                .path("status")
                .asString())
        .isEqualTo("Completed");
  }
}
