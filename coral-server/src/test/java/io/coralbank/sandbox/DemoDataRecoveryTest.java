package io.coralbank.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.ledger.LedgerCheck;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo seed completes whatever an interrupted start left undone, and otherwise changes nothing.
 * It has a database of its own, because it takes demo data away.
 */
@TestPropertySource(properties = "test.context=demo-data-recovery")
class DemoDataRecoveryTest extends HttpIntegrationTest {

  @Autowired DemoData demoData;
  @Autowired JdbcClient jdbc;
  @Autowired LedgerCheck ledgerCheck;

  @Test
  void
      aStartThatDiedBeforeItsLastClientAndAccountIsCompletedByTheNextWithoutFundingAnythingTwice() {
    Map<String, Long> before = balancesByLabel();
    long transfers = transferCount();
    removeAsIfNeverCreated("Demo BMD parent", DemoData.VAULTSPAY_CLIENT);
    assertThat(balancesByLabel()).hasSize(9).doesNotContainKey("Demo BMD parent");

    demoData.seed();
    demoData.seed();

    assertThat(balancesByLabel()).isEqualTo(before);
    assertThat(transferCount()).isEqualTo(transfers);
    assertThat(clientCount()).isEqualTo(3);
    assertThat(ledgerCheck.run().ok()).isTrue();
  }

  @Test
  void aRestartOnACompleteSeedChangesNothing() {
    Map<String, Long> before = balancesByLabel();
    long transfers = transferCount();

    demoData.seed();

    assertThat(balancesByLabel()).isEqualTo(before);
    assertThat(transferCount()).isEqualTo(transfers);
    assertThat(clientCount()).isEqualTo(3);
  }

  private Map<String, Long> balancesByLabel() {
    record Row(String label, long posted) {}
    List<Row> rows =
        jdbc.sql(
                "select a.label, l.posted from accounts a join ledger_accounts l"
                    + " on l.account_id = a.id where a.customer_id = :customer")
            .param("customer", DemoData.CUSTOMER)
            .query((row, number) -> new Row(row.getString("label"), row.getLong("posted")))
            .list();
    assertThat(rows.stream().map(Row::label).distinct()).hasSize(rows.size());
    return rows.stream().collect(java.util.stream.Collectors.toMap(Row::label, Row::posted));
  }

  /**
   * Takes away what a start that died early would not have made yet: a client and an account the
   * seed does not fund (funded ones have journal entries, which nothing may delete).
   */
  private void removeAsIfNeverCreated(String unfundedAccountLabel, UUID clientId) {
    long account =
        jdbc.sql("select id from accounts where customer_id = :customer and label = :label")
            .param("customer", DemoData.CUSTOMER)
            .param("label", unfundedAccountLabel)
            .query(Long.class)
            .single();
    jdbc.sql("delete from virtual_accounts where account_id = :id").param("id", account).update();
    jdbc.sql("delete from ledger_accounts where account_id = :id").param("id", account).update();
    jdbc.sql("delete from accounts where id = :id").param("id", account).update();
    jdbc.sql("delete from api_clients where client_id = :id").param("id", clientId).update();
  }

  private long transferCount() {
    return jdbc.sql("select count(*) from ledger_transfers").query(Long.class).single();
  }

  private long clientCount() {
    return jdbc.sql("select count(*) from api_clients where customer_id = :customer")
        .param("customer", DemoData.CUSTOMER)
        .query(Long.class)
        .single();
  }
}
