package io.coralbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.LedgerFixtures;
import io.coralbank.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bank-side accounts are not locked for a whole batch: a batch adds its change to them at its end.
 * These tests show that their books stay exact when batches overlap on one of them.
 */
class BankSideAccountsTest extends HttpIntegrationTest {

  @Autowired Ledger ledger;
  @Autowired LedgerReader reader;
  @Autowired LedgerCheck check;
  @Autowired LedgerFixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private static TransferRequest posting(Account from, Account to, long amount) {
    return TransferRequest.of(
        new TransferCommand.Posting(
            UUID.randomUUID().toString(), from.id(), to.id(), from.currency(), amount, false));
  }

  @Test
  void batchesOverlappingOnOneBankSideAccountKeepItsPostingsInTheOrderOfItsBalance()
      throws Exception {
    Account suspense = accounts.bankAccount(AccountKind.SUSPENSE, "USD", null);
    List<Account> customers = new ArrayList<>();
    for (int index = 0; index < 16; index++) {
      customers.add(fixtures.account("USD", 1_000_00));
    }
    // Two engines with two workers each, as two server processes would run: up to four batches
    // touch the suspense account at once.
    try (HikariDataSource firstPool = TestDatabases.engineProcessPool(dataSource, 3);
        HikariDataSource secondPool = TestDatabases.engineProcessPool(dataSource, 3);
        LedgerEngine first = new LedgerEngine(firstPool, clock, EngineSettings.defaults());
        LedgerEngine second = new LedgerEngine(secondPool, clock, EngineSettings.defaults());
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<TransferResult>> calls = new ArrayList<>();
      for (int index = 0; index < 1_200; index++) {
        Account customer = customers.get(index % customers.size());
        LedgerEngine engine = index % 2 == 0 ? first : second;
        TransferRequest request =
            index % 3 == 2 ? posting(suspense, customer, 70) : posting(customer, suspense, 1_00);
        calls.add(callers.submit(() -> engine.submit(request)));
      }
      for (Future<TransferResult> call : calls) {
        assertThat(call.get()).isInstanceOf(TransferResult.Applied.class);
      }
    }
    assertThat(check.run().violations()).isEmpty();
    record Leg(long amount, long balanceAfter) {}
    List<Leg> legs =
        jdbc.sql(
                "select amount, balance_after from ledger_postings where account_id = :id"
                    + " order by posted_at, id")
            .param("id", suspense.id())
            .query((row, number) -> new Leg(row.getLong("amount"), row.getLong("balance_after")))
            .list();
    assertThat(legs).hasSize(1_200);
    long balance = 0;
    for (Leg leg : legs) {
      balance += leg.amount();
      assertThat(leg.balanceAfter()).isEqualTo(balance);
    }
    assertThat(reader.balance(suspense.id()).orElseThrow().posted())
        .isEqualTo(balance)
        .isEqualTo(800 * 1_00 - 400 * 70);
  }

  @Test
  void aBankSideAccountFrozenWhileABatchWritesToItRefusesTheTransferAndMovesNothing()
      throws Exception {
    Account feeIncome = accounts.bankAccount(AccountKind.FEE_INCOME, "USD", null);
    Account customer = fixtures.account("USD", 50_00);
    try (Connection freezer = dataSource.getConnection();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      freezer.setAutoCommit(false);
      try (Statement statement = freezer.createStatement()) {
        // Holding the row makes the batch read it as active and then wait at its final write.
        statement.execute(
            "select 1 from ledger_accounts where account_id = " + feeIncome.id() + " for update");
        Future<TransferResult> call =
            callers.submit(() -> ledger.submit(posting(customer, feeIncome, 10_00)));
        awaitBlockedOnLock();
        statement.execute(
            "update ledger_accounts set active = false where account_id = " + feeIncome.id());
        freezer.commit();
        assertThat(call.get())
            .isInstanceOfSatisfying(
                TransferResult.Rejected.class,
                rejected ->
                    assertThat(rejected.rejection())
                        .isEqualTo(Rejection.CREDIT_ACCOUNT_MUST_BE_ACTIVE));
      }
    }
    assertThat(reader.balance(customer.id()).orElseThrow().posted()).isEqualTo(50_00);
    assertThat(reader.balance(feeIncome.id()).orElseThrow().posted()).isZero();
    assertThat(check.run().violations()).isEmpty();
  }

  private void awaitBlockedOnLock() throws InterruptedException {
    for (int attempt = 0; attempt < 200; attempt++) {
      long waiting =
          jdbc.sql(
                  "select count(*) from pg_stat_activity"
                      + " where datname = current_database() and wait_event_type = 'Lock'")
              .query(Long.class)
              .single();
      if (waiting > 0) {
        return;
      }
      Thread.sleep(Duration.ofMillis(25));
    }
    throw new AssertionError("The batch never waited for the bank-side account's row");
  }
}
