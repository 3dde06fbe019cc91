package io.coralbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.accounts.Account;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.LedgerFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random transfers, holds, posts, voids and linked chains submitted concurrently by many callers.
 * Afterwards the invariant check must pass, and replaying the journal in the order the engine
 * applied it, through a model written independently of the kernel, must give the stored balances
 * and never take a customer account below its floor at any step. The seed is in every failure
 * message; {@code -Dcoral.seed=<seed>} replays a run's choices.
 */
class LedgerEngineRandomTest extends HttpIntegrationTest {

  @Autowired Ledger ledger;
  @Autowired LedgerCheck check;
  @Autowired LedgerFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void concurrentRandomTransfersLeaveTheBooksEqualToASequentialReplay() throws Exception {
    long seed = Long.getLong("coral.seed", System.nanoTime());
    String context = "seed=" + seed;
    Random setup = new Random(seed);
    List<Account> accounts = new ArrayList<>();
    for (int index = 0; index < 16; index++) {
      accounts.add(fixtures.account("USD", setup.nextInt(200_00)));
    }
    List<String> holds = new CopyOnWriteArrayList<>();
    Map<String, List<TransferResult>> outcomes = new ConcurrentHashMap<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> work = new ArrayList<>();
      for (int caller = 0; caller < 12; caller++) {
        Random random = new Random(seed * 31 + caller);
        String prefix = "random-" + seed + "-" + caller + "-";
        work.add(
            callers.submit(
                () -> {
                  for (int step = 0; step < 50; step++) {
                    List<TransferRequest> submission =
                        randomSubmission(random, prefix + step, accounts, holds);
                    List<TransferResult> results = ledger.submit(submission);
                    outcomes.put(prefix + step, results);
                    for (int index = 0; index < results.size(); index++) {
                      if (submission.get(index).command() instanceof TransferCommand.Hold hold
                          && results.get(index) instanceof TransferResult.Applied) {
                        holds.add(hold.transferId());
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    }

    assertThat(check.run().violations()).as(context).isEmpty();
    replayAndCompare(context, accounts);
    Set<String> stored =
        Set.copyOf(
            jdbc.sql("select transfer_id from ledger_transfers where transfer_id like :prefix")
                .param("prefix", "random-" + seed + "-%")
                .query(String.class)
                .list());
    long applied = 0;
    for (List<TransferResult> results : outcomes.values()) {
      for (TransferResult result : results) {
        switch (result) {
          case TransferResult.Applied ok -> {
            applied++;
            assertThat(stored).as(context).contains(ok.transferId());
          }
          case TransferResult.AlreadyApplied exists ->
              assertThat(stored).as(context).contains(exists.transferId());
          case TransferResult.Rejected rejected -> {}
        }
      }
    }
    assertThat(applied).as(context + " applied transfers").isGreaterThan(200);
  }

  private List<TransferRequest> randomSubmission(
      Random random, String id, List<Account> accounts, List<String> holds) {
    int kind = random.nextInt(10);
    Account debit = accounts.get(random.nextInt(accounts.size()));
    Account credit = accounts.get(random.nextInt(accounts.size()));
    long amount = 1 + random.nextInt(60_00);
    if (kind < 4) {
      return List.of(posting(id, debit, credit, amount, false));
    }
    if (kind < 6) {
      Duration life = random.nextBoolean() ? Duration.ofHours(1) : Duration.ofMillis(50);
      return List.of(
          TransferRequest.of(
              new TransferCommand.Hold(
                  id, debit.id(), credit.id(), "USD", amount, clock.instant().plus(life), false)));
    }
    if (kind < 8 && !holds.isEmpty()) {
      String hold = holds.get(random.nextInt(holds.size()));
      TransferCommand command =
          random.nextBoolean()
              ? new TransferCommand.PostHold(
                  id, hold, random.nextBoolean() ? null : 1L + random.nextInt(20_00), false)
              : new TransferCommand.VoidHold(id, hold, false);
      return List.of(TransferRequest.of(command));
    }
    Account third = accounts.get(random.nextInt(accounts.size()));
    return List.of(
        posting(id + "-a", debit, credit, amount, true),
        posting(id + "-b", credit, third, amount, false));
  }

  private static TransferRequest posting(
      String id, Account debit, Account credit, long amount, boolean linked) {
    return TransferRequest.of(
        new TransferCommand.Posting(id, debit.id(), credit.id(), "USD", amount, linked));
  }

  /** A model of the balances that knows only arithmetic, fed the journal in applied order. */
  private void replayAndCompare(String context, List<Account> accounts) {
    Set<Long> ours = accounts.stream().map(Account::id).collect(Collectors.toSet());
    Map<Long, long[]> model = new HashMap<>();
    ours.forEach(id -> model.put(id, new long[3]));
    Map<String, long[]> holdModel = new HashMap<>();
    List<Map<String, Object>> journal =
        jdbc.sql(
                """
                select type, debit_account_id, credit_account_id, amount, hold_transfer_id,
                       transfer_id
                  from ledger_transfers
                 where debit_account_id = any(:ids) or credit_account_id = any(:ids)
                 order by sequence
                """)
            .param("ids", ours.stream().mapToLong(Long::longValue).toArray())
            .query()
            .listOfRows();
    for (Map<String, Object> transfer : journal) {
      long debit = (Long) transfer.get("debit_account_id");
      long credit = (Long) transfer.get("credit_account_id");
      long amount = (Long) transfer.get("amount");
      long[] debitRow = model.computeIfAbsent(debit, id -> new long[3]);
      long[] creditRow = model.computeIfAbsent(credit, id -> new long[3]);
      switch ((String) transfer.get("type")) {
        case "POSTING" -> {
          debitRow[0] -= amount;
          creditRow[0] += amount;
        }
        case "HOLD" -> {
          debitRow[1] += amount;
          creditRow[2] += amount;
          holdModel.put((String) transfer.get("transfer_id"), new long[] {amount});
        }
        case "POST_HOLD", "VOID_HOLD", "EXPIRE_HOLD" -> {
          long held = holdModel.remove((String) transfer.get("hold_transfer_id"))[0];
          boolean posts = transfer.get("type").equals("POST_HOLD");
          debitRow[1] -= held;
          creditRow[2] -= held;
          if (posts) {
            debitRow[0] -= amount;
            creditRow[0] += amount;
          }
        }
        default -> throw new IllegalStateException(String.valueOf(transfer.get("type")));
      }
      if (ours.contains(debit)) {
        assertThat(debitRow[0] - debitRow[1])
            .as(context + " available of " + debit + " after " + transfer.get("transfer_id"))
            .isGreaterThanOrEqualTo(0);
      }
    }
    for (long id : ours) {
      Balance stored = ledgerBalance(id);
      long[] expected = model.get(id);
      assertThat(new Balance(expected[0], expected[1], expected[2]))
          .as(context + " balances of account " + id)
          .isEqualTo(stored);
    }
  }

  private Balance ledgerBalance(long id) {
    return jdbc.sql(
            "select posted, pending_debits, pending_credits from ledger_accounts"
                + " where account_id = :id")
        .param("id", id)
        .query((row, number) -> new Balance(row.getLong(1), row.getLong(2), row.getLong(3)))
        .single();
  }
}
