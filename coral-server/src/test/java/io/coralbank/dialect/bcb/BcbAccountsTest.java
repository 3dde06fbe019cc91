package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.accounts.Accounts;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** BCB accounts, account details and transactions, with BCB's pagination. */
class BcbAccountsTest extends HttpIntegrationTest {

  @Autowired Ledger ledger;
  @Autowired Accounts accounts;

  record Customer(String id, String token) {}

  private Customer customerWithAccess() {
    String id = newCustomer();
    return new Customer(id, bcbToken(newCredentials(id, "{\"dialect\": \"bcb\"}")));
  }

  private String open(Customer customer, String currency, String kind) {
    return body(admin(
            "POST",
            "/admin/v1/customers/" + customer.id() + "/accounts",
            "{\"currency\": \""
                + currency
                + "\", \"kind\": \""
                + kind
                + "\", \"label\": \""
                + kind
                + " "
                + currency
                + "\"}"))
        .path("accountNumber")
        .asString();
  }

  private void credit(String number, String amount, String reference) {
    admin(
        "POST",
        "/admin/v1/accounts/" + number + "/credits",
        "{\"amount\": \"" + amount + "\", \"reference\": \"" + reference + "\"}");
  }

  private HttpResponse<String> bcb(String path, Customer customer) {
    return send(request(path).header("Authorization", "Bearer " + customer.token()));
  }

  @Test
  void theCallersAccountsAreListedAsSummariesAPageAtATimeAndStayStable() {
    Customer customer = customerWithAccess();
    String settlement = open(customer, "USD", "SETTLEMENT");
    open(customer, "USD", "CURRENT");
    open(customer, "EUR", "CURRENT");
    credit(settlement, "250.00", "funding");

    JsonNode first = body(bcb("/bcb/v1/accounts?pageSize=2", customer));
    open(customer, "BMD", "CURRENT");
    String token = first.path("meta").path("pagination").path("page_token").asString();
    JsonNode second = body(bcb("/bcb/v1/accounts?pageToken=" + token, customer));

    JsonNode pagination = first.path("meta").path("pagination");
    assertThat(pagination.path("page_start").asInt()).isEqualTo(1);
    assertThat(pagination.path("page_size").asInt()).isEqualTo(2);
    assertThat(pagination.path("total_size").asInt()).isEqualTo(3);
    JsonNode summary = first.path("data").get(0);
    assertThat(summary.path("number").asString()).isEqualTo(settlement);
    assertThat(summary.path("type").asString()).isEqualTo("CMS Settlement");
    assertThat(summary.path("currency").asString()).isEqualTo("USD");
    assertThat(summary.path("balance").path("amount").asString()).isEqualTo("250.00");
    assertThat(summary.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(second.path("meta").path("pagination").path("page_start").asInt()).isEqualTo(2);
    assertThat(second.path("meta").path("pagination").path("total_size").asInt()).isEqualTo(3);
    assertThat(second.path("data").size()).isEqualTo(1);
    assertThat(second.path("meta").path("pagination").path("page_token").isNull()).isTrue();
  }

  @Test
  void aForgedOrForeignPageTokenAndABadPageSizeAreRefused() {
    Customer mine = customerWithAccess();
    Customer theirs = customerWithAccess();
    for (int index = 0; index < 2; index++) {
      open(mine, "USD", "CURRENT");
      open(theirs, "USD", "CURRENT");
    }
    String token =
        body(bcb("/bcb/v1/accounts?pageSize=1", theirs))
            .path("meta")
            .path("pagination")
            .path("page_token")
            .asString();
    String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

    for (String path :
        List.of(
            "/bcb/v1/accounts?pageToken=" + token,
            "/bcb/v1/accounts?pageToken=" + forged,
            "/bcb/v1/accounts?pageToken=garbage",
            "/bcb/v1/accounts?pageSize=0",
            "/bcb/v1/accounts?pageSize=1001",
            "/bcb/v1/accounts?pageStart=0")) {
      HttpResponse<String> response = bcb(path, mine);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(body(response).path("error").asString()).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void accountDetailsShowOwnersTypeBalanceAndAttributes() {
    Customer customer = customerWithAccess();
    String number = open(customer, "USD", "CURRENT");
    credit(number, "99.95", "opening");

    JsonNode account = body(bcb("/bcb/v1/accounts/" + number, customer));

    assertThat(account.path("number").asString()).isEqualTo(number);
    assertThat(account.path("label").asString()).isEqualTo("CURRENT USD");
    assertThat(account.path("type").asString()).isEqualTo("Current Account");
    assertThat(account.path("owners").get(0).path("name").asString()).isEqualTo("Test customer");
    assertThat(account.path("balance").path("amount").asString()).isEqualTo("99.95");
    assertThat(account.path("balance").path("currency").asString()).isEqualTo("USD");
    assertThat(account.path("accountAttributes").toString())
        .contains("{\"name\":\"STATUS\",\"value\":\"ACTIVE\"}")
        .contains("{\"name\":\"AVAILABLE_BALANCE\",\"value\":\"99.95\"}")
        .contains("{\"name\":\"HOLD_AMOUNT\",\"value\":\"0.00\"}");
  }

  @Test
  void anotherCustomersAccountIsNotFoundLikeAMissingOne() {
    Customer mine = customerWithAccess();
    Customer theirs = customerWithAccess();
    String their = open(theirs, "USD", "CURRENT");

    for (String path :
        List.of("/bcb/v1/accounts/" + their, "/bcb/v1/accounts/" + their + "/transactions")) {
      HttpResponse<String> foreign = bcb(path, mine);
      assertThat(foreign.statusCode()).isEqualTo(404);
      assertThat(body(foreign).path("message").asString()).isEqualTo("Account not found");
    }
    assertThat(bcb("/bcb/v1/accounts/1000000000", mine).statusCode()).isEqualTo(404);
  }

  @Test
  void accountsAreAvailableAsCsv() {
    Customer customer = customerWithAccess();
    String number = open(customer, "USD", "CURRENT");

    HttpResponse<String> csv =
        send(
            request("/bcb/v1/accounts")
                .header("Authorization", "Bearer " + customer.token())
                .header("Accept", "text/csv"));

    assertThat(csv.body().lines().toList())
        .containsExactly(
            "number,label,type,currency,balance.amount,balance.currency,status",
            number + ",\"CURRENT USD\",\"Current Account\",USD,0.00,USD,ACTIVE");
  }

  @Test
  void transactionsShowBothLegsUnderOneIdNewestFirstAcrossStablePages() {
    Customer payer = customerWithAccess();
    Customer payee = customerWithAccess();
    String from = open(payer, "USD", "CURRENT");
    String to = open(payee, "USD", "CURRENT");
    credit(from, "100.00", "funding");
    List<String> transactionIds = new ArrayList<>();
    for (int index = 1; index <= 4; index++) {
      TransferResult result =
          ledger.submit(
              new TransferRequest(
                  new TransferCommand.Posting(
                      UUID.randomUUID().toString(),
                      accounts.findByNumber(from).orElseThrow().id(),
                      accounts.findByNumber(to).orElseThrow().id(),
                      "USD",
                      index * 100,
                      false),
                  null,
                  "Invoice " + index));
      transactionIds.add(((TransferResult.Applied) result).transactionId());
    }

    JsonNode payerFirst = body(bcb("/bcb/v1/accounts/" + from + "/transactions?pageSize=2", payer));
    credit(from, "1.00", "arrives between pages");
    String token = payerFirst.path("meta").path("pagination").path("page_token").asString();
    JsonNode payerSecond =
        body(bcb("/bcb/v1/accounts/" + from + "/transactions?pageToken=" + token, payer));
    JsonNode payeeView = body(bcb("/bcb/v1/accounts/" + to + "/transactions", payee));

    assertThat(payerFirst.path("meta").path("pagination").path("total_size").asInt()).isEqualTo(5);
    JsonNode newest = payerFirst.path("data").get(0);
    assertThat(newest.path("id").asString()).isEqualTo(transactionIds.get(3));
    assertThat(newest.path("thisAccount").path("number").asString()).isEqualTo(from);
    assertThat(newest.path("otherAccount").path("number").asString()).isEqualTo(to);
    assertThat(newest.path("details").path("type").asString()).isEqualTo("Debit");
    assertThat(newest.path("details").path("description").asString()).isEqualTo("Invoice 4");
    assertThat(newest.path("details").path("value").path("amount").asString()).isEqualTo("4.00");
    assertThat(newest.path("details").path("posted").asString()).matches(".*-0[34]:00");
    assertThat(payerSecond.path("data"))
        .extracting(item -> item.path("id").asString())
        .containsExactly(transactionIds.get(1), transactionIds.get(0));
    assertThat(payerSecond.path("meta").path("pagination").path("total_size").asInt()).isEqualTo(5);
    assertThat(payeeView.path("data").get(0).path("id").asString())
        .isEqualTo(transactionIds.get(3));
    assertThat(payeeView.path("data").get(0).path("details").path("type").asString())
        .isEqualTo("Credit");
  }

  @Test
  void theDateRangeIsValidatedAsBcbDocumentsIt() {
    Customer customer = customerWithAccess();
    String number = open(customer, "USD", "CURRENT");
    String base = "/bcb/v1/accounts/" + number + "/transactions";

    assertThat(bcb(base + "?fromDate=20250101&toDate=2025-01-31", customer).statusCode())
        .isEqualTo(200);
    for (String query :
        List.of(
            "?fromDate=2025-02-01&toDate=2025-01-01",
            "?fromDate=2024-01-01&toDate=2025-01-02",
            "?fromDate=01/02/2025",
            "?toDate=2025-13-01")) {
      HttpResponse<String> response = bcb(base + query, customer);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(body(response).path("error").asString()).isEqualTo("BAD_REQUEST");
    }
  }
}
