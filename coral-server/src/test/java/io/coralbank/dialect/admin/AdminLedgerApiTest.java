package io.coralbank.dialect.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The admin contract for customers, accounts, credits and the ledger check, over HTTP. */
class AdminLedgerApiTest extends HttpIntegrationTest {

  private String customer() {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/v1/customers",
            "{\"name\": \"Acme Trading Ltd\", \"type\": \"CORPORATE\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return body(created).path("id").asString();
  }

  private String account(String customerId, String currency, String kind) {
    HttpResponse<String> opened =
        admin(
            "POST",
            "/admin/v1/customers/" + customerId + "/accounts",
            "{\"currency\": \""
                + currency
                + "\", \"kind\": \""
                + kind
                + "\", \"label\": \"test\"}");
    assertThat(opened.statusCode()).isEqualTo(201);
    return body(opened).path("accountNumber").asString();
  }

  @Test
  void aCustomerIsCreatedAndReadBack() {
    HttpResponse<String> created =
        admin("POST", "/admin/v1/customers", "{\"name\": \"Jane Doe\", \"type\": \"INDIVIDUAL\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode customer = body(created);
    assertThat(customer.path("name").asString()).isEqualTo("Jane Doe");
    assertThat(customer.path("type").asString()).isEqualTo("INDIVIDUAL");
    assertThat(customer.path("createdAt").asString()).isNotBlank();
    HttpResponse<String> read =
        admin("GET", "/admin/v1/customers/" + customer.path("id").asString(), null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(body(read)).isEqualTo(customer);
  }

  @ParameterizedTest(name = "{0} is refused with {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\": \"CORPORATE\"}|400|name_required",
        "{\"name\": \"  \", \"type\": \"CORPORATE\"}|400|name_required",
        "{\"name\": \"Acme\"}|400|type_must_be_corporate_or_individual",
        "{\"name\": \"Acme\", \"type\": \"corporate\"}|400|type_must_be_corporate_or_individual",
        "{\"name\": 12, \"type\": [1]}|400|malformed_request",
      })
  void aBadCustomerIsRefusedAndNothingIsCreated(String body, int status, String code) {
    HttpResponse<String> response = admin("POST", "/admin/v1/customers", body);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(body(response).path("code").asString()).isEqualTo(code);
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    assertThat(
            admin("GET", "/admin/v1/customers/00000000-0000-0000-0000-000000000000", null)
                .statusCode())
        .isEqualTo(404);
    assertThat(admin("GET", "/admin/v1/customers/not-a-uuid", null).statusCode()).isEqualTo(404);
  }

  @Test
  void anAccountOpensWithATenDigitNumberAndZeroBalances() {
    String customerId = customer();
    HttpResponse<String> opened =
        admin(
            "POST",
            "/admin/v1/customers/" + customerId + "/accounts",
            "{\"currency\": \"USD\", \"kind\": \"SETTLEMENT\", \"label\": \"USD settlement\"}");

    assertThat(opened.statusCode()).isEqualTo(201);
    JsonNode account = body(opened);
    assertThat(account.path("accountNumber").asString()).matches("\\d{10}");
    assertThat(account.path("customerId").asString()).isEqualTo(customerId);
    assertThat(account.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(account.path("kind").asString()).isEqualTo("SETTLEMENT");
    assertThat(account.has("balance")).isFalse();

    JsonNode read =
        body(admin("GET", "/admin/v1/accounts/" + account.path("accountNumber").asString(), null));
    assertThat(read.path("balance").path("posted").asString()).isEqualTo("0.00");
    assertThat(read.path("balance").path("pendingDebits").asString()).isEqualTo("0.00");
    assertThat(read.path("balance").path("pendingCredits").asString()).isEqualTo("0.00");
    assertThat(read.path("balance").path("available").asString()).isEqualTo("0.00");
  }

  @Test
  void aCustomerHasAtMostOneSettlementAndOneParentAccountPerCurrency() {
    String customerId = customer();
    account(customerId, "USD", "SETTLEMENT");
    account(customerId, "USD", "PARENT");
    account(customerId, "EUR", "SETTLEMENT");
    account(customerId, "USD", "CURRENT");
    account(customerId, "USD", "CURRENT");

    HttpResponse<String> second =
        admin(
            "POST",
            "/admin/v1/customers/" + customerId + "/accounts",
            "{\"currency\": \"USD\", \"kind\": \"SETTLEMENT\"}");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(body(second).path("code").asString())
        .isEqualTo("one_settlement_account_per_currency");
    HttpResponse<String> parent =
        admin(
            "POST",
            "/admin/v1/customers/" + customerId + "/accounts",
            "{\"currency\": \"USD\", \"kind\": \"PARENT\"}");
    assertThat(body(parent).path("code").asString()).isEqualTo("one_parent_account_per_currency");
  }

  @ParameterizedTest(name = "opening with {0} is refused with {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"currency\": \"XYZ\", \"kind\": \"CURRENT\"}|400|currency_must_be_supported",
        "{\"kind\": \"CURRENT\"}|400|currency_required",
        "{\"currency\": \"USD\", \"kind\": \"SUB\"}|400|kind_must_be_settlement_parent_current_or_wallet",
        "{\"currency\": \"USD\", \"kind\": \"CLEARING\"}|400|kind_must_be_settlement_parent_current_or_wallet",
      })
  void aBadAccountIsRefused(String body, int status, String code) {
    HttpResponse<String> response =
        admin("POST", "/admin/v1/customers/" + customer() + "/accounts", body);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(body(response).path("code").asString()).isEqualTo(code);
  }

  @Test
  void anAccountForAnUnknownCustomerIsNotFound() {
    HttpResponse<String> response =
        admin(
            "POST",
            "/admin/v1/customers/00000000-0000-0000-0000-000000000000/accounts",
            "{\"currency\": \"USD\", \"kind\": \"CURRENT\"}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(body(response).path("code").asString()).isEqualTo("customer_not_found");
  }

  @Test
  void aCreditArrivesFromTheClearingAccountAsOneTransaction() {
    String number = account(customer(), "USD", "CURRENT");

    HttpResponse<String> credited =
        admin(
            "POST",
            "/admin/v1/accounts/" + number + "/credits",
            "{\"amount\": \"1000.00\", \"reference\": \"Opening deposit\"}");
    HttpResponse<String> asNumber =
        admin(
            "POST",
            "/admin/v1/accounts/" + number + "/credits",
            "{\"amount\": 250.5, \"reference\": \"Top-up\"}");

    assertThat(credited.statusCode()).isEqualTo(201);
    JsonNode credit = body(credited);
    assertThat(credit.path("transactionId").asString()).matches("FT\\d{5}[0-9A-Z]{5}");
    assertThat(credit.path("accountNumber").asString()).isEqualTo(number);
    assertThat(credit.path("amount").asString()).isEqualTo("1000.00");
    assertThat(credit.path("currency").asString()).isEqualTo("USD");
    assertThat(asNumber.statusCode()).isEqualTo(201);
    assertThat(body(asNumber).path("amount").asString()).isEqualTo("250.50");
    JsonNode balance = body(admin("GET", "/admin/v1/accounts/" + number, null)).path("balance");
    assertThat(balance.path("posted").asString()).isEqualTo("1250.50");
    assertThat(balance.path("available").asString()).isEqualTo("1250.50");
  }

  @ParameterizedTest(name = "a credit of {0} is refused with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"10.001\"|amount_has_too_many_decimals",
        "10.001|amount_has_too_many_decimals",
        "\"-5.00\"|amount_must_not_have_a_sign",
        "\"1e3\"|amount_must_not_use_an_exponent",
        "1e3|amount_must_not_use_an_exponent",
        "\"\"|amount_must_not_be_blank",
        "null|amount_must_not_be_blank",
        "\"ten\"|amount_must_be_a_decimal_number",
        "\"0.00\"|amount_must_be_positive",
        "\"92233720368547758.08\"|amount_is_too_large",
      })
  void aBadCreditIsRefusedAndMovesNothing(String amount, String code) {
    String number = account(customer(), "USD", "CURRENT");

    HttpResponse<String> response =
        admin("POST", "/admin/v1/accounts/" + number + "/credits", "{\"amount\": " + amount + "}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).path("code").asString()).isEqualTo(code);
    assertThat(
            body(admin("GET", "/admin/v1/accounts/" + number, null))
                .path("balance")
                .path("posted")
                .asString())
        .isEqualTo("0.00");
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertThat(admin("GET", "/admin/v1/accounts/1000000000", null).statusCode()).isEqualTo(404);
    assertThat(admin("GET", "/admin/v1/accounts/12", null).statusCode()).isEqualTo(404);
    assertThat(
            admin("POST", "/admin/v1/accounts/9999999999/credits", "{\"amount\": \"1.00\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theLedgerCheckReportsSoundBooks() {
    String number = account(customer(), "USD", "CURRENT");
    admin("POST", "/admin/v1/accounts/" + number + "/credits", "{\"amount\": \"5.00\"}");

    HttpResponse<String> response = admin("GET", "/admin/v1/ledger/check", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = body(response);
    assertThat(report.path("ok").asBoolean()).isTrue();
    assertThat(report.path("accounts").asLong()).isPositive();
    assertThat(report.path("transactions").asLong()).isPositive();
    assertThat(report.path("violations").isEmpty()).isTrue();
  }
}
