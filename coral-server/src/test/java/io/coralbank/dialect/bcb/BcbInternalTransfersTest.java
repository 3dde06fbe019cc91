package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/internal-transfers} over HTTP. */
class BcbInternalTransfersTest extends HttpIntegrationTest {

  record Customer(String id, String token) {}

  private Customer customer() {
    String id = newCustomer();
    return new Customer(id, bcbToken(newCredentials(id, "{\"dialect\": \"bcb\"}")));
  }

  private String account(Customer customer, String currency, String funding) {
    return openAccount(customer.id(), currency, "CURRENT", funding);
  }

  private HttpResponse<String> transfer(Customer caller, String body, String key) {
    HttpRequest.Builder request =
        request("/bcb/v1/internal-transfers")
            .header("Authorization", "Bearer " + caller.token())
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String body(
      String debit, String debitCurrency, String credit, String creditCurrency, String amount) {
    return "{\"debitAccountNumber\": \""
        + debit
        + "\", \"debitAmountCurrency\": \""
        + debitCurrency
        + "\", \"creditAccountNumber\": \""
        + credit
        + "\", \"creditAmountCurrency\": \""
        + creditCurrency
        + "\", \"debitAmount\": "
        + amount
        + ", \"endToEndIdentification\": \"E2E-42\","
        + " \"remittanceInformationUnstructured\": \"Invoice 42\"}";
  }

  private String posted(String number) {
    return body(admin("GET", "/admin/v1/accounts/" + number, null))
        .path("balance")
        .path("posted")
        .asString();
  }

  @Test
  void moneyMovesToAnotherCustomersAccountAndBothStatementsShowOneTransaction() {
    Customer payer = customer();
    Customer payee = customer();
    String from = account(payer, "USD", "100.00");
    String to = account(payee, "USD", null);

    HttpResponse<String> response =
        transfer(payer, body(from, "USD", to, "USD", "\"40.25\""), null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode transfer = body(response);
    assertThat(transfer.path("id").asString()).matches("FT\\d{5}[0-9A-Z]{5}");
    assertThat(transfer.path("status").asString()).isEqualTo("Completed");
    assertThat(transfer.path("uniqueIdentifier").asString()).isNotBlank();
    assertThat(transfer.path("details").path("creditAmount").path("amount").asString())
        .isEqualTo("40.25");
    assertThat(transfer.path("details").path("debitAccountNumber").path("number").asString())
        .isEqualTo(from);
    assertThat(transfer.path("details").path("remittanceInformation").asString())
        .isEqualTo("Invoice 42");
    assertThat(transfer.path("linkedActivities").isArray()).isTrue();
    assertThat(posted(from)).isEqualTo("59.75");
    assertThat(posted(to)).isEqualTo("40.25");
    JsonNode payeeLine =
        body(send(
                request("/bcb/v1/accounts/" + to + "/transactions")
                    .header("Authorization", "Bearer " + payee.token())))
            .path("data")
            .get(0);
    assertThat(payeeLine.path("id").asString()).isEqualTo(transfer.path("id").asString());
    assertThat(payeeLine.path("details").path("description").asString()).isEqualTo("Invoice 42");
  }

  @Test
  void eachDocumentedRefusalHasItsAnswerAndMovesNothing() {
    Customer payer = customer();
    Customer other = customer();
    String from = account(payer, "USD", "10.00");
    String euros = account(payer, "EUR", "10.00");
    String to = account(other, "USD", null);
    String theirs = account(other, "USD", "10.00");

    record Case(String body, int status, String error) {}
    for (Case refused :
        List.of(
            new Case(body(from, "USD", euros, "USD", "\"1.00\""), 400, "CURRENCIES_MUST_MATCH"),
            new Case(body(from, "USD", to, "EUR", "\"1.00\""), 400, "CURRENCIES_MUST_MATCH"),
            new Case(body(from, "USD", to, "USD", "\"10.01\""), 400, "INSUFFICIENT_FUNDS"),
            new Case(
                body(from, "USD", to, "USD", "\"1.001\""), 400, "AMOUNT_HAS_TOO_MANY_DECIMALS"),
            new Case(body(from, "USD", to, "USD", "\"-1.00\""), 400, "AMOUNT_MUST_NOT_HAVE_A_SIGN"),
            new Case(body(from, "USD", to, "USD", "\"0.00\""), 400, "AMOUNT_MUST_BE_POSITIVE"),
            new Case(body(from, "USD", from, "USD", "\"1.00\""), 400, "ACCOUNTS_MUST_DIFFER"),
            new Case(body(theirs, "USD", from, "USD", "\"1.00\""), 404, "NOT_FOUND"),
            new Case(body(from, "USD", "1000000000", "USD", "\"1.00\""), 404, "NOT_FOUND"),
            new Case(
                body(from, "USD", to, "USD", "\"1.00\"").replace("Invoice 42", "x".repeat(141)),
                400,
                "BAD_REQUEST"),
            new Case(
                body(from, "USD", to, "USD", "\"1.00\"").replace("E2E-42", "e".repeat(36)),
                400,
                "BAD_REQUEST"),
            new Case("{\"debitAccountNumber\": \"" + from + "\"}", 400, "BAD_REQUEST"))) {
      HttpResponse<String> response = transfer(payer, refused.body(), null);
      assertThat(response.statusCode()).as(refused.body()).isEqualTo(refused.status());
      assertThat(body(response).path("error").asString())
          .as(refused.body())
          .isEqualTo(refused.error());
    }
    assertThat(posted(from)).isEqualTo("10.00");
    assertThat(posted(theirs)).isEqualTo("10.00");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyMovesTheMoneyOnce() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String to = account(customer(), "USD", null);
    String key = UUID.randomUUID().toString();
    String request = body(from, "USD", to, "USD", "5");

    HttpResponse<String> first = transfer(payer, request, key);
    HttpResponse<String> retry = transfer(payer, request, key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(posted(from)).isEqualTo("95.00");
  }

  @Test
  void aDescriptionWithTheNulCharacterIsRefusedMovesNothingAndLeavesItsKeyUnused() {
    Customer payer = customer();
    String from = account(payer, "USD", "100.00");
    String to = account(customer(), "USD", null);
    String key = UUID.randomUUID().toString();
    String clean = body(from, "USD", to, "USD", "\"5.00\"");

    HttpResponse<String> refused =
        transfer(payer, clean.replace("Invoice 42", "Invoice\\u000042"), key);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(body(refused).path("error").asString()).isEqualTo("BAD_REQUEST");
    assertThat(body(refused).path("message").asString()).contains("NUL character");
    assertThat(posted(from)).isEqualTo("100.00");
    // The body was refused while being read, before the key was claimed: the key is still free.
    HttpResponse<String> accepted = transfer(payer, clean, key);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(posted(from)).isEqualTo("95.00");
  }
}
