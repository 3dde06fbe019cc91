package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The virtual-account flow rules hold whichever endpoint carries the money: here BCB's internal
 * transfers and the operator's credits, with the invalid example of BCB's flows document.
 */
class BcbVirtualAccountFlowsTest extends HttpIntegrationTest {

  @Autowired Accounts accounts;

  private String sub(String customerId) {
    return ((AccountOpening.Opened)
            accounts.openCustomerAccount(
                UUID.fromString(customerId), "USD", AccountKind.SUB, "Jane Smith"))
        .account()
        .number();
  }

  private HttpResponse<String> transfer(String token, String from, String to) {
    return send(
        request("/bcb/v1/internal-transfers")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"debitAccountNumber\": \""
                        + from
                        + "\", \"debitAmountCurrency\": \"USD\","
                        + " \"creditAccountNumber\": \""
                        + to
                        + "\","
                        + " \"creditAmountCurrency\": \"USD\", \"debitAmount\": \"100.00\"}")));
  }

  @Test
  void subToSubSettlementToSubAndSubToSettlementAreRefusedAsTheFlowsDocumentSays() {
    String customer = newCustomer();
    String token = bcbToken(newCredentials(customer, "{\"dialect\": \"bcb\"}"));
    String settlement = openAccount(customer, "USD", "SETTLEMENT", "1000.00");
    String parent = openAccount(customer, "USD", "PARENT", null);
    String first = sub(customer);
    String second = sub(customer);
    admin("POST", "/admin/v1/accounts/" + first + "/credits", "{\"amount\": \"500.00\"}");

    HttpResponse<String> subToSub = transfer(token, first, second);
    HttpResponse<String> settlementToSub = transfer(token, settlement, first);
    HttpResponse<String> subToSettlement = transfer(token, first, settlement);
    HttpResponse<String> intoParent = transfer(token, settlement, parent);

    assertThat(subToSub.statusCode()).isEqualTo(400);
    assertThat(body(subToSub).path("error").asString()).isEqualTo("FLOW_NOT_ALLOWED_SUB_TO_SUB");
    assertThat(body(subToSub).path("message").asString()).contains("not a permitted VAS flow");
    assertThat(body(settlementToSub).path("error").asString())
        .isEqualTo("FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY");
    assertThat(body(subToSettlement).path("error").asString())
        .isEqualTo("FLOW_NOT_ALLOWED_SUB_TO_SETTLEMENT_DIRECTLY");
    assertThat(body(intoParent).path("error").asString()).isEqualTo("PARENT_MUST_NET_TO_ZERO");
    assertThat(
            admin("POST", "/admin/v1/accounts/" + parent + "/credits", "{\"amount\": \"1.00\"}")
                .statusCode())
        .isEqualTo(422);
    assertThat(balance(first)).isEqualTo("500.00");
    assertThat(balance(second)).isEqualTo("0.00");
    assertThat(balance(settlement)).isEqualTo("1000.00");
    assertThat(balance(parent)).isEqualTo("0.00");
  }

  @Test
  void aSubAccountNeedsItsCustomersParentInTheCurrency() {
    String customer = newCustomer();

    AccountOpening opening =
        accounts.openCustomerAccount(UUID.fromString(customer), "USD", AccountKind.SUB, "X");

    assertThat(opening).isInstanceOf(AccountOpening.Refused.class);
  }

  private String balance(String number) {
    return body(admin("GET", "/admin/v1/accounts/" + number, null))
        .path("balance")
        .path("posted")
        .asString();
  }
}
