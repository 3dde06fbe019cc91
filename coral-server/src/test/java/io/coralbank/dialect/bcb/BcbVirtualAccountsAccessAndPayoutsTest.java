package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * BCB's virtual accounts across customers and permissions, and payouts: a Sub pays out only to its
 * holder, the Settlement to any counterparty.
 */
class BcbVirtualAccountsAccessAndPayoutsTest extends BcbVirtualAccountsFixture {

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
    HttpResponse<String> tooLong =
        call(
            owner,
            "POST",
            "/v1/virtual-accounts/" + sub + "/transfers/credit",
            "{\"creditAmountCurrency\": \"USD\", \"creditAmount\": \"1\","
                + " \"remittanceInformation\": \""
                + "x".repeat(141)
                + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(body(tooLong).path("message").asString())
        .isEqualTo("remittanceInformation must be at most 140 characters.");
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
