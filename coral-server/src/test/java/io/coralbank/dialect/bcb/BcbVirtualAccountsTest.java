package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * BCB's virtual-account service over HTTP: Sub accounts opened by background jobs, the hierarchy
 * read and updated, and money moved Settlement -> Parent -> Sub and back.
 */
class BcbVirtualAccountsTest extends HttpIntegrationTest {

  record Corporate(String id, String token, String settlement, String parent) {}

  private Corporate corporate(String permissions) {
    String id = newCustomer();
    String request =
        permissions == null
            ? "{\"dialect\": \"bcb\"}"
            : "{\"dialect\": \"bcb\", \"permissions\": " + permissions + "}";
    String token = bcbToken(newCredentials(id, request));
    return new Corporate(
        id,
        token,
        openAccount(id, "USD", "SETTLEMENT", "1000.00"),
        openAccount(id, "USD", "PARENT", null));
  }

  private HttpResponse<String> call(Corporate caller, String method, String path, String body) {
    HttpRequest.Builder request =
        request("/bcb" + path)
            .header("Authorization", "Bearer " + caller.token())
            .header("Content-Type", "application/json");
    return send(
        body == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request.method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Creates accounts as a client would: waits out BCB's global pace of one request per 2 s. */
  private HttpResponse<String> create(Corporate caller, String body) {
    HttpResponse<String> response = call(caller, "POST", "/v1/virtual-accounts", body);
    for (int attempt = 0; attempt < 5 && response.statusCode() == 429; attempt++) {
      sleep(2100);
      response = call(caller, "POST", "/v1/virtual-accounts", body);
    }
    return response;
  }

  private JsonNode awaitJob(Corporate caller, String jobId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode job = body(call(caller, "GET", "/v1/jobs/" + jobId, null));
    while (job.path("status").asString().matches("Pending|InProgress")
        && System.nanoTime() < deadline) {
      sleep(100);
      job = body(call(caller, "GET", "/v1/jobs/" + jobId, null));
    }
    return job;
  }

  private String openSub(Corporate caller, String holder) {
    JsonNode accepted =
        body(
            create(
                caller,
                "{\"items\": [{\"currency\": \"USD\", \"accountHolderName\": \""
                    + holder
                    + "\", \"accountName\": \""
                    + holder
                    + "\", \"clientReference\": \"USER-1\"}]}"));
    awaitJob(caller, accepted.path("jobId").asString());
    JsonNode result =
        body(call(
                caller, "GET", "/v1/jobs/" + accepted.path("jobId").asString() + "/results", null))
            .path("data")
            .get(0);
    return json.readTree(result.path("resultJson").asString())
        .path("virtualAccountNumber")
        .asString();
  }

  private String posted(String number) {
    return body(admin("GET", "/admin/v1/accounts/" + number, null))
        .path("balance")
        .path("posted")
        .asString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  @Test
  void aCreationJobOpensSubAccountsAndFailsAnItemWithoutAParentInItsCurrency() {
    Corporate caller = corporate(null);

    HttpResponse<String> accepted =
        create(
            caller,
            "{\"items\": [{\"currency\": \"USD\", \"accountHolderName\": \"Jane Smith\","
                + " \"accountName\": \"Jane Smith\", \"clientReference\": \"USER-12345\"},"
                + " {\"currency\": \"EUR\", \"accountHolderName\": \"Jo Bloggs\","
                + " \"accountName\": \"Jo Bloggs\"}]}");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String jobId = body(accepted).path("jobId").asString();
    assertThat(body(accepted).path("status").asString()).isEqualTo("Pending");
    assertThat(body(accepted).path("statusUrl").asString()).endsWith("/bcb/v1/jobs/" + jobId);
    assertThat(body(accepted).path("resultUrl").asString())
        .endsWith("/bcb/v1/jobs/" + jobId + "/results");
    JsonNode job = awaitJob(caller, jobId);
    assertThat(job.path("status").asString()).isEqualTo("CompletedWithErrors");
    assertThat(job.path("summary").path("total").asInt()).isEqualTo(2);
    assertThat(job.path("summary").path("completed").asInt()).isEqualTo(1);
    assertThat(job.path("summary").path("failed").asInt()).isEqualTo(1);
    JsonNode results =
        body(call(caller, "GET", "/v1/jobs/" + jobId + "/results", null)).path("data");
    assertThat(results.get(0).path("httpStatus").asInt()).isEqualTo(201);
    JsonNode created = json.readTree(results.get(0).path("resultJson").asString());
    assertThat(created.path("virtualAccountNumber").asString()).matches("\\d{10}");
    assertThat(created.path("bicCode").asString()).isEqualTo("BPBKBMHM");
    assertThat(results.get(1).path("httpStatus").asInt()).isEqualTo(400);
    assertThat(results.get(1).path("error").path("error").asString()).isEqualTo("BAD_REQUEST");
    assertThat(results.get(1).path("error").path("message").asString())
        .endsWith("; No parent account with matching currency found");
    assertThat(body(call(caller, "GET", "/v1/jobs", null)).path("data")).isEmpty();

    JsonNode list = body(call(caller, "GET", "/v1/virtual-accounts?currency=USD", null));
    assertThat(list.path("meta").path("pagination").path("total_size").asInt()).isEqualTo(3);
    assertThat(list.path("data").findValuesAsString("category"))
        .containsExactlyInAnyOrder("CMS Settlement", "CMS Parent Cate", "CMS Sub Acct");
    JsonNode sub =
        body(
            call(
                caller,
                "GET",
                "/v1/virtual-accounts/" + created.path("virtualAccountNumber").asString(),
                null));
    assertThat(sub.path("clientReference").asString()).isEqualTo("USER-12345");
    assertThat(sub.path("parentAccount").path("number").asString()).isEqualTo(caller.parent());
    assertThat(sub.path("settlementAccount").path("number").asString())
        .isEqualTo(caller.settlement());
  }

  @Test
  void aThousandItemJobOpensAThousandSubAccounts() {
    Corporate caller = corporate(null);
    List<String> items = new ArrayList<>();
    for (int index = 0; index < 1000; index++) {
      items.add(
          "{\"currency\": \"USD\", \"accountHolderName\": \"Holder "
              + index
              + "\", \"accountName\": \"Holder "
              + index
              + "\", \"clientReference\": \"C-"
              + index
              + "\"}");
    }

    String jobId =
        body(create(caller, "{\"items\": [" + String.join(",", items) + "]}"))
            .path("jobId")
            .asString();
    JsonNode job = awaitJob(caller, jobId);

    assertThat(job.path("status").asString()).isEqualTo("Completed");
    assertThat(job.path("summary").path("completed").asInt()).isEqualTo(1000);
    JsonNode page = body(call(caller, "GET", "/v1/jobs/" + jobId + "/results?pageSize=1000", null));
    assertThat(page.path("data")).hasSize(1000);
    assertThat(page.path("data").findValuesAsString("resultJson").stream().distinct().count())
        .isEqualTo(1000);
    assertThat(
            create(caller, "{\"items\": [" + String.join(",", items) + ", " + items.get(0) + "]}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void moneyReachesASubThroughTheParentAndGoesBackTheSameWay() {
    Corporate caller = corporate(null);
    String sub = openSub(caller, "Jane Smith");

    HttpResponse<String> credited =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/transfers/credit",
            "{\"creditAccountNumber\": \""
                + sub
                + "\", \"creditAmountCurrency\": \"USD\","
                + " \"creditAmount\": \"100.00\", \"remittanceInformation\": \"Top-up\"}");
    HttpResponse<String> debited =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/transfers/debit",
            "{\"debitAmountCurrency\": \"USD\", \"debitAmount\": \"40.00\"}");
    HttpResponse<String> overdrawn =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/transfers/debit",
            "{\"debitAmountCurrency\": \"USD\", \"debitAmount\": \"60.01\"}");
    HttpResponse<String> mismatched =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/transfers/credit",
            "{\"creditAccountNumber\": \""
                + caller.settlement()
                + "\","
                + " \"creditAmountCurrency\": \"USD\", \"creditAmount\": \"1\"}");

    assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
    assertThat(body(credited).path("id").asString()).matches("FT\\d{5}[0-9A-Z]{5}");
    assertThat(body(credited).path("details").path("debitAccountNumber").path("number").asString())
        .isEqualTo(caller.settlement());
    assertThat(debited.statusCode()).isEqualTo(200);
    assertThat(body(overdrawn).path("error").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(mismatched.statusCode()).isEqualTo(400);
    assertThat(posted(sub)).isEqualTo("60.00");
    assertThat(posted(caller.parent())).isEqualTo("0.00");
    assertThat(posted(caller.settlement())).isEqualTo("940.00");
    JsonNode lines =
        body(call(caller, "GET", "/v1/accounts/" + caller.parent() + "/transactions", null))
            .path("data");
    assertThat(lines).hasSize(4);
    JsonNode subLines =
        body(call(caller, "GET", "/v1/virtual-accounts/" + sub + "/transactions", null))
            .path("data");
    assertThat(subLines).hasSize(2);
    assertThat(subLines.get(1).path("details").path("type").asString()).isEqualTo("Credit");
    assertThat(
            body(call(caller, "GET", "/v1/virtual-accounts/balances/total?currency=USD", null))
                .path("amount")
                .asString())
        .isEqualTo("60.00");
    String creditId = body(credited).path("id").asString();
    JsonNode legs =
        body(call(caller, "GET", "/v1/virtual-accounts/transactions/" + creditId, null));
    assertThat(legs).hasSize(4);
    assertThat(
            call(corporate(null), "GET", "/v1/virtual-accounts/transactions/" + creditId, null)
                .statusCode())
        .isEqualTo(404);

    String debitId = body(debited).path("id").asString();
    HttpResponse<String> reversed =
        call(caller, "DELETE", "/v1/virtual-accounts/transactions/" + debitId, null);
    HttpResponse<String> again =
        call(caller, "DELETE", "/v1/virtual-accounts/transactions/" + debitId, null);
    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
    assertThat(body(reversed).path("status").asString()).isEqualTo("Reversed");
    assertThat(body(again).path("id").asString()).isEqualTo(body(reversed).path("id").asString());
    assertThat(posted(sub)).isEqualTo("100.00");
    assertThat(posted(caller.parent())).isEqualTo("0.00");
    assertThat(posted(caller.settlement())).isEqualTo("900.00");
    assertThat(body(admin("GET", "/admin/v1/ledger/check", null)).path("ok").asBoolean()).isTrue();
  }

  @Test
  void clientReferenceChangesAnytimeAndNamesOnlyOnceForAnUnallocatedAccount() {
    Corporate caller = corporate(null);
    String allocated = openSub(caller, "Jane Smith");
    JsonNode accepted =
        body(create(caller, "{\"items\": [{\"currency\": \"USD\", \"unallocated\": true}]}"));
    awaitJob(caller, accepted.path("jobId").asString());
    String unallocated =
        json.readTree(
                body(call(
                        caller,
                        "GET",
                        "/v1/jobs/" + accepted.path("jobId").asString() + "/results",
                        null))
                    .path("data")
                    .get(0)
                    .path("resultJson")
                    .asString())
            .path("virtualAccountNumber")
            .asString();

    JsonNode reference =
        body(
            call(
                caller,
                "PATCH",
                "/v1/virtual-accounts/" + allocated,
                "{\"clientReference\": \"USER-12345-PRIMARY\"}"));
    HttpResponse<String> renamed =
        call(
            caller,
            "PATCH",
            "/v1/virtual-accounts/" + allocated,
            "{\"accountHolderName\": \"Other\"}");
    JsonNode named =
        body(
            call(
                caller,
                "PATCH",
                "/v1/virtual-accounts/" + unallocated,
                "{\"accountHolderName\": \"Sam Lee\", \"accountName\": \"Sam Lee\", \"dob\": \"1990-04-01\"}"));
    HttpResponse<String> again =
        call(
            caller,
            "PATCH",
            "/v1/virtual-accounts/" + unallocated,
            "{\"accountName\": \"Samuel Lee\"}");

    assertThat(reference.path("clientReference").asString()).isEqualTo("USER-12345-PRIMARY");
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(named.path("accountHolderName").asString()).isEqualTo("Sam Lee");
    assertThat(named.path("unallocated").asBoolean()).isFalse();
    assertThat(again.statusCode()).isEqualTo(400);
  }

  @Test
  void anotherCustomersAccountsAndJobsAreNotFoundAndEachEndpointNeedsItsPermission() {
    Corporate owner = corporate(null);
    String sub = openSub(owner, "Jane Smith");
    Corporate stranger = corporate(null);
    Corporate reader = corporate("[\"get-virtual-accounts\"]");

    assertThat(call(stranger, "GET", "/v1/virtual-accounts/" + sub, null).statusCode())
        .isEqualTo(404);
    assertThat(
            call(
                    stranger,
                    "POST",
                    "/v1/virtual-accounts/" + sub + "/transfers/credit",
                    "{\"creditAmountCurrency\": \"USD\", \"creditAmount\": \"1\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(call(reader, "POST", "/v1/virtual-accounts", "{\"items\": []}").statusCode())
        .isEqualTo(403);
    assertThat(call(reader, "GET", "/v1/jobs", null).statusCode()).isEqualTo(403);
    assertThat(call(reader, "GET", "/v1/virtual-accounts", null).statusCode()).isEqualTo(200);
    assertThat(call(owner, "GET", "/v1/jobs/" + java.util.UUID.randomUUID(), null).statusCode())
        .isEqualTo(404);
    assertThat(create(owner, "{\"items\": []}").statusCode()).isEqualTo(400);
    assertThat(
            create(owner, "{\"items\": [{\"currency\": \"USD\", \"accountName\": \"No holder\"}]}")
                .statusCode())
        .isEqualTo(400);
  }

  static String withdrawal(String debitPart, String beneficiary, String debtor) {
    return "{"
        + debitPart
        + ", \"debtor\": "
        + debtor
        + ", \"debtorAgent\": \"CHASUS33XXX\","
        + " \"creditorAccount\": {\"identification\": \"GB29NWBK60161331926819\", \"name\": \""
        + beneficiary
        + "\", \"additionalInformation\": [\"123 Business Street\"]},"
        + " \"chargesType\": \"OUR\", \"creditorAgent\": {\"identification\": \"NWBKGB2L\"},"
        + " \"remittanceInformation\": [\"Reference: WD-2024-789456\"]}";
  }

  @Test
  void aSubPaysOutOnlyToItsHolderAndTheSettlementPaysCounterparties() {
    admin("PUT", "/admin/v1/fx-rates/USD/EUR", "{\"rate\": \"0.9200\"}");
    Corporate caller = corporate(null);
    String sub = openSub(caller, "Jane Smith");
    call(
        caller,
        "POST",
        "/v1/virtual-accounts/" + sub + "/transfers/credit",
        "{\"creditAmountCurrency\": \"USD\", \"creditAmount\": \"500.00\"}");
    String sameCurrency =
        "\"debitCurrency\": \"USD\", \"creditAmount\": {\"currency\": \"USD\", \"amount\": \"100.00\"}";

    HttpResponse<String> withdrawn =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/withdrawals/external",
            withdrawal(sameCurrency, "Jane Smith", "\"John Smith Corporation\""));
    HttpResponse<String> stranger =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/withdrawals/external",
            withdrawal(sameCurrency, "Acme Manufacturing Ltd", "\"John Smith Corporation\""));
    HttpResponse<String> structured =
        call(
            caller,
            "POST",
            "/v2/virtual-accounts/" + sub + "/withdrawals/external",
            withdrawal(
                sameCurrency,
                "JANE  SMITH",
                "{\"name\": \"John Smith Corporation\", \"additionalInformation\": [\"1 Front St\"]}"));
    HttpResponse<String> plainDebtorOnV2 =
        call(
            caller,
            "POST",
            "/v2/virtual-accounts/" + sub + "/withdrawals/external",
            withdrawal(sameCurrency, "Jane Smith", "\"John Smith Corporation\""));
    HttpResponse<String> longLine =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/withdrawals/external",
            withdrawal(sameCurrency, "Jane Smith", "\"John Smith Corporation\"")
                .replace(
                    "Reference: WD-2024-789456", "Withdrawal from Virtual Account VA-2024-001"));
    HttpResponse<String> fx =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/withdrawals/external",
            withdrawal(
                "\"debitAmount\": {\"currency\": \"USD\", \"amount\": 100}, \"creditAmount\": {\"currency\": \"EUR\"}",
                "Jane Smith",
                "\"John Smith Corporation\""));

    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(body(withdrawn).path("status").asString()).isEqualTo("Pending");
    String paymentId = body(withdrawn).path("id").asString();
    assertThat(
            body(call(caller, "GET", "/v1/payments/" + paymentId + "/status", null))
                .path("status")
                .asString())
        .isEqualTo("Pending");
    assertThat(body(stranger).path("error").asString())
        .isEqualTo("BENEFICIARY_NAME_MUST_MATCH_ACCOUNT_HOLDER");
    assertThat(structured.statusCode()).as(structured.body()).isEqualTo(200);
    assertThat(plainDebtorOnV2.statusCode()).isEqualTo(400);
    assertThat(longLine.statusCode()).isEqualTo(400);
    assertThat(fx.statusCode()).as(fx.body()).isEqualTo(200);
    assertThat(body(fx).path("details").path("creditAmount").path("amount").asString())
        .isEqualTo("91.54");
    assertThat(body(fx).path("details").path("creditAmount").path("currency").asString())
        .isEqualTo("EUR");
    JsonNode subDetails = body(call(caller, "GET", "/v1/accounts/" + sub, null));
    assertThat(subDetails.path("balance").path("amount").asString()).isEqualTo("500.00");
    assertThat(subDetails.path("accountAttributes").toString())
        .contains("\"HOLD_AMOUNT\",\"value\":\"300.00\"");

    Corporate counterparty = corporate(null);
    String theirs = openAccount(counterparty.id(), "USD", "CURRENT", null);
    HttpResponse<String> internal =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + caller.settlement() + "/settlements/internal",
            "{\"creditAccountNumber\": \""
                + theirs
                + "\", \"debitAmountCurrency\": \"USD\", \"debitAmount\": \"25.00\"}");
    HttpResponse<String> intoOwnSub =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + caller.settlement() + "/settlements/internal",
            "{\"creditAccountNumber\": \""
                + sub
                + "\", \"debitAmountCurrency\": \"USD\", \"debitAmount\": \"25.00\"}");
    HttpResponse<String> external =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + caller.settlement() + "/settlements/external",
            withdrawal(sameCurrency, "Acme Manufacturing Ltd", "\"John Smith Corporation\""));
    HttpResponse<String> fromSub =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/settlements/external",
            withdrawal(sameCurrency, "Acme Manufacturing Ltd", "\"John Smith Corporation\""));

    assertThat(internal.statusCode()).as(internal.body()).isEqualTo(200);
    assertThat(posted(theirs)).isEqualTo("25.00");
    assertThat(body(intoOwnSub).path("error").asString())
        .isEqualTo("FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY");
    assertThat(external.statusCode()).as(external.body()).isEqualTo(200);
    assertThat(fromSub.statusCode()).isEqualTo(404);

    String janesCustomer =
        body(admin(
                "POST",
                "/admin/v1/customers",
                "{\"name\": \"Jane Smith\", \"type\": \"INDIVIDUAL\"}"))
            .path("id")
            .asString();
    String janesAccount = openAccount(janesCustomer, "USD", "CURRENT", null);
    HttpResponse<String> toHerself =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/withdrawals/internal",
            "{\"creditAccountNumber\": \""
                + janesAccount
                + "\", \"debitAmountCurrency\": \"USD\", \"debitAmount\": \"10.00\"}");
    HttpResponse<String> toSomeoneElse =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts/" + sub + "/withdrawals/internal",
            "{\"creditAccountNumber\": \""
                + theirs
                + "\", \"debitAmountCurrency\": \"USD\", \"debitAmount\": \"10.00\"}");
    assertThat(toHerself.statusCode()).as(toHerself.body()).isEqualTo(200);
    assertThat(posted(janesAccount)).isEqualTo("10.00");
    assertThat(body(toSomeoneElse).path("error").asString())
        .isEqualTo("BENEFICIARY_NAME_MUST_MATCH_ACCOUNT_HOLDER");

    assertThat(
            body(call(caller, "GET", "/v1/virtual-accounts/" + sub + "/deposits", null))
                .path("data"))
        .isEmpty();
    call(
        caller,
        "POST",
        "/v1/testing/deposits",
        "{\"accountNumber\": \"" + sub + "\", \"amount\": \"75.00\", \"reference\": \"Salary\"}");
    JsonNode deposits =
        body(call(caller, "GET", "/v1/virtual-accounts/" + sub + "/deposits", null));
    assertThat(deposits.path("data")).hasSize(1);
    assertThat(deposits.path("data").get(0).path("details").path("value").path("amount").asString())
        .isEqualTo("75.00");
  }
}
