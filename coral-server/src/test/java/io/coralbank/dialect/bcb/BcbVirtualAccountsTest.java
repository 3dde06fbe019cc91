package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * BCB's virtual-account service over HTTP: Sub accounts opened by background jobs, the hierarchy
 * read and updated, and money moved Settlement -> Parent -> Sub and back.
 */
class BcbVirtualAccountsTest extends BcbVirtualAccountsFixture {

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
}
