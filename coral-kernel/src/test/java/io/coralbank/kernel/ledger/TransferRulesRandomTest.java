package io.coralbank.kernel.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.kernel.ledger.HoldState.HoldStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random transfers, holds, posts, voids, expiries, linked chains and reused ids over random
 * accounts, checking after every batch what must always hold. The seed is in the failure message;
 * {@code -Dcoral.seed=<seed>} replays one run.
 */
class TransferRulesRandomTest {

  private static final String[] CURRENCIES = {"USD", "EUR"};

  @RepeatedTest(20)
  void theLedgerInvariantsHoldAfterEveryRandomBatch(RepetitionInfo repetition) {
    long seed =
        Long.getLong("coral.seed", 0L) != 0L
            ? Long.getLong("coral.seed")
            : 0x5EED_0000L + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    World world = new World(random);
    for (int batchNumber = 0; batchNumber < 200; batchNumber++) {
      world.runBatch(seed, batchNumber);
    }
    // The run must have exercised the rules, not only refused everything.
    assertThat(world.journal).as("seed=" + seed + " postings").hasSizeGreaterThan(200);
    assertThat(world.resolutions).as("seed=" + seed + " resolved holds").isNotEmpty();
  }

  private static final class World {
    private final Random random;
    private final Map<Long, AccountState> accounts = new HashMap<>();
    private final Map<Long, Long> openingPosted = new HashMap<>();
    private final Map<String, RecordedTransfer> transfers = new HashMap<>();
    private final Map<String, HoldState> holds = new HashMap<>();
    private final Map<String, Integer> resolutions = new HashMap<>();
    private final List<Posting> journal = new ArrayList<>();
    private final List<String> usedIds = new ArrayList<>();
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private int nextId;

    World(Random random) {
      this.random = random;
      for (long id = 1; id <= 12; id++) {
        String currency = CURRENCIES[(int) (id % 2)];
        boolean bankSide = id <= 2;
        long overdraft = id == 3 || id == 4 ? 5_000 : 0;
        long posted = bankSide ? 0 : random.nextInt(50_000);
        accounts.put(
            id, new AccountState(id, currency, bankSide, overdraft, id != 11, posted, 0, 0));
        openingPosted.put(id, posted);
      }
      // The bank-side accounts fund the opening balances, so every currency sums to zero.
      for (long id = 3; id <= 12; id++) {
        long bank = id % 2 == 0 ? 2 : 1;
        AccountState funding = accounts.get(bank);
        long posted = funding.posted() - accounts.get(id).posted();
        accounts.put(bank, funding.withBalances(posted, 0, 0));
        openingPosted.put(bank, posted);
      }
    }

    void runBatch(long seed, int batchNumber) {
      if (random.nextInt(4) == 0) {
        now = now.plus(Duration.ofSeconds(random.nextInt(120)));
      }
      TransferBatch batch =
          new TransferBatch(accounts.values(), transfers.values(), holds.values(), now);
      int submissions = 1 + random.nextInt(5);
      for (int submission = 0; submission < submissions; submission++) {
        batch.apply(randomSubmission());
      }
      batch.changedAccounts().forEach(account -> accounts.put(account.id(), account));
      batch.changedHolds().forEach(hold -> holds.put(hold.transferId(), hold));
      for (AppliedTransfer applied : batch.appliedTransfers()) {
        transfers.put(
            applied.command().transferId(),
            RecordedTransfer.of(applied.command(), "TX" + batchNumber, -1));
        journal.addAll(applied.postings());
        switch (applied.command()) {
          case TransferCommand.PostHold post ->
              resolutions.merge(post.holdTransferId(), 1, Integer::sum);
          case TransferCommand.VoidHold voidHold ->
              resolutions.merge(voidHold.holdTransferId(), 1, Integer::sum);
          case TransferCommand.ExpireHold expire ->
              resolutions.merge(expire.holdTransferId(), 1, Integer::sum);
          default -> {}
        }
      }
      checkInvariants("seed=" + seed + " batch=" + batchNumber);
    }

    private List<TransferCommand> randomSubmission() {
      int size = 1 + random.nextInt(4);
      List<TransferCommand> commands = new ArrayList<>();
      for (int index = 0; index < size; index++) {
        // Mostly closed chains; now and then one left open on purpose.
        boolean linked = index < size - 1 ? random.nextInt(3) == 0 : random.nextInt(25) == 0;
        commands.add(randomCommand(linked));
      }
      return commands;
    }

    private TransferCommand randomCommand(boolean linked) {
      String id =
          random.nextInt(8) == 0 && !usedIds.isEmpty()
              ? usedIds.get(random.nextInt(usedIds.size()))
              : "t" + (nextId++);
      usedIds.add(id);
      long debit = 1 + random.nextInt(12);
      // Mostly an account of the same currency (same parity of id), sometimes any account.
      long credit =
          random.nextInt(5) == 0
              ? 1 + random.nextInt(12)
              : 1 + (debit - 1 + 2L * (1 + random.nextInt(5))) % 12;
      String currency = random.nextInt(10) == 0 ? "EUR" : accounts.get(debit).assetCode();
      long amount = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(5_000);
      String hold = randomHoldId();
      return switch (random.nextInt(6)) {
        case 0, 1 -> new TransferCommand.Posting(id, debit, credit, currency, amount, linked);
        case 2 ->
            new TransferCommand.Hold(
                id,
                debit,
                credit,
                currency,
                amount,
                now.plus(Duration.ofSeconds(random.nextInt(200) - 20)),
                linked);
        case 3 ->
            new TransferCommand.PostHold(
                id, hold, random.nextBoolean() ? null : (long) 1 + random.nextInt(20_000), linked);
        case 4 -> new TransferCommand.VoidHold(id, hold, linked);
        default -> new TransferCommand.ExpireHold(id, hold, linked);
      };
    }

    private String randomHoldId() {
      if (holds.isEmpty() || random.nextInt(10) == 0) {
        return "unknown-" + random.nextInt(3);
      }
      List<String> ids = new ArrayList<>(holds.keySet());
      return ids.get(random.nextInt(ids.size()));
    }

    private void checkInvariants(String context) {
      Map<String, Long> postedPerCurrency = new HashMap<>();
      Map<Long, Long> pendingDebits = new HashMap<>();
      Map<Long, Long> pendingCredits = new HashMap<>();
      for (HoldState hold : holds.values()) {
        if (hold.status() == HoldStatus.PENDING) {
          pendingDebits.merge(hold.debitAccountId(), hold.amount(), Long::sum);
          pendingCredits.merge(hold.creditAccountId(), hold.amount(), Long::sum);
        }
      }
      Map<Long, Long> replayed = new HashMap<>(openingPosted);
      for (Posting posting : journal) {
        long after = replayed.merge(posting.accountId(), posting.amount(), Long::sum);
        assertThat(posting.postedBalanceAfter()).as(context + " running balance").isEqualTo(after);
      }
      for (AccountState account : accounts.values()) {
        postedPerCurrency.merge(account.assetCode(), account.posted(), Long::sum);
        assertThat(account.withinFloor()).as(context + " floor of " + account).isTrue();
        assertThat(account.pendingDebits())
            .as(context + " pending debits of " + account.id())
            .isEqualTo(pendingDebits.getOrDefault(account.id(), 0L));
        assertThat(account.pendingCredits())
            .as(context + " pending credits of " + account.id())
            .isEqualTo(pendingCredits.getOrDefault(account.id(), 0L));
        assertThat(account.posted())
            .as(context + " replay of " + account.id())
            .isEqualTo(replayed.get(account.id()));
      }
      postedPerCurrency.forEach(
          (currency, sum) ->
              assertThat(sum).as(context + " " + currency + " sums to zero").isZero());
      resolutions.forEach(
          (hold, count) -> assertThat(count).as(context + " resolutions of " + hold).isEqualTo(1));
      holds.values().stream()
          .filter(hold -> hold.status() != HoldStatus.PENDING)
          .forEach(
              hold ->
                  assertThat(resolutions.get(hold.transferId()))
                      .as(context + " resolved hold " + hold.transferId())
                      .isEqualTo(1));
    }
  }
}
