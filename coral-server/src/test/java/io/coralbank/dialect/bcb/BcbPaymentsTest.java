package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.SettableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SWIFT and local ACH payments over HTTP: accepted as holds, settled, failed or returned by the
 * simulated network as the clock moves, with balances checked at each step.
 */
@TestPropertySource(
    properties = {
      "coral.rails.settlement-delay=10m",
      "coral.rails.return-delay=20m",
      "coral.rails.poll-interval=50ms"
    })
class BcbPaymentsTest extends HttpIntegrationTest {

  /** Tuesday 7 January 2025, 11:00 in Bermuda (AST, UTC-4): before every same-day cut-off. */
  static final Instant TUESDAY_MORNING = Instant.parse("2025-01-07T15:00:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock(TUESDAY_MORNING);
    }
  }

  @Autowired SettableClock clock;

  record Customer(String id, String token) {}

  @BeforeEach
  void startOnTuesdayMorning() {
    clock.set(TUESDAY_MORNING);
  }

  private Customer customer(String permissions) {
    String id = newCustomer();
    String request =
        permissions == null
            ? "{\"dialect\": \"bcb\"}"
            : "{\"dialect\": \"bcb\", \"permissions\": " + permissions + "}";
    return new Customer(id, bcbToken(newCredentials(id, request)));
  }

  private Customer customer() {
    return customer(null);
  }

  private String account(Customer customer, String currency, String funding) {
    return openAccount(customer.id(), currency, "CURRENT", funding);
  }

  private HttpResponse<String> post(Customer caller, String path, String body, String key) {
    HttpRequest.Builder request =
        request("/bcb" + path)
            .header("Authorization", "Bearer " + caller.token())
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> read(Customer caller, String path) {
    return send(request("/bcb" + path).header("Authorization", "Bearer " + caller.token()));
  }

  static String swift(String debtor, String currency, String amount, String creditor) {
    return """
        {"instructionIdentification": "PAYMENT-123456",
         "debtorAccount": {"identification": "%s"},
         "instructedAmount": {"currency": "%s", "amount": %s},
         "creditorAccount": {"identification": "%s", "name": "John Doe",
                             "additionalInformation": ["Additional details"]},
         "creditorAgent": {"identification": "BANKBIC123", "name": "Beneficiary Bank",
                           "additionalInformation": ["SWIFT/BIC code"]},
         "chargesType": "OUR", "remittanceInformation": ["Payment for services"]}
        """
        .formatted(debtor, currency, amount, creditor);
  }

  static String ach(String debtor, String currency, String amount, String bank) {
    return """
        {"instructionIdentification": "ACH-77",
         "debtorAccount": {"identification": "%s"},
         "debitCurrency": "%s",
         "instructedAmount": {"currency": "%s", "amount": "%s"},
         "creditorAccount": {"identification": "20006789", "name": "Island Supplies Ltd"},
         "creditorBank": {"bankCode": "%s", "currency": "%s"},
         "remittanceInformation": ["Invoice 881"]}
        """
        .formatted(debtor, currency, currency, amount, bank, currency);
  }

  /** Posted, available and held amounts of the account, as BCB's account details show them. */
  private List<String> balances(Customer owner, String number) {
    JsonNode details = body(read(owner, "/v1/accounts/" + number));
    String available = null;
    String hold = null;
    for (JsonNode attribute : details.path("accountAttributes")) {
      switch (attribute.path("name").asString()) {
        case "AVAILABLE_BALANCE" -> available = attribute.path("value").asString();
        case "HOLD_AMOUNT" -> hold = attribute.path("value").asString();
        default -> {}
      }
    }
    return List.of(details.path("balance").path("amount").asString(), available, hold);
  }

  private JsonNode status(Customer owner, String paymentId) {
    return body(read(owner, "/v1/payments/" + paymentId + "/status"));
  }

  /** Moves the clock and waits until the network's job has given the payment {@code expected}. */
  private JsonNode advanceUntil(
      Customer owner, String paymentId, Duration advance, String expected) {
    clock.set(clock.instant().plus(advance));
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode status = status(owner, paymentId);
    while (!status.path("status").asString().equals(expected) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
      status = status(owner, paymentId);
    }
    return status;
  }

  private void ledgerBalances() {
    assertThat(body(admin("GET", "/admin/v1/ledger/check", null)).path("ok").asBoolean()).isTrue();
  }

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
