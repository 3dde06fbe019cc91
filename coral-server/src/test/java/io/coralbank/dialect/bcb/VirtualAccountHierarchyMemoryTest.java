package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server remembers each customer's Settlement and Parent accounts, which every move through a Sub
 * account names, and forgets them as soon as a change to one of the customer's accounts in that
 * currency is announced, or at once when it opened the account itself. Changes are made in SQL, as
 * another server process or an operator would make them, with the announcing trigger switched off
 * for a moment to show what is answered from memory; no other test class can observe that, because
 * test classes run one after another.
 */
class VirtualAccountHierarchyMemoryTest extends BcbVirtualAccountsFixture {

  @Autowired JdbcClient jdbc;

  private HttpResponse<String> credit(Corporate caller, String sub) {
    return call(
        caller,
        "POST",
        "/v1/virtual-accounts/" + sub + "/transfers/credit",
        "{\"creditAmountCurrency\": \"USD\", \"creditAmount\": \"1.00\"}");
  }

  private void withoutAnnouncements(Runnable change) {
    jdbc.sql("alter table accounts disable trigger account_changed").update();
    try {
      change.run();
    } finally {
      jdbc.sql("alter table accounts enable trigger account_changed").update();
    }
  }

  @Test
  void aSubsHierarchyIsRememberedUntilAChangeToOneOfTheCustomersAccountsIsAnnounced() {
    assertThat(eventually(() -> listeningSessions(jdbc), 1)).isEqualTo(1);
    Corporate caller = corporate(null);
    String sub = openSub(caller, "Jane Smith");
    assertThat(credit(caller, sub).statusCode()).isEqualTo(200);

    // The Settlement changes hands unannounced: the server cannot know, and still finds it.
    withoutAnnouncements(
        () ->
            jdbc.sql("update accounts set customer_id = :owner where account_number = :number")
                .param("owner", UUID.fromString(newCustomer()))
                .param("number", caller.settlement())
                .update());
    assertThat(credit(caller, sub).statusCode()).isEqualTo(200);

    // Any announced change to the customer's USD accounts makes it read the hierarchy again.
    jdbc.sql("update accounts set label = 'changed' where account_number = :number")
        .param("number", caller.parent())
        .update();
    assertThat(eventually(() -> credit(caller, sub).statusCode(), 400)).isEqualTo(400);
    assertThat(body(credit(caller, sub)).path("message").asString())
        .contains("No settlement account with matching currency found");
  }

  @Test
  void aSettlementAccountThisServerOpensIsUsedAtOnceWithoutWaitingForItsAnnouncement() {
    assertThat(eventually(() -> listeningSessions(jdbc), 1)).isEqualTo(1);
    Corporate caller = corporate(null);
    String sub = openSub(caller, "Jane Smith");
    // The Settlement changes hands, announced: the server now remembers a hierarchy without one.
    jdbc.sql("update accounts set customer_id = :owner where account_number = :number")
        .param("owner", UUID.fromString(newCustomer()))
        .param("number", caller.settlement())
        .update();
    assertThat(eventually(() -> credit(caller, sub).statusCode(), 400)).isEqualTo(400);

    // A new one opened through the API with the trigger off: only the server's own forgetting
    // can make it usable.
    withoutAnnouncements(() -> openAccount(caller.id(), "USD", "SETTLEMENT", "100.00"));

    HttpResponse<String> credited = credit(caller, sub);
    assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
  }
}
