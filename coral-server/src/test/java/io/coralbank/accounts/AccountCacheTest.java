package io.coralbank.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server remembers the accounts that transfer requests name, and forgets one as soon as a change
 * to it is announced, whoever made the change. Changes here are made in SQL, as another server
 * process or an operator would make them; one test switches the announcing trigger off for a
 * moment, which no other test class can observe because test classes run one after another.
 */
class AccountCacheTest extends HttpIntegrationTest {

  @Autowired JdbcClient jdbc;

  private record Payer(String customerId, String token, String from, String to) {}

  /** A payer whose accounts have been named by a transfer once, so the server remembers them. */
  private Payer rememberedPayer() {
    assertThat(eventually(() -> listeningSessions(jdbc), 1)).isEqualTo(1);
    String customer = newCustomer();
    Payer payer =
        new Payer(
            customer,
            bcbToken(newCredentials(customer, "{\"dialect\": \"bcb\"}")),
            openAccount(customer, "USD", "CURRENT", "100.00"),
            openAccount(newCustomer(), "USD", "CURRENT", null));
    assertThat(transferStatus(payer)).isEqualTo(200);
    return payer;
  }

  private int transferStatus(Payer payer) {
    return callBcb(
            payer.token(),
            "POST",
            "/v1/internal-transfers",
            "{\"debitAccountNumber\": \""
                + payer.from()
                + "\", \"debitAmountCurrency\": \"USD\", \"creditAccountNumber\": \""
                + payer.to()
                + "\", \"creditAmountCurrency\": \"USD\", \"debitAmount\": \"1.00\"}")
        .statusCode();
  }

  private void giveAway(String number) {
    jdbc.sql("update accounts set customer_id = :owner where account_number = :number")
        .param("owner", UUID.fromString(newCustomer()))
        .param("number", number)
        .update();
  }

  @Test
  void anAccountGivenToAnotherCustomerElsewhereCanNoLongerBeDebitedByItsFormerOwner() {
    Payer payer = rememberedPayer();

    giveAway(payer.from());

    assertThat(eventually(() -> transferStatus(payer), 404)).isEqualTo(404);
  }

  @Test
  void aRememberedAccountIsNotReadAgainUntilAChangeIsAnnounced() {
    Payer payer = rememberedPayer();

    // Without the announcement the server cannot know: this shows that it answers from memory,
    // and that the trigger is what keeps that memory true.
    jdbc.sql("alter table accounts disable trigger account_changed").update();
    try {
      giveAway(payer.from());
    } finally {
      jdbc.sql("alter table accounts enable trigger account_changed").update();
    }

    assertThat(transferStatus(payer)).isEqualTo(200);
    jdbc.sql("update accounts set label = 'changed' where account_number = :number")
        .param("number", payer.from())
        .update();
    assertThat(eventually(() -> transferStatus(payer), 404)).isEqualTo(404);
  }
}
