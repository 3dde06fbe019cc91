package io.coralbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.accounts.Account;
import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.LedgerFixtures;
import io.coralbank.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The batching engine on real PostgreSQL: concurrency, crash safety, several processes. */
class LedgerEngineTest extends HttpIntegrationTest {

  @Autowired Ledger ledger;
  @Autowired LedgerReader reader;
  @Autowired LedgerCheck check;
  @Autowired LedgerFixtures fixtures;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private static TransferRequest posting(String id, Account from, Account to, long amount) {
    return TransferRequest.of(
        new TransferCommand.Posting(id, from.id(), to.id(), from.currency(), amount, false));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void twoHundredConcurrentDebitsOfOneDollarFromOneHundredDollarsSucceedExactlyOneHundredTimes()
      throws Exception {
    Account payer = fixtures.account("USD", 100_00);
    Account payee = fixtures.account("USD", 0);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<TransferResult>> results = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int index = 0; index < 200; index++) {
        results.add(
            callers.submit(
                () -> {
                  start.await();
                  return ledger.submit(posting(id(), payer, payee, 1_00));
                }));
      }
      start.countDown();
    }

    long applied = 0;
    long refused = 0;
    for (Future<TransferResult> result : results) {
      switch (result.get()) {
        case TransferResult.Applied ok -> applied++;
        case TransferResult.Rejected rejected -> {
          assertThat(rejected.rejection()).isEqualTo(Rejection.INSUFFICIENT_FUNDS);
          refused++;
        }
        case TransferResult.AlreadyApplied exists -> throw new AssertionError(exists);
      }
    }
    assertThat(applied).isEqualTo(100);
    assertThat(refused).isEqualTo(100);
    assertThat(reader.balance(payer.id()).orElseThrow().posted()).isZero();
    assertThat(reader.balance(payee.id()).orElseThrow().posted()).isEqualTo(100_00);
    // Never negative at any time: every running balance the journal recorded is at least zero.
    assertThat(
            jdbc.sql("select min(balance_after) from ledger_postings where account_id = :id")
                .param("id", payer.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(check.run().violations()).isEmpty();
  }

  @Test
  void bothLegsOfATransferShareOneTransactionIdInBcbStyle() {
    Account from = fixtures.account("USD", 50_00);
    Account to = fixtures.account("USD", 0);
    String transferId = id();

    TransferResult result = ledger.submit(posting(transferId, from, to, 12_34));

    String transactionId = ((TransferResult.Applied) result).transactionId();
    assertThat(transactionId).matches("FT\\d{5}[0-9A-Z]{5}");
    assertThat(
            jdbc.sql(
                    "select account_id, amount from ledger_postings where transaction_id = :id"
                        + " order by amount")
                .param("id", transactionId)
                .query((row, number) -> row.getLong(1) + ":" + row.getLong(2))
                .list())
        .containsExactly(from.id() + ":-1234", to.id() + ":1234");
  }

  @Test
  void aRetriedTransferIsRecognisedAndAReusedIdNamesTheDifferentField() {
    Account from = fixtures.account("USD", 50_00);
    Account to = fixtures.account("USD", 0);
    String transferId = id();
    String transactionId =
        ((TransferResult.Applied) ledger.submit(posting(transferId, from, to, 10_00)))
            .transactionId();

    assertThat(ledger.submit(posting(transferId, from, to, 10_00)))
        .isEqualTo(new TransferResult.AlreadyApplied(transferId, transactionId));
    assertThat(ledger.submit(posting(transferId, from, to, 10_01)))
        .isEqualTo(new TransferResult.Rejected(transferId, Rejection.EXISTS_WITH_DIFFERENT_AMOUNT));
    assertThat(reader.balance(from.id()).orElseThrow().posted()).isEqualTo(40_00);
  }

  @Test
  void aLinkedChainInOneSubmissionIsOneTransactionAndFailsWhole() {
    Account settlement = fixtures.account("USD", 100_00);
    Account parent = fixtures.account("USD", 0);
    Account sub = fixtures.account("USD", 0);
    List<TransferResult> results =
        ledger.submit(
            List.of(
                TransferRequest.of(
                    new TransferCommand.Posting(
                        id(), settlement.id(), parent.id(), "USD", 30_00, true)),
                TransferRequest.of(
                    new TransferCommand.Posting(
                        id(), parent.id(), sub.id(), "USD", 30_00, false))));
    assertThat(results).allMatch(TransferResult.Applied.class::isInstance);
    assertThat(((TransferResult.Applied) results.get(0)).transactionId())
        .isEqualTo(((TransferResult.Applied) results.get(1)).transactionId());

    List<TransferResult> failed =
        ledger.submit(
            List.of(
                TransferRequest.of(
                    new TransferCommand.Posting(
                        id(), settlement.id(), parent.id(), "USD", 50_00, true)),
                TransferRequest.of(
                    new TransferCommand.Posting(
                        id(), parent.id(), sub.id(), "EUR", 50_00, false))));
    assertThat(failed.get(0))
        .extracting(result -> ((TransferResult.Rejected) result).rejection())
        .isEqualTo(Rejection.LINKED_TRANSFER_FAILED);
    assertThat(failed.get(1))
        .extracting(result -> ((TransferResult.Rejected) result).rejection())
        .isEqualTo(Rejection.CURRENCIES_MUST_MATCH);
    assertThat(reader.balance(settlement.id()).orElseThrow().posted()).isEqualTo(70_00);
    assertThat(reader.balance(parent.id()).orElseThrow().posted()).isZero();
  }

  @Test
  void holdsArePostedInPartVoidedAndReleasedWhenTheyExpire(@Autowired HoldExpiry expiry) {
    Account card = fixtures.account("USD", 100_00);
    Account merchant = fixtures.account("USD", 0);
    Instant later = clock.instant().plus(Duration.ofHours(1));
    String partial = id();
    String voided = id();
    String expiring = id();
    ledger.submit(
        List.of(
            TransferRequest.of(
                new TransferCommand.Hold(
                    partial, card.id(), merchant.id(), "USD", 40_00, later, false)),
            TransferRequest.of(
                new TransferCommand.Hold(
                    voided, card.id(), merchant.id(), "USD", 10_00, later, false)),
            TransferRequest.of(
                new TransferCommand.Hold(
                    expiring,
                    card.id(),
                    merchant.id(),
                    "USD",
                    5_00,
                    clock.instant().plus(Duration.ofMillis(300)),
                    false))));
    assertThat(reader.balance(card.id()).orElseThrow()).isEqualTo(new Balance(100_00, 55_00, 0));

    ledger.submit(TransferRequest.of(new TransferCommand.PostHold(id(), partial, 25_00L, false)));
    ledger.submit(TransferRequest.of(new TransferCommand.VoidHold(id(), voided, false)));
    await(Duration.ofMillis(400));
    expiry.releaseExpiredHolds();

    assertThat(reader.balance(card.id()).orElseThrow()).isEqualTo(new Balance(75_00, 0, 0));
    assertThat(reader.balance(merchant.id()).orElseThrow()).isEqualTo(new Balance(25_00, 0, 0));
    assertThat(
            ledger.submit(
                TransferRequest.of(new TransferCommand.PostHold(id(), expiring, null, false))))
        .extracting(result -> ((TransferResult.Rejected) result).rejection())
        .isEqualTo(Rejection.HOLD_EXPIRED);
    assertThat(check.run().violations()).isEmpty();
  }

  @Test
  void balancesAtPastInstantsAndPagesOfPostingsComeFromTheJournal() {
    Account from = fixtures.account("USD", 1_000_00);
    Account to = fixtures.account("USD", 0);
    List<Instant> after = new ArrayList<>();
    for (int index = 1; index <= 7; index++) {
      ledger.submit(posting(id(), from, to, index * 1_00));
      after.add(clock.instant());
      await(Duration.ofMillis(5));
    }
    assertThat(reader.postedBalanceAt(to.id(), after.get(2))).isEqualTo(6_00);
    assertThat(reader.postedBalanceAt(to.id(), after.get(6))).isEqualTo(28_00);
    assertThat(reader.postedBalanceAt(to.id(), Instant.EPOCH)).isZero();

    Instant from0 = Instant.EPOCH;
    Instant to0 = clock.instant().plusSeconds(1);
    List<Long> newestFirst = new ArrayList<>();
    PostingPage.Cursor cursor = null;
    do {
      PostingPage page =
          reader.postings(to.id(), from0, to0, PostingPage.Order.NEWEST_FIRST, cursor, 3);
      page.items().forEach(posting -> newestFirst.add(posting.amount()));
      cursor = page.next();
    } while (cursor != null);
    assertThat(newestFirst).containsExactly(700L, 600L, 500L, 400L, 300L, 200L, 100L);

    PostingPage oldest =
        reader.postings(to.id(), from0, to0, PostingPage.Order.OLDEST_FIRST, null, 2);
    assertThat(oldest.items()).extracting(PostingView::amount).containsExactly(100L, 200L);
    assertThat(oldest.items().getFirst().counterpartyAccountId()).isEqualTo(from.id());
    assertThat(reader.countPostings(to.id(), from0, to0)).isEqualTo(7);
  }

  @Test
  void aReversalIsANewTransactionThatPointsAtTheOriginalAndHappensOnce(
      @Autowired LedgerReversals reversals) {
    Account from = fixtures.account("USD", 50_00);
    Account to = fixtures.account("USD", 0);
    String original =
        ((TransferResult.Applied) ledger.submit(posting(id(), from, to, 20_00))).transactionId();

    ReversalResult reversed = reversals.reverse(original, "Sent in error");

    String reversal = ((ReversalResult.Reversed) reversed).transactionId();
    assertThat(reversal).isNotEqualTo(original);
    assertThat(reader.balance(from.id()).orElseThrow().posted()).isEqualTo(50_00);
    assertThat(reader.balance(to.id()).orElseThrow().posted()).isZero();
    assertThat(
            jdbc.sql("select reverses from ledger_transactions where id = :id")
                .param("id", reversal)
                .query(String.class)
                .single())
        .isEqualTo(original);
    assertThat(reversals.reverse(original, "again"))
        .isEqualTo(new ReversalResult.AlreadyReversed(reversal));
    assertThat(reader.balance(from.id()).orElseThrow().posted()).isEqualTo(50_00);
    assertThat(reversals.reverse("FT00001NOPE0", "unknown"))
        .isEqualTo(new ReversalResult.NotFound());
  }

  @Test
  void aReversalIsRefusedWhenTheMoneyHasMovedOnAndAHoldHasNothingToReverse(
      @Autowired LedgerReversals reversals) {
    Account from = fixtures.account("USD", 50_00);
    Account to = fixtures.account("USD", 0);
    Account onward = fixtures.account("USD", 0);
    String original =
        ((TransferResult.Applied) ledger.submit(posting(id(), from, to, 20_00))).transactionId();
    ledger.submit(posting(id(), to, onward, 15_00));

    assertThat(reversals.reverse(original, "too late"))
        .isEqualTo(new ReversalResult.Refused(Rejection.INSUFFICIENT_FUNDS));
    assertThat(reader.balance(to.id()).orElseThrow().posted()).isEqualTo(5_00);

    String hold =
        ((TransferResult.Applied)
                ledger.submit(
                    TransferRequest.of(
                        new TransferCommand.Hold(
                            id(),
                            from.id(),
                            to.id(),
                            "USD",
                            1_00,
                            clock.instant().plusSeconds(60),
                            false))))
            .transactionId();
    assertThat(reversals.reverse(hold, "a hold")).isEqualTo(new ReversalResult.NothingToReverse());
    assertThat(check.run().violations()).isEmpty();
  }

  @Test
  void theJournalIsAppendOnly() {
    Account from = fixtures.account("USD", 10_00);
    assertThat(from).isNotNull();
    assertThatThrownBy(() -> jdbc.sql("update ledger_postings set amount = amount + 1").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from ledger_transfers").update())
        .hasMessageContaining("append-only");
  }

  @Test
  void aFailureMidBatchRollsTheWholeBatchBackAndEveryCallerOfItGetsAnError() throws Exception {
    // A trigger makes the database fail while writing one transfer of the batch.
    Account from = fixtures.account("USD", 100_00);
    Account to = fixtures.account("USD", 0);
    jdbc.sql(
            """
            create or replace function fail_on_crash_transfer() returns trigger language plpgsql as $$
            begin
              if new.transfer_id like 'crash-test-%' then
                raise exception 'simulated failure while writing %', new.transfer_id;
              end if;
              return new;
            end;
            $$
            """)
        .update();
    jdbc.sql(
            "create trigger fail_on_crash_transfer before insert on ledger_transfers"
                + " for each row execute function fail_on_crash_transfer()")
        .update();
    try {
      List<String> ids = List.of(id(), id(), "crash-test-" + id(), id(), id());
      List<Future<List<TransferResult>>> calls =
          asOneBatch(ids.stream().map(transferId -> posting(transferId, from, to, 1_00)).toList());

      for (Future<List<TransferResult>> call : calls) {
        assertThatThrownBy(call::get).hasCauseInstanceOf(LedgerUnavailableException.class);
      }
      assertThat(
              jdbc.sql("select count(*) from ledger_transfers where transfer_id in (:ids)")
                  .param("ids", ids)
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(reader.balance(from.id()).orElseThrow().posted()).isEqualTo(100_00);
    } finally {
      jdbc.sql("drop trigger fail_on_crash_transfer on ledger_transfers").update();
    }
    assertThat(ledger.submit(posting(id(), from, to, 1_00)))
        .isInstanceOf(TransferResult.Applied.class);
  }

  @Test
  void aTransferCarryingAValueTheDatabaseCannotStoreFailsAloneAndTheRestOfItsBatchIsApplied()
      throws Exception {
    Account from = fixtures.account("USD", 100_00);
    Account to = fixtures.account("USD", 0);
    // PostgreSQL cannot store the NUL character in text, so the third one's description makes
    // the database refuse the batch's write.
    String nulCharacter = String.valueOf((char) 0);
    List<String> descriptions = List.of("one", "two", "three" + nulCharacter, "four", "five");
    List<Future<List<TransferResult>>> calls =
        asOneBatch(
            descriptions.stream()
                .map(
                    description ->
                        new TransferRequest(
                            new TransferCommand.Posting(
                                id(), from.id(), to.id(), "USD", 1_00, false),
                            null,
                            description))
                .toList());

    for (int index = 0; index < calls.size(); index++) {
      if (index == 2) {
        assertThatThrownBy(calls.get(index)::get)
            .hasCauseInstanceOf(LedgerUnavailableException.class);
      } else {
        assertThat(calls.get(index).get().getFirst()).isInstanceOf(TransferResult.Applied.class);
      }
    }
    assertThat(reader.balance(from.id()).orElseThrow().posted()).isEqualTo(96_00);
  }

  /**
   * Submits each transfer on its own to a one-worker engine while its worker is held up by a row
   * lock the test takes: the submissions queue behind it, and when the lock is released the worker
   * takes them all as one batch. Answers each submission's outcome, settled before the engine
   * closes.
   */
  private List<Future<List<TransferResult>>> asOneBatch(List<TransferRequest> transfers)
      throws Exception {
    Account gate = fixtures.account("USD", 10_00);
    Account payee = fixtures.account("USD", 0);
    try (LedgerEngine engine =
            new LedgerEngine(dataSource, clock, new EngineSettings(1000, Duration.ZERO, 1));
        Connection gatekeeper = dataSource.getConnection();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      gatekeeper.setAutoCommit(false);
      try (Statement lock = gatekeeper.createStatement()) {
        lock.execute(
            "select 1 from ledger_accounts where account_id = " + gate.id() + " for update");
      }
      Future<List<TransferResult>> held =
          callers.submit(() -> engine.submit(List.of(posting(id(), gate, payee, 1_00))));
      await(Duration.ofMillis(300));
      List<Future<List<TransferResult>>> calls = new ArrayList<>();
      for (TransferRequest transfer : transfers) {
        calls.add(callers.submit(() -> engine.submit(List.of(transfer))));
      }
      await(Duration.ofMillis(300));
      gatekeeper.rollback();

      assertThat(held.get().getFirst()).isInstanceOf(TransferResult.Applied.class);
      List<Future<List<TransferResult>>> settled = new ArrayList<>();
      for (Future<List<TransferResult>> call : calls) {
        try {
          settled.add(CompletableFuture.completedFuture(call.get()));
        } catch (ExecutionException failed) {
          settled.add(CompletableFuture.failedFuture(failed.getCause()));
        }
      }
      return settled;
    }
  }

  @Test
  void twoEnginesWithTheirOwnPoolsHammeringOneHotAccountKeepTheBooksSound() throws Exception {
    Account hot = fixtures.account("USD", 0);
    List<Account> sources = new ArrayList<>();
    for (int index = 0; index < 8; index++) {
      sources.add(fixtures.account("USD", 1_000_00));
    }
    try (HikariDataSource firstPool = TestDatabases.engineProcessPool(dataSource, 4);
        HikariDataSource secondPool = TestDatabases.engineProcessPool(dataSource, 4);
        LedgerEngine first = new LedgerEngine(firstPool, clock, EngineSettings.defaults());
        LedgerEngine second = new LedgerEngine(secondPool, clock, EngineSettings.defaults());
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<TransferResult>> calls = new ArrayList<>();
      for (int index = 0; index < 800; index++) {
        Account source = sources.get(index % sources.size());
        LedgerEngine engine = index % 2 == 0 ? first : second;
        // Money flows into the hot account and, one time in four, back out of it.
        TransferRequest request =
            index % 4 == 3 ? posting(id(), hot, source, 50) : posting(id(), source, hot, 1_00);
        calls.add(callers.submit(() -> engine.submit(request)));
      }
      long applied = 0;
      for (Future<TransferResult> call : calls) {
        if (call.get() instanceof TransferResult.Applied) {
          applied++;
        }
      }
      assertThat(applied).isGreaterThan(700);
    }
    LedgerCheckReport report = check.run();
    assertThat(report.violations()).isEmpty();
    long expected =
        jdbc.sql("select coalesce(sum(amount), 0) from ledger_postings where account_id = :id")
            .param("id", hot.id())
            .query(Long.class)
            .single();
    assertThat(reader.balance(hot.id()).orElseThrow().posted()).isEqualTo(expected).isPositive();
  }

  private static void await(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
